package io.hearken.intake.web.intake;

import io.hearken.events.ComplaintId;
import io.hearken.events.TrackingIds;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import io.hearken.events.privacy.PrivacyProperties;
import org.springframework.stereotype.Component;

/**
 * The tracking id of a submission that carries an idempotency key, derived from the key: every attempt of the same
 * request — a retry after a 503, after a lost answer, on another instance, after a crash between the complaint and
 * its key record — names the same complaint with the same event id, and downstream drops the repeat (the router
 * routes a complaint id once; the indices and the notifier keep events by id). Keyed with the deployment's secret,
 * so an id cannot be computed from a key by anyone else.
 */
@Component
class KeyedIds {

    private final SecretKeySpec key;

    KeyedIds(PrivacyProperties privacy) {
        this.key = new SecretKeySpec(("tracking-id\u001f" + privacy.requiredSecret()).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    ComplaintId forKey(String scopedKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return TrackingIds.fromBits(ByteBuffer.wrap(mac.doFinal(scopedKey.getBytes(StandardCharsets.UTF_8))).getLong());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
