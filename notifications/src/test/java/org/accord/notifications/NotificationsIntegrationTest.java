package org.accord.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.EmbeddedMongo;
import org.accord.identity.testing.FreePorts;
import org.accord.identity.testing.KeycloakTestServer;
import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The notifications service's front door, with real alliance tokens from Keycloak and the embedded MongoDB server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationsIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.shared().uri("notifications"));
        registry.add("accord.identity.issuer-uri", () -> KeycloakTestServer.shared().issuer());
        // Nothing listens there: the service must be healthy without a mail server.
        registry.add("spring.mail.port", FreePorts::next);
    }

    @LocalServerPort
    int port;

    private final AllianceLogins logins = KeycloakTestServer.shared().logins();

    @Test
    void healthIsUpWithoutAToken() {
        HttpResponse<String> response = get("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void requestsWithoutAValidAllianceTokenAreUnauthenticated() {
        String partnerSystem = logins.systemsToken("fr");
        String forged = TokenClaims.withPayloadEdited(partnerSystem, "\"country\":\"FR\"", "\"country\":\"US\"");

        for (String token : new String[] { null, logins.nationalToken("fr-officer"), forged }) {
            HttpResponse<String> response = get("/api/notifications", token);
            assertThat(response.statusCode()).isEqualTo(401);
            assertProblem(response, "unauthenticated");
        }
        HttpResponse<String> genuine = get("/api/no-such-address", partnerSystem);
        assertThat(genuine.statusCode()).as("the unedited token is accepted").isEqualTo(404);
        assertProblem(genuine, "not-found");
    }

    @Test
    void internalAddressesAreForPlatformServicesOnly() {
        HttpResponse<String> response = get("/internal/anything", logins.userToken("de-officer"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, "forbidden");
    }

    private static void assertProblem(HttpResponse<String> response, String type) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://accord.example/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
