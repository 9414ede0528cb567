package org.accord.support.background;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a {@link BackgroundLoop}'s rounds run and when: one round at a time, each at a delay from now. The loop's own
 * thread in production; a clock moved by hand in tests, so a test says when time passes instead of waiting for it.
 */
public interface RoundScheduler {

    /** Now, as the rounds are timed. */
    Instant now();

    /** Makes ready to run rounds; the name names the thread, if there is one. */
    void start(String name);

    /** Runs the task once after the delay, unless cancelled first. */
    Scheduled schedule(Runnable task, Duration delay);

    /** Runs nothing more, and waits up to the grace for the round in flight to end before interrupting it. */
    void stop(Duration grace);

    /** A round waiting to run. */
    interface Scheduled {

        /** Keeps it from running if it has not started; a round under way goes on. */
        void cancel();
    }
}
