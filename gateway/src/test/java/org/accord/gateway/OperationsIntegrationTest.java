package org.accord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the platform's operators and its orchestrator see of the gateway: health, readiness and metrics. */
class OperationsIntegrationTest extends WiredGateway {

    @Test
    void healthIsUpWithoutATokenAndShowsNoDetails() {
        HttpResponse<String> health = send("GET", "/actuator/health", Map.of());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).propertyNames()).containsExactlyInAnyOrder("status", "groups");
        assertThat(json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void livenessAndReadinessAreOpenAndReadinessIncludesKeycloak() {
        HttpResponse<String> liveness = send("GET", "/actuator/health/liveness", Map.of());
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(liveness.body()).get("status").asString()).isEqualTo("UP");

        HttpResponse<String> readiness = send("GET", "/actuator/health/readiness", Map.of());
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode ready = json.readTree(readiness.body());
        assertThat(ready.get("status").asString()).isEqualTo("UP");
        assertThat(ready.get("components").get("keycloak").get("status").asString()).isEqualTo("UP");
        assertThat(ready.get("components").get("readinessState").get("status").asString()).isEqualTo("UP");
        assertThat(readiness.body()).doesNotContain("http://");
    }

    @Test
    void prometheusShowsRequestsRoutesAndBreakers() {
        String token = logins.systemsToken("fr");
        send("GET", "/api/me", bearer(token));
        send("GET", "/api/cases", bearer(token));

        HttpResponse<String> metrics = send("GET", "/actuator/prometheus", Map.of());

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
}
