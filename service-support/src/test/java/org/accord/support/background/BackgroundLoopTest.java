package org.accord.support.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.accord.support.background.BackgroundLoop.Outcome;
import org.accord.support.background.BackgroundLoop.Settings;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class BackgroundLoopTest {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration SPACING = Duration.ofMillis(50);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Instant> rounds = new ArrayList<>();
    /** What the next rounds answer, in turn; idle once it is empty. */
    private final Deque<Object> answers = new ArrayDeque<>();
    private Runnable duringRound = () -> { };

    private Settings loop() {
        return new Settings(POLL, Duration.ZERO, SPACING, null, 0, true);
    }

    private BackgroundLoop started(Settings settings) {
        BackgroundLoop loop = new BackgroundLoop("test-loop", settings, () -> {
            rounds.add(scheduler.now());
            duringRound.run();
            Object answer = answers.isEmpty() ? Outcome.IDLE : answers.poll();
            if (answer instanceof RuntimeException failure) {
                throw failure;
            }
            return (Outcome) answer;
        }, scheduler, meters);
        loop.start();
        return loop;
    }

    private Instant start() {
        return Instant.parse("2026-01-01T00:00:00Z");
    }

    @Test
    void runsAtOnceThenEveryPollInterval() {
        started(loop());
        scheduler.advance(Duration.ofMillis(2500));
        assertThat(rounds).containsExactly(start(), start().plusSeconds(1), start().plusSeconds(2));
    }

    @Test
    void theFirstRoundMayWait() {
        started(new Settings(POLL, Duration.ofMinutes(1), SPACING, null, 0, true));
        scheduler.advance(Duration.ofSeconds(59));
        assertThat(rounds).isEmpty();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(rounds).containsExactly(start().plusSeconds(60));
    }

    @Test
    void aWakeUpRunsARoundNoEarlierThanTheSpacingAfterThePreviousBegan() {
        BackgroundLoop loop = started(loop());
        scheduler.advance(Duration.ofMillis(10));
        loop.wake();
        scheduler.advance(Duration.ofMillis(100));
        assertThat(rounds).containsExactly(start(), start().plusMillis(50));

        scheduler.advance(Duration.ofMillis(400));
        loop.wake();
        scheduler.advance(Duration.ZERO);
        assertThat(rounds).containsExactly(start(), start().plusMillis(50), start().plusMillis(510));
    }

    @Test
    void manyWakeUpsMakeOneRound() {
        BackgroundLoop loop = started(loop());
        scheduler.advance(Duration.ofMillis(10));
        for (int i = 0; i < 20; i++) {
            loop.wake();
        }
        scheduler.advance(Duration.ofMillis(500));
        assertThat(rounds).containsExactly(start(), start().plusMillis(50));
        assertThat(scheduler.nextDue()).isEqualTo(start().plusMillis(1050));
    }

    @Test
    void aWakeUpDuringARoundMakesOneMoreRoundAfterIt() {
        BackgroundLoop[] loop = new BackgroundLoop[1];
        duringRound = () -> {
            if (rounds.size() == 1) {
                scheduler.spend(Duration.ofMillis(20));
                loop[0].wake();
                loop[0].wake();
            }
        };
        loop[0] = started(loop());
        scheduler.advance(Duration.ofMillis(500));
        assertThat(rounds).containsExactly(start(), start().plusMillis(50));
    }

    @Test
    void aRoundThatLeftWorkIsFollowedAtOnce() {
        answers.add(Outcome.MORE);
        answers.add(Outcome.MORE);
        started(loop());
        scheduler.advance(Duration.ZERO);
        assertThat(rounds).containsExactly(start(), start(), start());
        assertThat(scheduler.nextDue()).isEqualTo(start().plus(POLL));
    }

    @Test
    void failuresBackOffAndNoWakeUpCutsTheBackoffShort() {
        answers.add(Outcome.FAILED);
        answers.add(new IllegalStateException("the database is away"));
        List<Integer> asked = new ArrayList<>();
        BackgroundLoop loop = started(new Settings(POLL, Duration.ZERO, SPACING, failures -> {
            asked.add(failures);
            return Duration.ofSeconds(10L * failures);
        }, 0, true));
        scheduler.advance(Duration.ZERO);
        assertThat(loop.failuresInARow()).isEqualTo(1);
        loop.wake();
        scheduler.advance(Duration.ofSeconds(9));
        assertThat(rounds).containsExactly(start());
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(loop.failuresInARow()).isEqualTo(2);
        scheduler.advance(Duration.ofSeconds(20));
        assertThat(rounds).containsExactly(start(), start().plusSeconds(10), start().plusSeconds(30));
        assertThat(asked).containsExactly(1, 2);
        assertThat(loop.failuresInARow()).isZero();
        assertThat(meters.get("accord.background.failures").tag("loop", "test-loop").gauge().value()).isZero();
    }

    @Test
    void withoutABackoffAFailedRoundWaitsThePollIntervalAndStaysAwake() {
        answers.add(new IllegalStateException("the database is away"));
        BackgroundLoop loop = started(loop());
        scheduler.advance(Duration.ofMillis(100));
        assertThat(loop.failuresInARow()).isEqualTo(1);
        loop.wake();
        scheduler.advance(Duration.ZERO);
        assertThat(rounds).containsExactly(start(), start().plusMillis(100));
        assertThat(loop.failuresInARow()).isZero();
    }

    @Test
    void roundsAreCountedAndTimedByOutcome() {
        answers.add(Outcome.MORE);
        answers.add(Outcome.FAILED);
        duringRound = () -> scheduler.spend(Duration.ofMillis(7));
        started(loop());
        scheduler.advance(Duration.ofMillis(1500));
        assertThat(meters.get("accord.background.rounds").tag("loop", "test-loop").tag("outcome", "more").timer()
                .count()).isEqualTo(1);
        assertThat(meters.get("accord.background.rounds").tag("outcome", "failed").timer().count()).isEqualTo(1);
        assertThat(meters.get("accord.background.rounds").tag("outcome", "idle").timer().count()).isEqualTo(1);
        assertThat(meters.get("accord.background.last.round").timeGauge().value(TimeUnit.MILLISECONDS))
                .isEqualTo(7);
    }

    @Test
    void aStoppedLoopRunsNoMoreRoundsAndIgnoresWakeUps() {
        BackgroundLoop loop = started(loop());
        scheduler.advance(Duration.ZERO);
        loop.stop();
        loop.wake();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(rounds).containsExactly(start());
        assertThat(loop.isRunning()).isFalse();
        assertThat(scheduler.stopped).isTrue();

        loop.start();
        scheduler.advance(Duration.ZERO);
        assertThat(rounds).hasSize(2);
    }

    @Test
    void aLoopMayBeLeftToBeStartedByHand() {
        assertThat(new BackgroundLoop("manual", new Settings(POLL, Duration.ZERO, SPACING, null, 0, false),
                () -> Outcome.IDLE, scheduler, meters).isAutoStartup()).isFalse();
        assertThat(new BackgroundLoop("automatic", Settings.every(POLL), () -> Outcome.IDLE, scheduler, meters)
                .isAutoStartup()).isTrue();
    }

    /** On its own thread: stopping waits for the round under way, and then for the work it handed out. */
    @Test
    void stoppingWaitsForTheRoundInFlightAndItsWorkers() throws Exception {
        CountDownLatch roundBegan = new CountDownLatch(1);
        CountDownLatch finishRound = new CountDownLatch(1);
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        BackgroundLoop[] loop = new BackgroundLoop[1];
        loop[0] = new BackgroundLoop("stopping-loop", new Settings(POLL, Duration.ZERO, Duration.ZERO, null, 1, true),
                () -> {
            if (roundBegan.getCount() == 0) {
                return Outcome.IDLE;
            }
            roundBegan.countDown();
            finishRound.await();
            loop[0].workers().execute(() -> order.add("worker ended"));
            order.add("round ended");
            return Outcome.IDLE;
        }, meters);
        loop[0].start();
        roundBegan.await();
        Thread stopping = new Thread(() -> {
            loop[0].stop();
            order.add("stopped");
        });
        stopping.start();
        finishRound.countDown();
        stopping.join();
        assertThat(order).endsWith("stopped").contains("round ended", "worker ended");
        assertThat(loop[0].workers()).isNull();
    }
}
