package org.accord.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.accord.gateway.routing.RateLimitProperties.RouteLimit;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;

class TokenBucketRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(new RateLimitProperties(
            RateLimitProperties.Store.MEMORY, 10, 40, Map.of("tasks", new RouteLimit(2, 4))), now::get);

    @Test
    void aCallerMaySpendTheBurstAtOnceAndThenTheReplenishRate() {
        for (int call = 0; call < 4; call++) {
            assertThat(take("tasks", "alice").isAllowed()).isTrue();
        }
        Response refused = take("tasks", "alice");
        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "1").containsEntry("X-RateLimit-Remaining", "0");

        advance(Duration.ofMillis(500));
        assertThat(take("tasks", "alice").isAllowed()).isTrue();
        assertThat(take("tasks", "alice").isAllowed()).isFalse();

        advance(Duration.ofSeconds(60));
        Response rested = take("tasks", "alice");
        assertThat(rested.isAllowed()).isTrue();
        assertThat(rested.getHeaders()).containsEntry("X-RateLimit-Remaining", "3")
                .containsEntry("X-RateLimit-Burst-Capacity", "4").containsEntry("X-RateLimit-Replenish-Rate", "2")
                .doesNotContainKey("Retry-After");
    }

    @Test
    void callersAndRoutesHaveBucketsOfTheirOwn() {
        for (int call = 0; call < 4; call++) {
            take("tasks", "alice");
        }
        assertThat(take("tasks", "alice").isAllowed()).isFalse();

        assertThat(take("tasks", "bob").isAllowed()).isTrue();
        Response otherRoute = take("cases", "alice");
        assertThat(otherRoute.isAllowed()).isTrue();
        assertThat(otherRoute.getHeaders()).containsEntry("X-RateLimit-Remaining", "39");
    }

    @Test
    void aSlowRouteTellsHowLongToWait() {
        TokenBucketRateLimiter slow = new TokenBucketRateLimiter(new RateLimitProperties(
                RateLimitProperties.Store.MEMORY, 1, 1, Map.of()), now::get);
        assertThat(slow.isAllowed("cases", "alice").block().isAllowed()).isTrue();
        advance(Duration.ofMillis(100));

        Response refused = slow.isAllowed("cases", "alice").block();

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "1");
    }

    private Response take(String route, String caller) {
        return limiter.isAllowed(route, caller).block();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
