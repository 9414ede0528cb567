package org.accord.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.accord.identity.testing.BrowserSession;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Who gets past the gateway to a service: people and partner systems of a member country holding a platform role,
 * through the clients the platform knows. A member's user without a role learns who they are and nothing else; a
 * token of any other client of the realm is no token at all. Nothing refused reaches a service.
 */
class CallerRulesIntegrationTest extends WiredGateway {

    private static final String FORBIDDEN = "https://accord.example/problems/forbidden";
    private static final String UNAUTHENTICATED = "https://accord.example/problems/unauthenticated";

    @Test
    void aUserWithoutAPlatformRoleIsToldWhoTheyAreAndRefusedEverythingElse() {
        BrowserSession visitor = logins.gatewaySession(gateway, "fr-visitor");

        BrowserSession.Page me = visitor.get(gateway + "/api/me");
        assertThat(me.status()).isEqualTo(200);
        JsonNode user = json.readTree(me.body());
        assertThat(user.get("username").asString()).isEqualTo("fr-visitor@fr");
        assertThat(user.get("country").asString()).isEqualTo("FR");
        assertThat(user.get("roles").size()).isZero();

        for (BrowserSession.Page refused : List.of(visitor.get(gateway + "/api/cases"),
                visitor.get(gateway + "/api/countries"), visitor.get(gateway + "/api/notifications"),
                visitor.get(gateway + "/api/tasks?caseId=0123456789abcdef01234567"),
                visitor.sendJson("POST", gateway + "/api/cases", "{\"title\":\"x\"}"))) {
            assertThat(refused.status()).as(refused.uri().toString()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(refused.body()).get("type").asString()).isEqualTo(FORBIDDEN);
        }
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void tokensOfAClientThePlatformDoesNotKnowAreUnauthenticated() {
        Map<String, String> stranger = bearer(logins.unknownClientToken("FR", "officer"));

        assertProblem(send("GET", "/api/me", stranger), 401, UNAUTHENTICATED);
        assertProblem(send("GET", "/api/cases", stranger), 401, UNAUTHENTICATED);
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void thePlatformsOwnServicesAreNoCallersOfTheApi() {
        HttpResponse<String> response = send("GET", "/api/cases", bearer(logins.serviceToken("notifications")));

        assertProblem(response, 403, FORBIDDEN);
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
