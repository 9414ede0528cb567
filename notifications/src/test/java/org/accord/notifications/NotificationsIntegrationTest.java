package org.accord.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The notifications service's front door, with real alliance tokens from Keycloak and the embedded MongoDB server. */
class NotificationsIntegrationTest extends IntegrationTestSupport {

    @Test
    void healthIsUpWithoutATokenOnTheManagementPort() {
        HttpResponse<String> response = operations("/actuator/health");

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
}
