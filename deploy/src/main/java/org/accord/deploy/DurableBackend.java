package org.accord.deploy;

import java.nio.file.Path;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * The embedded server's H2 backend, answering nothing before every change made until then is written to its file and
 * synced to disk: what a service was told is stored survives a crash of any process, and no reader (the outbox relay,
 * the fan-out) is answered with a change that a crash could still take back. Concurrent commands share one sync.
 */
final class DurableBackend extends H2Backend {

    private final MVStore store;
    private final GroupCommit groupCommit = new GroupCommit(this::commitAndSync);
    /** The store's version the last sync covered: while it has not moved and nothing is unsaved, all is on disk. */
    private volatile long syncedVersion = -1;

    private DurableBackend(MVStore store) {
        super(store);
        this.store = store;
    }

    static DurableBackend open(Path file) {
        MVStore store = MVStore.open(file.toString());
        try {
            return new DurableBackend(store);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            awaitDurable();
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        try {
            return super.handleQuery(query);
        } finally {
            awaitDurable();
        }
    }

    /**
     * Waits for a sync when anything is not yet on disk, whichever command changed it: a read may have seen another
     * command's change, and must not answer before that change is kept.
     */
    private void awaitDurable() {
        if (store.hasUnsavedChanges() || store.getCurrentVersion() != syncedVersion) {
            groupCommit.awaitSync();
        }
    }

    private void commitAndSync() {
        try {
            store.commit();
            long[] version = new long[1];
            // waits for stores H2's background writer may still be writing, then forces the file to disk
            store.executeFilestoreOperation(() -> {
                version[0] = store.getCurrentVersion();
                store.sync();
            });
            syncedVersion = version[0];
        } catch (RuntimeException e) {
            throw new MongoServerException("the change could not be written to disk: " + e.getMessage(), e);
        }
    }
}
