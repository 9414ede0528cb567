package org.accord.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.accord.identity.secrets.DemoSecrets;
import org.accord.identity.testing.BrowserSession;
import org.accord.identity.testing.KeycloakAdmin;
import org.accord.identity.testing.KeycloakTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Keycloak that imports the alliance realm file alone, as production does and with none of the platform's
 * variables set, holds a secret of its own making for every confidential client: none anyone reading the repository
 * knows, and neither a demo secret nor a placeholder's text opens a client.
 */
class ProductionRealmSecretsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static KeycloakServer keycloak;

    @BeforeAll
    static void importTheProductionRealmAlone() {
        keycloak = KeycloakTestServer.productionOnly().start(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void everyConfidentialClientHoldsASecretKeycloakMadeThatNoOneReadingTheRepositoryKnows() throws IOException {
        KeycloakAdmin admin = new KeycloakAdmin(keycloak.baseUrl());
        List<String> clients = confidentialClients();
        assertThat(clients).contains("accord-gateway", "accord-cases", "accord-tasks", "accord-notifications",
                "accord-operators");

        Set<String> seen = new HashSet<>();
        for (String client : clients) {
            String secret = JSON.readTree(admin.clientSecret("alliance", client)).path("value").asString("");
            assertThat(secret).as("the secret of %s", client).hasSizeGreaterThanOrEqualTo(32)
                    .doesNotContain("${").doesNotContain(client).isNotIn(DemoSecrets.values());
            assertThat(seen.add(secret)).as("the secret of %s is its own", client).isTrue();
        }
    }

    @Test
    void neitherADemoSecretNorAPlaceholdersTextOpensAServiceClient() throws IOException {
        Map<String, String> demo = DemoSecrets.byVariable();
        for (String client : List.of("accord-cases", "accord-tasks", "accord-notifications", "accord-operators")) {
            String variable = "ACCORD_" + client.substring("accord-".length()).toUpperCase(Locale.ROOT) + "_SECRET";
            for (String known : List.of(demo.get(variable), "${" + variable + "}", "")) {
                assertThat(clientCredentials(client, known).status()).as("%s with %s", client, known).isEqualTo(401);
            }
        }
    }

    @Test
    void theSecretKeycloakMadeOpensItsClient() throws IOException {
        String secret = JSON.readTree(new KeycloakAdmin(keycloak.baseUrl()).clientSecret("alliance", "accord-cases"))
                .path("value").asString();

        BrowserSession.Page token = clientCredentials("accord-cases", secret);

        assertThat(token.status()).isEqualTo(200);
        assertThat(token.body()).contains("\"access_token\"");
    }

    private static BrowserSession.Page clientCredentials(String client, String secret) {
        return new BrowserSession().send("POST", keycloak.issuer("alliance") + "/protocol/openid-connect/token",
                "application/x-www-form-urlencoded", BrowserSession.formBody(Map.of("grant_type",
                        "client_credentials", "client_id", client, "client_secret", secret)));
    }

    /** The realm file's clients that authenticate with a secret. */
    private static List<String> confidentialClients() throws IOException {
        JsonNode realm = JSON.readTree(KeycloakTestServer.realmDirectory().resolve("alliance-realm.json").toFile());
        List<String> clients = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            if (!client.path("publicClient").asBoolean(false) && !client.path("bearerOnly").asBoolean(false)) {
                clients.add(client.path("clientId").asString());
            }
        }
        return clients;
    }
}
