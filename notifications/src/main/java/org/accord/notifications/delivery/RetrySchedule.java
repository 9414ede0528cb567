package org.accord.notifications.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try again: a random wait up to a ceiling that doubles with each failure ("full jitter"), so partners coming
 * back after an outage are not hit by every retry at the same moment; never sooner than the partner asked.
 */
final class RetrySchedule {

    private final Duration initial;
    private final Duration max;
    private final Duration maxRetryAfter;
    private final RandomGenerator random;

    RetrySchedule(Duration initial, Duration max, Duration maxRetryAfter, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    /** The wait after the {@code failures}-th failure in a row; {@code retryAfter} is what the partner asked for. */
    Duration waitAfter(int failures, Duration retryAfter) {
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(Math.max(failures - 1, 0), 30));
        Duration wait = Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
        if (retryAfter != null && !retryAfter.isNegative()) {
            Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
            return asked.compareTo(wait) > 0 ? asked : wait;
        }
        return wait;
    }
}
