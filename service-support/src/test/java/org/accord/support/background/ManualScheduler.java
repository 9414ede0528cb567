package org.accord.support.background;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs a loop's rounds when the test moves its clock, on the test's thread. */
final class ManualScheduler implements RoundScheduler {

    private final List<Pending> pending = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    boolean stopped;

    private final class Pending implements Scheduled {
        final Runnable task;
        final Instant due;

        Pending(Runnable task, Instant due) {
            this.task = task;
            this.due = due;
        }

        @Override
        public void cancel() {
            pending.remove(this);
        }
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void start(String name) {
        stopped = false;
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        Pending scheduled = new Pending(task, now.plus(delay));
        pending.add(scheduled);
        return scheduled;
    }

    @Override
    public void stop(Duration grace) {
        stopped = true;
        pending.clear();
    }

    /** Moves the clock on, running every round that falls due on the way at its time. */
    void advance(Duration by) {
        Instant until = now.plus(by);
        for (;;) {
            Pending first = pending.stream().filter(p -> !p.due.isAfter(until))
                    .min(Comparator.comparing(p -> p.due)).orElse(null);
            if (first == null) {
                break;
            }
            pending.remove(first);
            if (first.due.isAfter(now)) {
                now = first.due;
            }
            first.task.run();
        }
        now = until;
    }

    /** Moves the clock on by time spent inside a round. */
    void spend(Duration by) {
        now = now.plus(by);
    }

    /** When the next round is due, if one is. */
    Instant nextDue() {
        return pending.stream().map(p -> p.due).min(Comparator.naturalOrder()).orElse(null);
    }
}
