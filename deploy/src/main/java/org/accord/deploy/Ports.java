package org.accord.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ports of every part of the local platform. */
public record Ports(int gateway, int cases, int tasks, int notifications, int keycloak, int keycloakManagement,
        int mongo, int smtp, int imap) {

    /** The ports the README names. */
    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 8180, 9180, 27017, 3025, 3143);
    }

    /** Ports nothing listens on right now, for a platform started by a test beside anything else running. */
    public static Ports free() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[9];
            for (int i = 0; i < ports.length; i++) {
                // held open until all are chosen, so no port is handed out twice
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return new Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            held.forEach(Ports::closeQuietly);
        }
    }

    /** Each port with the part that listens on it. */
    public Map<Integer, String> owners() {
        Map<Integer, String> owners = new LinkedHashMap<>();
        owners.put(mongo, "the embedded MongoDB server");
        owners.put(smtp, "the mail server (SMTP)");
        owners.put(imap, "the mail server (IMAP)");
        owners.put(keycloak, "Keycloak");
        owners.put(keycloakManagement, "Keycloak's management interface");
        owners.put(cases, "the cases service");
        owners.put(tasks, "the tasks service");
        owners.put(notifications, "the notifications service");
        owners.put(gateway, "the gateway");
        return owners;
    }

    /** Fails, naming the port and its part, when anything already listens on one of the ports. */
    public void ensureFree() {
        if (owners().size() != 9) {
            throw new LaunchException("two parts of the platform were given the same port: " + this);
        }
        owners().forEach((port, part) -> {
            if (!isFree(port)) {
                throw new LaunchException("port " + port + " for " + part + " is already in use. Is Accord already"
                        + " running? Stop it, or whatever else listens on " + port + ", and start again.");
            }
        });
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // tolerates sockets of a previous run still in TIME_WAIT, but not a listener
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // it was only held to reserve the number
        }
    }
}
