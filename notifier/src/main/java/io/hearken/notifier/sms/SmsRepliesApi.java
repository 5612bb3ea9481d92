package io.hearken.notifier.sms;

import io.hearken.notifier.NotifierProperties;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A resident's reply to one of our text messages, forwarded by the gateway: {@code {"from": "+86…", "text": "退订"}}.
 * A reply that is a stop word (STOP, TD, 退订, … — the whole reply, so "please don't stop the repair" is not one)
 * opts the number out; anything else is left to the office (answer: not opted out).
 */
@RestController("notifierSmsRepliesApi")
class SmsRepliesApi {

    static final String PATH = "/api/v1/notifier/sms/replies";

    record Reply(String from, String text) {
    }

    record Answer(String contactHash, boolean optedOut) {
    }

    private final SmsOptOuts optOuts;
    private final Set<String> stopWords;

    SmsRepliesApi(SmsOptOuts optOuts, NotifierProperties properties) {
        this.optOuts = optOuts;
        this.stopWords = properties.sms().stopWords().stream().map(SmsRepliesApi::normalize).collect(Collectors.toSet());
    }

    @PostMapping("/api/v1/notifier/sms/replies") // PATH, written out: ProxyRoutesTest reads the mapped paths from source
    Answer reply(@RequestBody Reply reply) {
        if (reply.from() == null || optOuts.hashOf(reply.from()) == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from: not a phone number");
        }
        if (reply.text() == null || !stopWords.contains(normalize(reply.text()))) {
            return new Answer(null, false);
        }
        return new Answer(optOuts.optOut(reply.from(), "sms-reply"), true);
    }

    /** Upper case, without spaces and punctuation: "Stop." and " 退订！" match STOP and 退订. */
    static String normalize(String text) {
        return text.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]", "").toUpperCase(Locale.ROOT);
    }
}
