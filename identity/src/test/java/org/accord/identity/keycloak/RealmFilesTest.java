package org.accord.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.accord.identity.secrets.DemoSecrets;
import org.accord.identity.testing.KeycloakTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What production imports holds no demo material and no secret, and the local launch and the tests get the demo set,
 * the platform clients' demo secrets among it, on top of it.
 */
class RealmFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path REALMS = KeycloakTestServer.realmDirectory();

    @Test
    void productionImportsTheAllianceRealmAlone() throws IOException {
        try (Stream<Path> files = Files.list(REALMS)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()))
                    .containsExactly("alliance-realm.json");
        }
    }

    @Test
    void theAllianceRealmHasNoPartnerSystemsNoIdentityProvidersAndNoUsersButItsServiceAccounts() throws IOException {
        JsonNode realm = read(REALMS.resolve("alliance-realm.json"));

        List<String> clients = texts(realm.get("clients"), "clientId");
        // "account" is there to be off: the account console, where users would link other identity providers
        assertThat(clients).containsExactlyInAnyOrder("account", "accord-gateway", "accord-cases", "accord-tasks",
                "accord-notifications", "accord-operators");
        assertThat(realm.has("identityProviders")).isFalse();
        assertThat(realm.has("identityProviderMappers")).isFalse();
        assertThat(texts(realm.get("users"), "serviceAccountClientId")).isSubsetOf(clients)
                .hasSize(realm.get("users").size());
    }

    @Test
    void everyDemoGovernmentEndsTheSessionsOfWhomItRemovesOrDemotesWhileTheAllianceRealmLeavesThatToThem()
            throws IOException {
        for (String government : List.of("us", "ca", "gb", "fr", "de")) {
            JsonNode realm = read(REALMS.resolve("demo/" + government + "-realm.json"));
            List<String> listeners = new ArrayList<>();
            realm.get("eventsListeners").forEach(listener -> listeners.add(listener.asString()));
            assertThat(listeners).as(government).contains("accord-end-sessions-on-removal");
            assertThat(realm.get("adminEventsEnabled").asBoolean()).as(government).isTrue();
        }
        assertThat(read(REALMS.resolve("alliance-realm.json")).has("eventsListeners")).isFalse();
    }

    @Test
    void theAllianceRealmHoldsNoSecretSoKeycloakMakesOneForEachOfItsClients() throws IOException {
        JsonNode realm = read(REALMS.resolve("alliance-realm.json"));

        assertThat(confidentialClients(realm)).isNotEmpty();
        assertThat(secrets(realm)).isEmpty();
    }

    @Test
    void theLocalLaunchGivesEachClientOfTheAllianceRealmItsDemoSecretFromTheOneFileOfDemoSecrets(
            @TempDir Path imports) throws IOException {
        DemoRealms.write(REALMS, imports, DemoSecrets.byVariable());

        JsonNode alliance = read(imports.resolve("alliance-realm.json"));
        Map<String, String> demo = DemoSecrets.byVariable();
        Map<String, String> given = new LinkedHashMap<>();
        alliance.get("clients").forEach(client -> given.put(client.get("clientId").asString(),
                client.path("secret").asString(null)));
        assertThat(confidentialClients(read(REALMS.resolve("alliance-realm.json")))).allSatisfy(client -> assertThat(
                given.get(client)).as("the demo secret of %s", client).isNotNull().isIn(demo.values()));
        assertThat(given).containsEntry("accord-gateway", demo.get("ACCORD_GATEWAY_SECRET"))
                .containsEntry("accord-cases", demo.get("ACCORD_CASES_SECRET"))
                .containsEntry("accord-tasks", demo.get("ACCORD_TASKS_SECRET"))
                .containsEntry("accord-notifications", demo.get("ACCORD_NOTIFICATIONS_SECRET"))
                .containsEntry("accord-operators", demo.get("ACCORD_OPERATORS_SECRET"));
        assertThat(alliance.has(DemoRealms.CLIENT_SECRETS)).isFalse();
    }

    @Test
    void theLocalLaunchImportsTheDemoGovernmentsAndPartnerSystemsBesideTheAllianceRealm(@TempDir Path imports)
            throws IOException {
        DemoRealms.write(REALMS, imports, DemoSecrets.byVariable());

        try (Stream<Path> files = Files.list(imports)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "alliance-realm.json", "us-realm.json", "ca-realm.json", "gb-realm.json", "fr-realm.json",
                    "de-realm.json");
        }
        JsonNode alliance = read(imports.resolve("alliance-realm.json"));
        assertThat(texts(alliance.get("clients"), "clientId")).contains("accord-gateway", "accord-cases",
                "us-systems", "ca-systems", "gb-systems", "fr-systems", "de-systems");
        assertThat(texts(alliance.get("identityProviders"), "alias")).containsExactly("us", "ca", "gb", "fr", "de");
        assertThat(texts(alliance.get("users"), "serviceAccountClientId")).contains("accord-tasks", "fr-systems");
        assertThat(alliance.get("authenticationFlows")).isEqualTo(
                read(REALMS.resolve("alliance-realm.json")).get("authenticationFlows"));
    }

    /** The clients of a realm that authenticate with a secret. */
    private static List<String> confidentialClients(JsonNode realm) {
        List<String> clients = new ArrayList<>();
        realm.get("clients").forEach(client -> {
            if (!client.path("publicClient").asBoolean(false) && !client.path("bearerOnly").asBoolean(false)) {
                clients.add(client.get("clientId").asString());
            }
        });
        return clients;
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> texts = new ArrayList<>();
        list.forEach(item -> texts.add(item.path(field).asString()));
        return texts;
    }

    /** Every {@code secret} and {@code clientSecret} anywhere in the realm, by where it is. */
    private static Map<String, String> secrets(JsonNode realm) {
        Map<String, String> found = new LinkedHashMap<>();
        collect(realm, "", found);
        return found;
    }

    private static void collect(JsonNode node, String path, Map<String, String> found) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String where = path + "/" + field.getKey();
                if (field.getKey().equals("secret") || field.getKey().equals("clientSecret")) {
                    found.put(where, field.getValue().asString());
                } else {
                    collect(field.getValue(), where, found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, found);
            }
        }
    }
}
