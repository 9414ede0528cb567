package org.accord.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipOutputStream;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded MongoDB-wire-protocol server, kept in one H2 file so a second start finds the data of the first. It
 * answers a command only once what the command changed is on disk (see {@link DurableBackend}).
 * Its worker threads are not daemons: it must be closed for the launcher to exit.
 */
final class DocumentStore implements AutoCloseable {

    /** The store's folder in the data folder, and its one file there. */
    static final String FOLDER = "mongo";
    static final String FILE = "accord.mv.db";

    private final MongoServer server;
    private final DurableBackend backend;
    private final int port;

    private DocumentStore(MongoServer server, DurableBackend backend, int port) {
        this.server = server;
        this.backend = backend;
        this.port = port;
    }

    static DocumentStore start(Path folder, String address, int port) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DurableBackend backend;
        try {
            backend = DurableBackend.open(folder.resolve(FILE));
        } catch (RuntimeException e) {
            throw new LaunchException("the MongoDB data file in " + folder + " cannot be opened (is another launcher"
                    + " using this data folder?): " + e.getMessage(), e);
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(address, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new LaunchException("the embedded MongoDB server cannot listen on port " + port + ": "
                    + e.getMessage(), e);
        }
        return new DocumentStore(server, backend, port);
    }

    /**
     * Writes a copy of the store, as a zip of its one file, while it keeps serving: H2's own online backup. With
     * space reuse off, nothing already in the file is overwritten while it is read, so the copy opens at the commit
     * made here or a later one, and holds every write acknowledged before.
     */
    void copyTo(ZipOutputStream zip) throws IOException {
        MVStore store = backend.getMvStore();
        boolean reused = store.isSpaceReused();
        store.setReuseSpace(false);
        try {
            store.commit();
            store.getFileStore().backup(zip);
        } finally {
            store.setReuseSpace(reused);
        }
    }

    String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "the embedded MongoDB server";
    }

    @Override
    public void close() {
        // also closes the H2 file, writing what is still in memory
        server.shutdownNow();
    }
}
