package org.accord.notifications.delivery;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The partner endpoints of this instance, each with its own circuit breaker and its own share of the send threads:
 * an endpoint whose breaker is open, or that already has its share of sends in flight, is passed over, so whatever it
 * does, the other partners' deliveries go on.
 */
final class PartnerEndpoints {

    private final CircuitBreakerRegistry breakers;
    private final int sendsPerEndpoint;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    /**
     * {@code breaker} is resilience4j's configuration {@code partner-endpoint}; the breakers built from it are this
     * instance's own, so no partner's address becomes the name of a metric.
     */
    PartnerEndpoints(DeliveryProperties properties, CircuitBreakerConfig breaker) {
        this.breakers = CircuitBreakerRegistry.of(breaker);
        this.sendsPerEndpoint = properties.sendsPerEndpoint();
    }

    /** A permit to send to the endpoint now, or empty if it is busy or its breaker is open. */
    Optional<Permit> tryStart(String endpoint) {
        AtomicInteger sending = inFlight.computeIfAbsent(endpoint, e -> new AtomicInteger());
        if (sending.incrementAndGet() > sendsPerEndpoint) {
            sending.decrementAndGet();
            return Optional.empty();
        }
        CircuitBreaker breaker = breakers.circuitBreaker(endpoint);
        if (!breaker.tryAcquirePermission()) {
            sending.decrementAndGet();
            return Optional.empty();
        }
        return Optional.of(new Permit(breaker, sending, System.nanoTime()));
    }

    CircuitBreaker.State state(String endpoint) {
        return breakers.circuitBreaker(endpoint).getState();
    }

    /** One send under way; ends exactly once, as healthy, failed, or not sent at all. */
    static final class Permit {

        private final CircuitBreaker breaker;
        private final AtomicInteger sending;
        private final long started;

        private Permit(CircuitBreaker breaker, AtomicInteger sending, long started) {
            this.breaker = breaker;
            this.sending = sending;
            this.started = started;
        }

        void answered() {
            breaker.onSuccess(elapsed(), TimeUnit.NANOSECONDS);
            sending.decrementAndGet();
        }

        void failed(String detail) {
            breaker.onError(elapsed(), TimeUnit.NANOSECONDS, new PartnerFailure(detail));
            sending.decrementAndGet();
        }

        void notSent() {
            breaker.releasePermission();
            sending.decrementAndGet();
        }

        private long elapsed() {
            return System.nanoTime() - started;
        }
    }

    /** What the breaker counts: an attempt the partner's side failed. */
    static final class PartnerFailure extends RuntimeException {
        PartnerFailure(String detail) {
            super(detail, null, false, false);
        }
    }
}
