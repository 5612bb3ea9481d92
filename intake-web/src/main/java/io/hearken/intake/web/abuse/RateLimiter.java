package io.hearken.intake.web.abuse;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.hearken.intake.web.WebIntakeProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Submissions per client IP (form, REST, Open311 together): a token bucket per address. The address is the
 * servlet's remote address, so behind a proxy set {@code server.forward-headers-strategy}.
 */
@Component
public class RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final WebIntakeProperties.RateLimit limit;

    public RateLimiter(WebIntakeProperties properties) {
        this.limit = properties.rateLimit();
    }

    /** Takes one token for this address or throws {@link RateLimited}. */
    public void check(String clientAddress) {
        if (buckets.size() > 10_000) {
            forgetIdle();
        }
        Bucket bucket = buckets.computeIfAbsent(clientAddress == null ? "?" : clientAddress, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimited(Math.max(1, probe.getNanosToWaitForRefill() / 1_000_000_000L));
        }
    }

    /**
     * Throws {@link RateLimited} when this address has no token left, taking none. Contact checks call it first:
     * once wrong guesses used the tokens up, a right guess must not answer differently from a wrong one.
     */
    public void ensureLeft(String clientAddress) {
        Bucket bucket = buckets.get(clientAddress == null ? "?" : clientAddress);
        if (bucket == null) {
            return;
        }
        var estimate = bucket.estimateAbilityToConsume(1);
        if (!estimate.canBeConsumed()) {
            throw new RateLimited(Math.max(1, estimate.getNanosToWaitForRefill() / 1_000_000_000L));
        }
    }

    /** Forgets full buckets now and then, so idle addresses do not pile up. */
    void forgetIdle() {
        buckets.values().removeIf(b -> b.getAvailableTokens() >= limit.capacity());
    }

    /** Thrown when an address is over its limit; {@code retryAfterSeconds} goes into Retry-After. */
    public static class RateLimited extends RuntimeException {
        private final long retryAfterSeconds;

        public RateLimited(long retryAfterSeconds) {
            super("too many submissions from this address");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
