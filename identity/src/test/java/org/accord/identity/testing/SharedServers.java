package org.accord.identity.testing;

import org.springframework.boot.SpringApplication;

/**
 * Stops a server the test JVM shares between its Spring contexts (the database, a stand-in of another service) only
 * after every context has closed. The JVM runs its shutdown hooks all at once: a server stopped in a hook of its own
 * can go while a context's background work still calls it, and that call then waits out its client's time-out
 * (30 s for MongoDB's server selection) before the context may close, long enough for the test runner to give up on
 * the JVM and kill it. In a JVM that started no Spring application the server is left to the JVM's exit.
 */
public final class SharedServers {

    private SharedServers() {
    }

    public static void stopAfterContexts(Runnable stop) {
        SpringApplication.getShutdownHandlers().add(stop);
    }
}
