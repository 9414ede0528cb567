package org.accord.support.background;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

/**
 * Work a service does in the background, in rounds: one round at a time, the next after the poll interval, or sooner
 * when something this instance did asks for it ({@link #wake()}). Any number of wake-ups while the loop waits or runs
 * make one more round, begun no earlier than the woken spacing after the previous one began, so a burst makes few
 * rounds, each taking much. A round that left work behind is followed by the next at once. A round that failed is
 * followed by the next after the backoff for the failures in a row, which no wake-up cuts short; a loop without a
 * backoff waits the poll interval and stays awake.
 * <p>
 * It starts with the application context and stops before the database goes: the round in flight may end, up to ten
 * seconds, and then the loop's workers too. Every round is timed in {@code accord.background.rounds} by loop and
 * outcome; {@code accord.background.failures} is the failures in a row and {@code accord.background.last.round} how
 * long the last round took.
 */
public final class BackgroundLoop implements SmartLifecycle {

    /** What a round found. */
    public enum Outcome {
        /** Nothing left that it knows of: the next round after the poll interval, or when woken. */
        IDLE,
        /** It stopped with work left, a full batch: the next round at once. */
        MORE,
        /** It could not do its work: the next round after the backoff. */
        FAILED
    }

    /** One round of the loop's work. */
    @FunctionalInterface
    public interface Round {

        /** Does the work; throwing counts as {@link Outcome#FAILED}. */
        Outcome run() throws Exception;

        /** A round whose every end is idle, for work that handles its own failures. */
        static Round always(Runnable work) {
            return () -> {
                work.run();
                return Outcome.IDLE;
            };
        }
    }

    /**
     * How a loop runs.
     *
     * @param poll         the wait after a round that found nothing more to do, unless woken
     * @param firstRound   the wait from the start to the first round
     * @param wokenSpacing how long after the previous round began a woken round may begin, at the earliest
     * @param backoff      the wait after the given number of failed rounds in a row, which no wake-up cuts short;
     *                     {@code null} to wait the poll interval and stay awake
     * @param workers      threads the rounds may hand work to, started and stopped with the loop; none if zero
     * @param autoStartup  whether the loop starts with the application context
     */
    public record Settings(Duration poll, Duration firstRound, Duration wokenSpacing, IntFunction<Duration> backoff,
            int workers, boolean autoStartup) {

        public Settings {
            Objects.requireNonNull(poll, "poll");
            Objects.requireNonNull(firstRound, "firstRound");
            Objects.requireNonNull(wokenSpacing, "wokenSpacing");
        }

        /** A round at once and then every poll interval, at once when woken, with no backoff and no workers. */
        public static Settings every(Duration poll) {
            return new Settings(poll, Duration.ZERO, Duration.ZERO, null, 0, true);
        }
    }

    private enum State { STOPPED, WAITING, WOKEN, RUNNING, BACKING_OFF }

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);
    /** How long stopping waits for the round in flight, and then for the workers. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Settings settings;
    private final Round round;
    private final RoundScheduler scheduler;
    private final MeterRegistry meters;

    private State state = State.STOPPED;
    private boolean wokenDuringRound;
    private RoundScheduler.Scheduled next;
    private Instant roundStarted = Instant.MIN;
    private volatile int failuresInARow;
    private volatile Duration lastRound = Duration.ZERO;
    private volatile ExecutorService workers;

    /** A loop on a thread of its own named after it, its meters in the given registry (the global one if null). */
    public BackgroundLoop(String name, Settings settings, Round round, MeterRegistry meters) {
        this(name, settings, round, new LoopThread(), meters);
    }

    /** A loop whose rounds the given scheduler runs. */
    public BackgroundLoop(String name, Settings settings, Round round, RoundScheduler scheduler,
            MeterRegistry meters) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.round = Objects.requireNonNull(round, "round");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.meters = meters != null ? meters : Metrics.globalRegistry;
        Gauge.builder("accord.background.failures", this, loop -> loop.failuresInARow)
                .tag("loop", name).description("Rounds of the loop that failed in a row").register(this.meters);
        TimeGauge.builder("accord.background.last.round", this, TimeUnit.NANOSECONDS,
                        loop -> loop.lastRound.toNanos())
                .tag("loop", name).description("How long the loop's last round took").register(this.meters);
    }

    /** Asks for a round now rather than after the poll interval; never waits for it and never cuts a backoff short. */
    public void wake() {
        synchronized (this) {
            if (state == State.RUNNING) {
                wokenDuringRound = true;
            } else if (state == State.WAITING) {
                next.cancel();
                scheduleWoken();
            }
        }
    }

    /** Where the round hands work to be done side by side; {@code null} while the loop is stopped. */
    public ExecutorService workers() {
        return workers;
    }

    /** The failed rounds since the last one that was not. */
    public int failuresInARow() {
        return failuresInARow;
    }

    private void runRound() {
        synchronized (this) {
            if (state == State.STOPPED) {
                return;
            }
            state = State.RUNNING;
            wokenDuringRound = false;
            roundStarted = scheduler.now();
        }
        Outcome outcome;
        try {
            outcome = round.run();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception failure) {
            log.warn("A round of {} failed", name, failure);
            outcome = Outcome.FAILED;
        }
        lastRound = Duration.between(roundStarted, scheduler.now());
        Timer.builder("accord.background.rounds").tag("loop", name).tag("outcome", outcome.name().toLowerCase())
                .description("Rounds of the loop, by how they ended").register(meters).record(lastRound);
        synchronized (this) {
            if (state != State.STOPPED) {
                scheduleAfter(outcome);
            }
        }
    }

    private void scheduleAfter(Outcome outcome) {
        if (outcome == Outcome.FAILED) {
            failuresInARow++;
            if (settings.backoff() != null) {
                state = State.BACKING_OFF;
                next = scheduler.schedule(this::runRound, settings.backoff().apply(failuresInARow));
                return;
            }
        } else {
            failuresInARow = 0;
        }
        if (outcome == Outcome.MORE) {
            state = State.WOKEN;
            next = scheduler.schedule(this::runRound, Duration.ZERO);
        } else if (wokenDuringRound) {
            scheduleWoken();
        } else {
            state = State.WAITING;
            next = scheduler.schedule(this::runRound, settings.poll());
        }
    }

    /** The woken round, no earlier than the spacing after the previous one began. */
    private void scheduleWoken() {
        state = State.WOKEN;
        Duration wait = Duration.between(scheduler.now(), roundStarted.plus(settings.wokenSpacing()));
        next = scheduler.schedule(this::runRound, wait.isNegative() ? Duration.ZERO : wait);
    }

    @Override
    public void start() {
        synchronized (this) {
            if (state != State.STOPPED) {
                return;
            }
            scheduler.start(name);
            if (settings.workers() > 0) {
                AtomicInteger numbered = new AtomicInteger();
                workers = Executors.newFixedThreadPool(settings.workers(), task -> {
                    Thread thread = new Thread(task, name + "-" + numbered.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
            }
            state = State.WAITING;
            next = scheduler.schedule(this::runRound, settings.firstRound());
        }
    }

    @Override
    public void stop() {
        synchronized (this) {
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPED;
            if (next != null) {
                next.cancel();
            }
        }
        scheduler.stop(GRACE);
        ExecutorService stopping = workers;
        workers = null;
        if (stopping != null) {
            LoopThread.stopWithin(stopping, GRACE);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return state != State.STOPPED;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.autoStartup();
    }
}
