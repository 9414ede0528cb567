package org.accord.identity.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.accord.identity.keycloak.KeycloakServer;
import org.accord.identity.secrets.DemoSecrets;

/**
 * One real Keycloak per test JVM, started from the checked-in realm files on free ports and shared by every test
 * class that asks for it; it stops when the JVM exits. The gateway port is chosen up front because the realm's
 * redirect URIs name it.
 */
public final class KeycloakTestServer {

    private static final Path INSTALL_ROOT = Path.of(System.getProperty("java.io.tmpdir"), "accord-test-keycloak");

    private static KeycloakTestServer shared;

    private final KeycloakServer server;
    private final int gatewayPort;

    private KeycloakTestServer(KeycloakServer server, int gatewayPort) {
        this.server = server;
        this.gatewayPort = gatewayPort;
    }

    public static synchronized KeycloakTestServer shared() {
        if (shared == null) {
            int gatewayPort = FreePorts.next();
            Path target = Path.of("target").toAbsolutePath();
            KeycloakServer server = new KeycloakServer(new KeycloakServer.Settings(distribution(), INSTALL_ROOT,
                    realmDirectory(),
                    FreePorts.next(), FreePorts.next(), false,
                    Map.of("ACCORD_GATEWAY_URL", "http://localhost:" + gatewayPort), target.resolve("keycloak.log"),
                    DemoSecrets.byVariable()));
            server.start(Duration.ofMinutes(3));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycloak-stop"));
            shared = new KeycloakTestServer(server, gatewayPort);
        }
        return shared;
    }

    /**
     * A Keycloak of its own, not started, that imports the realm folder's files alone, as production does: no demo
     * set and none of its secrets. The caller starts and closes it.
     */
    public static KeycloakServer productionOnly() {
        Path target = Path.of("target").toAbsolutePath();
        return new KeycloakServer(new KeycloakServer.Settings(distribution(), INSTALL_ROOT, realmDirectory(),
                FreePorts.next(), FreePorts.next(), false,
                Map.of("ACCORD_GATEWAY_URL", "http://localhost:" + FreePorts.next()),
                target.resolve("keycloak-production-only.log"), Map.of()));
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public String issuer() {
        return server.issuer("alliance");
    }

    public String issuer(String realm) {
        return server.issuer(realm);
    }

    /** The port a gateway under test must listen on for the login redirects to reach it. */
    public int gatewayPort() {
        return gatewayPort;
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public AllianceLogins logins() {
        return new AllianceLogins(baseUrl(), gatewayUrl());
    }

    /** Spring properties pointing a service or the gateway at this Keycloak. */
    public Map<String, String> springProperties() {
        return Map.of("accord.identity.issuer-uri", issuer());
    }

    public static Path distribution() {
        String configured = System.getProperty("keycloak.dist");
        if (configured != null && !configured.isBlank() && !configured.startsWith("${")) {
            return Path.of(configured);
        }
        Path local = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                "keycloak-quarkus-dist", "26.5.6", "keycloak-quarkus-dist-26.5.6.zip");
        if (Files.isRegularFile(local)) {
            return local;
        }
        throw new IllegalStateException("the Keycloak distribution was not resolved; run the tests through Maven");
    }

    /** The checked-in realm folder, {@code identity/keycloak}. */
    public static Path realmDirectory() {
        String configured = System.getProperty("accord.identity.dir");
        if (configured != null && !configured.isBlank() && !configured.startsWith("${")) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path realms = dir.resolve("identity/keycloak");
            if (Files.isDirectory(realms)) {
                return realms;
            }
        }
        throw new IllegalStateException("identity/keycloak not found above " + Path.of("").toAbsolutePath());
    }
}
