package org.accord.support.background;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Runs a loop's rounds on a thread of its own, a daemon, so a loop never holds the JVM open. */
final class LoopThread implements RoundScheduler {

    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledThreadPoolExecutor executor;

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void start(String name) {
        ScheduledThreadPoolExecutor started = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        started.setRemoveOnCancelPolicy(true);
        started.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor = started;
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        var future = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void stop(Duration grace) {
        ScheduledThreadPoolExecutor stopping = executor;
        if (stopping == null) {
            return;
        }
        stopWithin(stopping, grace);
    }

    /** Shuts the executor down, lets what it runs end within the grace, then interrupts whatever has not. */
    static void stopWithin(ExecutorService stopping, Duration grace) {
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.shutdownNow();
        }
    }
}
