package org.accord.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accord.identity.secrets.DemoSecrets;
import org.accord.identity.testing.FreePorts;
import org.accord.identity.testing.KeycloakAdmin;
import org.accord.identity.testing.KeycloakTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keycloak of the local launch, on its own database file, keeps an account it confirmed when it is killed right
 * after (as a crash or an out-of-memory kill ends it): the account is there after the next start.
 */
class KeycloakDurabilityIntegrationTest {

    @TempDir
    Path install;

    @Test
    void anAccountKeycloakConfirmedSurvivesKeycloakBeingKilled() {
        KeycloakServer first = start();
        try {
            new KeycloakAdmin(first.baseUrl()).createUser("alliance", "kept-after-crash", "a-long-password-1");
            kill(first);
        } finally {
            first.close();
        }

        KeycloakServer second = start();
        try {
            assertThat(new KeycloakAdmin(second.baseUrl()).user("alliance", "kept-after-crash")).isPresent();
        } finally {
            second.close();
        }
    }

    private KeycloakServer start() {
        int gatewayPort = FreePorts.next();
        return new KeycloakServer(new KeycloakServer.Settings(KeycloakTestServer.distribution(), install,
                KeycloakTestServer.realmDirectory(), FreePorts.next(), FreePorts.next(), true,
                Map.of("ACCORD_GATEWAY_URL", "http://localhost:" + gatewayPort),
                Path.of("target").toAbsolutePath().resolve("keycloak-durability.log"), DemoSecrets.byVariable()))
                .start(Duration.ofMinutes(8));
    }

    /** SIGKILL to Keycloak's start script and everything it started, and waits until they are gone. */
    private static void kill(KeycloakServer server) {
        ProcessHandle script = ProcessHandle.of(server.pid()).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(script.descendants().toList());
        all.add(script);
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(process -> process.onExit().join());
    }
}
