package org.accord.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * What the platform's operators, its orchestrator and integrators see of the gateway: health, readiness, metrics,
 * one log line per request and the services' API documents.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTest extends WiredGateway {

    private static final String DOCUMENT = "{\"openapi\":\"3.1.0\",\"paths\":{\"/api/cases\":{}}}";

    @Test
    void theProbesAreOpenOnThePublicPortAndTellTheirStatusOnly() {
        for (String probe : new String[] { "/livez", "/readyz" }) {
            HttpResponse<String> answer = send("GET", probe, Map.of());
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
        for (String operations : new String[] { "/actuator/health", "/actuator/health/readiness",
                "/actuator/prometheus", "/actuator/info" }) {
            assertThat(send("GET", operations, Map.of()).statusCode()).as(operations).isEqualTo(404);
        }
    }

    @Test
    void readinessIncludesKeycloakOnTheManagementPort() {
        HttpResponse<String> readiness = operations("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);

        HttpResponse<String> health = operations("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode components = json.readTree(health.body()).get("components");
        assertThat(components.get("keycloak").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("readinessState").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsRequestsRoutesAndBreakers() {
        String token = logins.systemsToken("fr");
        send("GET", "/api/me", bearer(token));
        send("GET", "/api/cases", bearer(token));

        HttpResponse<String> metrics = operations("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain"));
        assertThat(metrics.body().lines())
                .anySatisfy(line -> assertThat(line).startsWith("http_server_requests_seconds_count{")
                        .contains("uri=\"/api/me\""))
                .anySatisfy(line -> assertThat(line).startsWith("spring_cloud_gateway_requests_seconds_count{")
                        .contains("routeId=\"cases\""))
                .anySatisfy(line -> assertThat(line).startsWith("resilience4j_circuitbreaker_state{")
                        .contains("name=\"cases\""));
    }

    @Test
    void otherOperationsEndpointsStayClosed() {
        assertThat(send("GET", "/actuator/env", Map.of("Accept", "application/json")).statusCode())
                .isIn(302, 401, 404);
        assertThat(send("GET", "/actuator/gateway/routes", bearer(logins.systemsToken("fr"))).statusCode())
                .isEqualTo(404);
    }

    @Test
    void everyRequestIsLoggedOnceUnderTheIdTheServiceReceived(CapturedOutput output) {
        HttpResponse<String> answered = send("GET", "/api/cases/42", bearer(logins.systemsToken("gb")));

        assertThat(answered.statusCode()).isEqualTo(200);
        String id = answered.headers().firstValue("X-Request-Id").orElseThrow();
        services.verify(getRequestedFor(urlPathEqualTo("/api/cases/42"))
                .withHeader("X-Request-Id", equalTo(id)));
        // the line is written once the answer is complete, which may be just after the client has it
        assertThat(loggedLines(output, id, "GET /api/cases/42 answered 200")).hasSize(1);
    }

    private static List<String> loggedLines(CapturedOutput output, String id, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> lines = List.of();
        while (lines.isEmpty() && System.nanoTime() < deadline) {
            lines = output.getAll().lines().filter(line -> line.contains(id) && line.contains(text)).toList();
            if (lines.isEmpty()) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
        return lines;
    }

    @Test
    void eachServicesApiDocumentIsReachableThroughTheGatewayByCallersOfMemberCountries() {
        services.stubFor(get(urlPathEqualTo("/v3/api-docs")).willReturn(okJson(DOCUMENT)));
        notifications.server().stubFor(get(urlPathEqualTo("/v3/api-docs")).willReturn(okJson(DOCUMENT)));
        Map<String, String> partner = bearer(logins.systemsToken("fr"));

        for (String service : new String[] { "cases", "tasks", "notifications" }) {
            HttpResponse<String> document = send("GET", "/api/docs/" + service, partner);
            assertThat(document.statusCode()).as(service).isEqualTo(200);
            assertThat(json.readTree(document.body()).get("openapi").asString()).isEqualTo("3.1.0");
        }
        services.verify(2, getRequestedFor(urlPathEqualTo("/v3/api-docs")));
        assertThat(notifications.received()).anySatisfy(request -> assertThat(request.getUrl())
                .isEqualTo("/v3/api-docs"));

        JsonNode index = json.readTree(send("GET", "/api/docs", partner).body());
        assertThat(index.findValuesAsString("url")).containsExactly("/api/docs/cases", "/api/docs/tasks",
                "/api/docs/notifications");
        assertProblem(send("GET", "/api/docs/cases", Map.of()), 401,
                "https://accord.example/problems/unauthenticated");
    }
}
