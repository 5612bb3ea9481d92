package io.hearken.events.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per client address on an open endpoint (sign-in, triage, satisfaction page): a token bucket per
 * address, {@code capacity} at once, refilled over {@code period}. The address is the servlet's remote address,
 * so behind a proxy set {@code server.forward-headers-strategy}. (The web channel has its own, shared by form,
 * REST and Open311.)
 */
public final class AddressLimit {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int capacity;
    private final Duration period;

    public AddressLimit(int capacity, Duration period) {
        this.capacity = capacity <= 0 ? 1 : capacity;
        this.period = period == null || period.isZero() || period.isNegative() ? Duration.ofMinutes(1) : period;
    }

    /** The seconds this address must wait before its next token, {@code 0} when one is left; takes none. */
    public long blockedFor(String address) {
        Bucket bucket = buckets.get(address == null ? "?" : address);
        if (bucket == null) {
            return 0;
        }
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : seconds(estimate.getNanosToWaitForRefill());
    }

    /** Takes one token for this address: {@code 0} when allowed, else the seconds to wait (for Retry-After). */
    public long take(String address) {
        if (buckets.size() > 10_000) { // forget full buckets now and then, so idle addresses do not pile up
            buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        }
        Bucket bucket = buckets.computeIfAbsent(address == null ? "?" : address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
