package org.accord.gateway.routing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.accord.gateway.routing.RateLimitProperties.Limit;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;

/**
 * The default rate limiter: a token bucket per caller and route, kept in this gateway instance's memory. Several
 * instances each count on their own, so a caller spread over them gets up to that many times the limit; the Redis
 * store shares one count. Buckets that have filled up again are forgotten, so memory follows the active callers.
 */
public final class TokenBucketRateLimiter implements RateLimiter<Limit> {

    static final String REMAINING = "X-RateLimit-Remaining";
    static final String REPLENISH_RATE = "X-RateLimit-Replenish-Rate";
    static final String BURST_CAPACITY = "X-RateLimit-Burst-Capacity";

    private static final long SWEEP_INTERVAL = Duration.ofMinutes(1).toNanos();
    private static final double NANOS_PER_SECOND = 1e9;

    private final RateLimitProperties limits;
    private final LongSupplier nanoTime;
    private final Map<String, Limit> routeLimits = new ConcurrentHashMap<>();
    private final Map<BucketKey, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    /** @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests */
    public TokenBucketRateLimiter(RateLimitProperties limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.nextSweep = new AtomicLong(nanoTime.getAsLong() + SWEEP_INTERVAL);
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String caller) {
        Limit limit = routeLimits.computeIfAbsent(routeId, limits::forRoute);
        long now = nanoTime.getAsLong();
        forgetFullBuckets(now);
        Bucket bucket = buckets.computeIfAbsent(new BucketKey(routeId, caller),
                key -> new Bucket(limit.burstCapacity(), now));
        return Mono.just(bucket.take(limit, now));
    }

    private void forgetFullBuckets(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_INTERVAL)) {
            buckets.entrySet().removeIf(entry -> entry.getValue()
                    .isFullAt(routeLimits.computeIfAbsent(entry.getKey().routeId(), limits::forRoute), now));
        }
    }

    @Override
    public Map<String, Limit> getConfig() {
        return routeLimits;
    }

    @Override
    public Class<Limit> getConfigClass() {
        return Limit.class;
    }

    @Override
    public Limit newConfig() {
        return new Limit(limits.replenishRate(), limits.burstCapacity());
    }

    private record BucketKey(String routeId, String caller) {
    }

    private static final class Bucket {

        private double tokens;
        private long updated;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized Response take(Limit limit, long now) {
            refill(limit, now);
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(REMAINING, Long.toString((long) Math.floor(tokens)));
            headers.put(REPLENISH_RATE, Integer.toString(limit.replenishRate()));
            headers.put(BURST_CAPACITY, Integer.toString(limit.burstCapacity()));
            if (!allowed) {
                long seconds = (long) Math.ceil((1 - tokens) / limit.replenishRate());
                headers.put(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)));
            }
            return new Response(allowed, headers);
        }

        synchronized boolean isFullAt(Limit limit, long now) {
            refill(limit, now);
            return tokens >= limit.burstCapacity();
        }

        private void refill(Limit limit, long now) {
            double earned = (now - updated) / NANOS_PER_SECOND * limit.replenishRate();
            tokens = Math.min(limit.burstCapacity(), tokens + earned);
            updated = now;
        }
    }
}
