package org.accord.identity.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The embedded MongoDB-wire-protocol server, in memory, on a free port; one per test JVM. It is shut down when the
 * JVM exits, once every Spring context using it has closed.
 */
public final class EmbeddedMongo {

    private static EmbeddedMongo shared;

    private final MongoServer server;
    private final int port;

    private EmbeddedMongo() {
        server = new MongoServer(new MemoryBackend());
        port = FreePorts.next();
        server.bind("127.0.0.1", port);
    }

    public static synchronized EmbeddedMongo shared() {
        if (shared == null) {
            shared = new EmbeddedMongo();
            SharedServers.stopAfterContexts(shared.server::shutdownNow);
        }
        return shared;
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }
}
