package io.hearken.notifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local SMS gateway on a free port: accepts every message (200) unless a test stubs a number otherwise, and
 * keeps every request for the tests to count and read.
 */
public final class SmsGatewayStub {

    public static final String PATH = "/v1/messages";
    public static final String API_KEY = "notifier-test-sms-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static SmsGatewayStub shared;

    private final WireMockServer server;

    private SmsGatewayStub() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(8));
        server.start();
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(10).willReturn(okJson("{\"id\":\"accepted\"}")));
    }

    public static synchronized SmsGatewayStub shared() {
        if (shared == null) {
            shared = new SmsGatewayStub();
        }
        return shared;
    }

    public String url() {
        return server.baseUrl() + PATH;
    }

    public WireMockServer server() {
        return server;
    }

    /** A mobile number no other test uses. */
    public static String newNumber() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A stub for messages to one number only (it wins over the default). */
    public MappingBuilder to(String number) {
        return post(urlPathEqualTo(PATH)).atPriority(1).withRequestBody(matchingJsonPath("$.to", equalTo(number)));
    }

    /** Every request the gateway received for this number, in order. */
    public List<LoggedRequest> requestsTo(String number) {
        return server.findAll(postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(number))));
    }

    /** The JSON bodies sent to this number. */
    public List<JsonNode> messagesTo(String number) {
        return requestsTo(number).stream().map(r -> JSON.readTree(r.getBodyAsString())).toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(String body) {
        return JSON.readValue(body, Map.class);
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder status(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
