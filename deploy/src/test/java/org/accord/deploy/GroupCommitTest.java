package org.accord.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** A stand-in for the data file: writes land in memory, and a sync makes what was written when it began kept. */
    private static final class File {
        final Set<Integer> written = ConcurrentHashMap.newKeySet();
        final Set<Integer> kept = ConcurrentHashMap.newKeySet();
        final AtomicInteger syncs = new AtomicInteger();
        final AtomicBoolean syncing = new AtomicBoolean();
        volatile boolean overlapped;

        void sync() {
            if (!syncing.compareAndSet(false, true)) {
                overlapped = true;
            }
            syncs.incrementAndGet();
            Set<Integer> covered = Set.copyOf(written);
            kept.addAll(covered);
            syncing.set(false);
        }
    }

    @Test
    void everyWriterReturnsOnlyOnceASyncThatBeganAfterItsWriteHasEnded() throws Exception {
        File file = new File();
        GroupCommit commit = new GroupCommit(file::sync);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            results.add(writers.submit(() -> {
                List<Integer> notKept = new ArrayList<>();
                for (int n; (n = next.getAndIncrement()) < 4000;) {
                    file.written.add(n);
                    commit.awaitSync();
                    if (!file.kept.contains(n)) {
                        notKept.add(n);
                    }
                }
                return notKept;
            }));
        }
        for (Future<List<Integer>> result : results) {
            assertThat(result.get()).isEmpty();
        }
        writers.shutdown();
        assertThat(file.overlapped).isFalse();
        assertThat(file.kept).hasSize(4000);
    }

    @Test
    void writersArrivingDuringASyncShareTheNextOne() throws Exception {
        CountDownLatch firstSyncMayEnd = new CountDownLatch(1);
        AtomicInteger syncs = new AtomicInteger();
        GroupCommit commit = new GroupCommit(() -> {
            if (syncs.incrementAndGet() == 1) {
                awaitUninterruptibly(firstSyncMayEnd);
            }
        });
        Thread first = started(commit::awaitSync);
        awaitWaiting(first);
        List<Thread> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Thread other = started(commit::awaitSync);
            others.add(other);
            awaitWaiting(other);
        }
        assertThat(syncs).hasValue(1);

        firstSyncMayEnd.countDown();
        first.join();
        for (Thread other : others) {
            other.join();
        }
        assertThat(syncs).as("one sync for the first writer, one shared by the five that came during it")
                .hasValue(2);
    }

    @Test
    void aFailedSyncFailsTheWritersItCoveredAndTheNextSyncServesLaterOnes() {
        AtomicInteger syncs = new AtomicInteger();
        GroupCommit commit = new GroupCommit(() -> {
            if (syncs.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        });
        assertThatThrownBy(commit::awaitSync).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        commit.awaitSync();
        assertThat(syncs).hasValue(2);
    }

    private static Thread started(Runnable writer) {
        Thread thread = new Thread(writer);
        thread.start();
        return thread;
    }

    /** Until the thread is parked: blocked in the sync (the first) or waiting for the one it shares. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING) {
            if (!thread.isAlive()) {
                throw new AssertionError(thread + " ended instead of waiting");
            }
            Thread.sleep(1);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
