package io.hearken.notifier;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearken.notifier.*}. Every value has a default that works in the all-in-one, so the app needs no
 * extra configuration; production sets at least {@code link-secret}, {@code public-url} and the addresses.
 *
 * @param from           sender of every mail; replies go there, so it is the complaints mailbox the email channel reads
 * @param publicUrl      base of the links in mails (the satisfaction page)
 * @param linkSecret     HMAC key of the satisfaction tokens
 * @param satisfactionValidFor how long a satisfaction link works
 * @param zone           time zone of the dates in mails
 * @param staffLanguage  language of mails to supervisors and management
 * @param supervisors    department code → supervisor address; departments not listed use {@code supervisorPattern}
 * @param supervisorPattern address of a department's supervisor, {@code {department}} replaced by its code
 * @param management     where escalations to management go
 * @param smtpTimeout    SMTP connect/read/write timeout unless {@code spring.mail.properties} sets one
 * @param smtpKeepAlive  how long an idle SMTP connection is kept for the next mail
 * @param journal        the sent-mail journal that closes the crash window between SMTP and the ledger
 * @param sms            text messages to residents who left a phone number only (off by default)
 * @param progress       the periodic note to residents whose open complaint has been quiet for a while
 * @param parallelSends  notices this instance sends at once (different complaints; one complaint's in order): a
 *                       thread waits ~20 ms for a relay's answer and the ledger's acknowledgement, so one at a time
 *                       would cap a consumer thread at ~50 mails/s
 */
@ConfigurationProperties("hearken.notifier")
public record NotifierProperties(
        @DefaultValue("Hearken <complaints@hearken.local>") String from,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("hearken-all-in-one-link-secret") String linkSecret,
        @DefaultValue("P14D") Duration satisfactionValidFor,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("zh-CN") String staffLanguage,
        Map<String, String> supervisors,
        @DefaultValue("supervisor.{department}@hearken.local") String supervisorPattern,
        @DefaultValue("management@hearken.local") String management,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Retry retry,
        @DefaultValue("PT10S") Duration smtpTimeout,
        @DefaultValue("PT30S") Duration smtpKeepAlive,
        @DefaultValue Journal journal,
        @DefaultValue Sms sms,
        @DefaultValue Progress progress,
        @DefaultValue("16") int parallelSends) {

    public NotifierProperties {
        parallelSends = Math.max(1, parallelSends);
        supervisors = supervisors == null ? Map.of() : Map.copyOf(supervisors);
    }

    public String supervisorOf(String department) {
        String code = department == null || department.isBlank() ? "customer-service" : department;
        String configured = supervisors.get(code);
        return configured != null ? configured : supervisorPattern.replace("{department}", code);
    }

    public Locale staffLocale() {
        return Languages.locale(staffLanguage);
    }

    /**
     * A mailbox that receives a copy of every mail in the same SMTP transaction (an envelope-only recipient, like
     * Bcc): if SMTP accepted a mail, the journal has it. After a crash between SMTP and the ledger record, the
     * notifier finds the mail there by its Message-ID and records it instead of sending it again. Off while
     * {@code address} is empty.
     *
     * @param address  the journal's address (an envelope recipient of every mail)
     * @param imapHost where to read it (IMAP; the login is {@code username}/{@code password})
     * @param keep     journal copies older than this are deleted: a redelivery comes within minutes of a crash
     */
    public record Journal(String address, String imapHost, @DefaultValue("143") int imapPort, String username,
            String password, @DefaultValue("false") boolean tls, @DefaultValue("P1D") Duration keep) {

        public boolean enabled() {
            return address != null && !address.isBlank();
        }
    }

    /** At most {@code perAddress} mails to one resident address within {@code window} (loop and flood guard). */
    public record RateLimit(@DefaultValue("20") int perAddress, @DefaultValue("PT1H") Duration window) {
    }

    /**
     * Back-off while SMTP (or anything else) fails: exponential from {@code initialInterval}, each wait at most
     * {@code maxInterval}, giving up (dead letter) once the waits add up to {@code maxElapsed}.
     */
    public record Retry(@DefaultValue("PT2S") Duration initialInterval, @DefaultValue("2.0") double multiplier,
            @DefaultValue("PT1M") Duration maxInterval, @DefaultValue("PT10M") Duration maxElapsed) {
    }

    /**
     * The SMS channel: an HTTP gateway that takes one JSON message per request, the key in a header. Residents with
     * an address get mail; with a phone number only, an SMS while {@code enabled}.
     *
     * @param gatewayUrl   where the JSON is POSTed (required when enabled)
     * @param apiKeyHeader header carrying {@code apiKey}
     * @param sender       the sender name or signature the gateway shows (e.g. a registered 签名)
     * @param templates    kind → the gateway's template id (pre-approved templates); sent beside the text
     * @param timeout      connect and answer timeout of one request; a timeout is retried like a 5xx
     * @param maxParts     parts one message may take (concatenated SMS); a longer text is shortened
     * @param gsmChars     characters of a one-part message in the GSM 7-bit alphabet (a part of several: 7 less)
     * @param ucs2Chars    characters of a one-part message in UCS-2 (Chinese; a part of several: 3 less)
     * @param optedOut     contact hashes ({@code PersonalData.hash}) never to text, besides those on the opt-out topic
     * @param replyKeys    keys the gateway sends in {@code X-Api-Key} when it forwards a resident's reply
     * @param stopWords    a reply that is one of these (any case, punctuation ignored) opts the number out
     */
    public record Sms(@DefaultValue("false") boolean enabled, URI gatewayUrl, String apiKey,
            @DefaultValue("X-Api-Key") String apiKeyHeader, @DefaultValue("Hearken") String sender,
            Map<String, String> templates, @DefaultValue("PT10S") Duration timeout, @DefaultValue("1") int maxParts,
            @DefaultValue("160") int gsmChars, @DefaultValue("70") int ucs2Chars, java.util.List<String> optedOut,
            java.util.List<String> replyKeys,
            @DefaultValue({"STOP", "UNSUBSCRIBE", "T", "TD", "退订", "取消订阅"}) java.util.List<String> stopWords) {

        public Sms {
            templates = templates == null ? Map.of() : Map.copyOf(templates);
            optedOut = optedOut == null ? java.util.List.of() : java.util.List.copyOf(optedOut);
            replyKeys = replyKeys == null ? java.util.List.of() : java.util.List.copyOf(replyKeys);
            stopWords = stopWords == null ? java.util.List.of() : java.util.List.copyOf(stopWords);
            maxParts = Math.max(1, maxParts);
        }
    }

    /**
     * A note to the resident when nothing happened on an open complaint for {@code quietDays} (0: never), at most
     * one per quiet period, sent between {@code fromHour} and {@code untilHour} in {@code zone}.
     *
     * @param checkEvery how often open complaints are looked at
     */
    public record Progress(@DefaultValue("5") int quietDays, @DefaultValue("PT1H") Duration checkEvery,
            @DefaultValue("8") int fromHour, @DefaultValue("20") int untilHour) {
    }
}
