package org.accord.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.accord.identity.testing.TokenClaims;
import org.accord.support.testing.ServiceCalls;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The tasks service's front door, with real alliance tokens from Keycloak and the embedded MongoDB server. */
class TasksIntegrationTest extends TasksApi {

    @Test
    void healthIsUpWithoutATokenOnTheManagementPort() {
        HttpResponse<String> response = ServiceCalls.send(managementPort, "GET", "/actuator/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = parse(response.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void requestsWithoutAValidAllianceTokenAreUnauthenticated() {
        String partnerSystem = logins().systemsToken("fr");
        String forged = TokenClaims.withPayloadEdited(partnerSystem, "\"country\":\"FR\"", "\"country\":\"US\"");

        for (String token : new String[] { null, logins().nationalToken("fr-officer"), forged }) {
            HttpResponse<String> response = send("GET", "/api/tasks", token, null);
            assertThat(response.statusCode()).isEqualTo(401);
            assertProblem(response, "unauthenticated");
        }
        HttpResponse<String> genuine = send("GET", "/api/no-such-address", partnerSystem, null);
        assertThat(genuine.statusCode()).as("the unedited token is accepted").isEqualTo(404);
        assertProblem(genuine, "not-found");
    }

    @Test
    void aPlatformServiceTokenWithoutACountryIsRefused() {
        HttpResponse<String> response = send("GET", "/api/tasks", logins().serviceToken("cases"), null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, "forbidden");
    }

    @Test
    void internalAddressesAreForPlatformServicesOnly() {
        HttpResponse<String> response = send("GET", "/internal/anything", tokenOf("de-officer"), null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, "forbidden");
    }
}
