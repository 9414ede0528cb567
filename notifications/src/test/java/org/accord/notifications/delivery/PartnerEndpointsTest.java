package org.accord.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

class PartnerEndpointsTest {

    private final PartnerEndpoints endpoints = new PartnerEndpoints(new DeliveryProperties(10, Duration.ofSeconds(1),
            100, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1), 8, 2, 20,
            Duration.ofDays(90), Duration.ofHours(1)),
            CircuitBreakerConfig.custom().slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofMillis(300)).permittedNumberOfCallsInHalfOpenState(1)
                    .build());

    @Test
    void anEndpointGetsOnlyItsShareOfSendsAndTheOthersTheirs() {
        Optional<PartnerEndpoints.Permit> first = endpoints.tryStart("WEBHOOK https://slow.example:443");
        Optional<PartnerEndpoints.Permit> second = endpoints.tryStart("WEBHOOK https://slow.example:443");

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(endpoints.tryStart("WEBHOOK https://slow.example:443")).as("its share is taken").isEmpty();
        assertThat(endpoints.tryStart("WEBHOOK https://other.example:443")).as("another partner").isPresent();

        first.get().answered();
        assertThat(endpoints.tryStart("WEBHOOK https://slow.example:443")).as("a send ended").isPresent();
    }

    @Test
    void anEndpointThatKeepsFailingIsPassedOverUntilItsBreakerLetsOneAttemptProbeIt() throws InterruptedException {
        String broken = "WEBHOOK https://broken.example:443";
        for (int i = 0; i < 4; i++) {
            endpoints.tryStart(broken).orElseThrow().failed("HTTP 503");
        }

        assertThat(endpoints.tryStart(broken)).as("open").isEmpty();
        assertThat(endpoints.tryStart("EMAIL FR")).as("others go on").isPresent();

        Thread.sleep(400);
        Optional<PartnerEndpoints.Permit> probe = endpoints.tryStart(broken);
        assertThat(probe).as("half-open: one probe").isPresent();
        assertThat(endpoints.tryStart(broken)).as("only one").isEmpty();
        probe.get().answered();
        assertThat(endpoints.tryStart(broken)).as("closed again").isPresent();
    }
}
