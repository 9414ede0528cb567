package org.accord.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.accord.identity.testing.KeycloakTestServer;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every realm file, the one production imports and the demo governments', locks an account after a few wrong
 * passwords and holds passwords to a policy; the alliance realm, whose accounts production keeps, to a strong one.
 */
class RealmProtectionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path REALMS = KeycloakTestServer.realmDirectory();

    @Test
    void everyRealmLocksAnAccountAfterFiveWrongPasswordsAndHasAPasswordPolicy() throws IOException {
        List<Path> realms = realmFiles();
        assertThat(realms).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : realms) {
            JsonNode realm = JSON.readTree(file.toFile());
            assertThat(realm.path("bruteForceProtected").asBoolean()).as(file + " brute-force protection").isTrue();
            assertThat(realm.path("failureFactor").asInt()).as(file + " wrong passwords before a lock")
                    .isBetween(1, 5);
            assertThat(realm.path("permanentLockout").asBoolean()).as(file + " (a lock that lifts itself)").isFalse();
            assertThat(realm.path("maxFailureWaitSeconds").asInt()).as(file + " longest lock").isGreaterThanOrEqualTo(900);
            assertThat(realm.path("passwordPolicy").asString()).as(file + " password policy")
                    .contains("length(", "notUsername", "notEmail");
        }
        JsonNode alliance = JSON.readTree(REALMS.resolve("alliance-realm.json").toFile());
        assertThat(alliance.path("passwordPolicy").asString()).contains("length(12)", "passwordHistory(");
    }

    /** Every file that defines a realm: the alliance one and each demo government's (additions are no realm). */
    private static List<Path> realmFiles() throws IOException {
        try (Stream<Path> files = Files.walk(REALMS)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-realm.json")).sorted().toList();
        }
    }
}
