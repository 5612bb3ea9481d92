package io.hearken.notifier.sms;

import io.hearken.notifier.NotifierProperties;
import io.hearken.notifier.delivery.Sender;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP adapter to an SMS gateway ({@code hearken.notifier.sms.*}): one {@code POST} of JSON per message, the
 * API key in a header, our reference as {@code Idempotency-Key} (a gateway that honours it drops a resend after a
 * crash). 2xx: accepted. 408, 429, 5xx, timeouts and connection failures: {@link Unavailable}, retried with the
 * listener's back-off. Any other answer (4xx, a redirect): {@link Sender.Rejected}, dead-lettered at once with the status and reason.
 */
@Component("notifierSmsGateway")
class SmsGateway {

    /** One text message as the gateway receives it. */
    record Message(String to, String text, String templateId, Map<String, String> params, String reference,
            int parts, String encoding) {
    }

    /** The gateway could not take the message now: retried. */
    static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotifierProperties.Sms settings;
    private final HttpClient http;

    SmsGateway(NotifierProperties properties) {
        this.settings = properties.sms();
        if (settings.enabled() && settings.gatewayUrl() == null) {
            throw new IllegalStateException("hearken.notifier.sms.enabled=true needs hearken.notifier.sms.gateway-url");
        }
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends; returns normally once the gateway accepted the message. */
    void send(Message message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", message.to());
        body.put("sender", settings.sender());
        body.put("text", message.text());
        body.put("templateId", message.templateId());
        body.put("params", message.params());
        body.put("reference", message.reference());
        body.put("parts", message.parts());
        body.put("encoding", message.encoding());
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.gatewayUrl())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("Idempotency-Key", message.reference())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header(settings.apiKeyHeader(), settings.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable("SMS gateway not reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while sending an SMS", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String reason = "SMS gateway answered " + status + ": " + reason(response.body());
        if (status == 408 || status == 429 || status >= 500) {
            throw new Unavailable(reason, null);
        }
        throw new Sender.Rejected(reason);
    }

    /** The gateway's answer, short, with any long digit run (a phone number echoed back) masked. */
    private static String reason(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ").replaceAll("\\d{7,}", "***");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
