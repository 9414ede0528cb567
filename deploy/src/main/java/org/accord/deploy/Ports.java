package org.accord.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ports of every part of the local platform. Each service and the gateway has a management port beside its own,
 * where its metrics and detailed health answer.
 */
public record Ports(int gateway, int cases, int tasks, int notifications, int keycloak, int keycloakManagement,
        int mongo, int smtp, int imap, int gatewayManagement, int casesManagement, int tasksManagement,
        int notificationsManagement) {

    static final int COUNT = 13;

    /** The ports the README names. */
    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 8180, 9180, 27017, 3025, 3143, 9080, 9081, 9082, 9083);
    }

    /**
     * The consecutive ports from {@code first}, in the order the README lists the default ones: the gateway, cases,
     * tasks, notifications, their four management ports, Keycloak and its management port, MongoDB, SMTP, IMAP.
     */
    public static Ports from(int first) {
        if (first < 1024 || first + COUNT - 1 > 65535) {
            throw new LaunchException("the first port must leave room for " + COUNT + " ports between 1024 and 65535,"
                    + " not " + first);
        }
        int[] p = new int[COUNT];
        for (int i = 0; i < COUNT; i++) {
            p[i] = first + i;
        }
        return new Ports(p[0], p[1], p[2], p[3], p[8], p[9], p[10], p[11], p[12], p[4], p[5], p[6], p[7]);
    }

    /** Ports nothing listens on right now, for a platform started by a test beside anything else running. */
    public static Ports free() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[COUNT];
            for (int i = 0; i < ports.length; i++) {
                // held open until all are chosen, so no port is handed out twice
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return new Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8],
                    ports[9], ports[10], ports[11], ports[12]);
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
        owners.put(casesManagement, "the cases service's management port");
        owners.put(tasks, "the tasks service");
        owners.put(tasksManagement, "the tasks service's management port");
        owners.put(notifications, "the notifications service");
        owners.put(notificationsManagement, "the notifications service's management port");
        owners.put(gateway, "the gateway");
        owners.put(gatewayManagement, "the gateway's management port");
        return owners;
    }

    /** Fails, naming the port and its part, when anything already listens on one of the ports. */
    public void ensureFree() {
        if (owners().size() != COUNT) {
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
