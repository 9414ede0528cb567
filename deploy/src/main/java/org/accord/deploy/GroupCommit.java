package org.accord.deploy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Lets concurrent writers share one sync to disk. A writer calls {@link #awaitSync()} once its change is made and gets
 * back only after a sync that began after that call has ended, so the sync covers its change. One sync runs at a
 * time: writers arriving while it runs wait for the next one, which the first of them leads for all of them.
 */
final class GroupCommit {

    private final Runnable sync;
    private CompletableFuture<Void> running;
    private CompletableFuture<Void> next;

    GroupCommit(Runnable sync) {
        this.sync = sync;
    }

    /** Returns once a sync that began after this call has ended; throws what that sync threw. */
    void awaitSync() {
        CompletableFuture<Void> mine;
        CompletableFuture<Void> before = null;
        boolean leads = true;
        synchronized (this) {
            if (running == null) {
                running = mine = new CompletableFuture<>();
            } else if (next == null) {
                before = running;
                next = mine = new CompletableFuture<>();
            } else {
                mine = next;
                leads = false;
            }
        }
        if (leads) {
            if (before != null) {
                // the sync under way may have begun before this change was made; once it ends, this one is running
                before.handle((ignored, failure) -> null).join();
            }
            lead(mine);
        }
        try {
            mine.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    private void lead(CompletableFuture<Void> mine) {
        Throwable failure = null;
        try {
            sync.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        synchronized (this) {
            running = next;
            next = null;
        }
        if (failure == null) {
            mine.complete(null);
        } else {
            mine.completeExceptionally(failure);
        }
    }
}
