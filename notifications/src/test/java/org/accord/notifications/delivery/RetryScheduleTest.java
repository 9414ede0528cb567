package org.accord.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(10),
            Duration.ofHours(1), RandomGenerator.of("L64X128MixRandom"));

    @Test
    void waitsAreRandomUpToACeilingThatDoublesWithEachFailureUpToTheLargest() {
        for (int failures = 1; failures <= 12; failures++) {
            long ceiling = Math.min(600_000, 10_000L << (failures - 1));
            long longest = 0;
            for (int i = 0; i < 2_000; i++) {
                long wait = schedule.waitAfter(failures, null).toMillis();
                assertThat(wait).isBetween(0L, ceiling);
                longest = Math.max(longest, wait);
            }
            assertThat(longest).as("spread over the whole range").isGreaterThan(ceiling * 9 / 10);
        }
    }

    @Test
    void aPartnersRetryAfterIsNeverUndercutAndCappedAtTheLongestHonouredWait() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(schedule.waitAfter(1, Duration.ofSeconds(30))).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        }
        assertThat(schedule.waitAfter(1, Duration.ofDays(3))).isEqualTo(Duration.ofHours(1));
    }
}
