package org.accord.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** What every service shows its operators, checked the same way for each. */
public final class Operations {

    private Operations() {
    }

    /**
     * The service's Prometheus page, fetched without a token on its management port, counts requests of this method,
     * status and path; on the service's own port there is no such page.
     */
    public static void assertRequestsCounted(int port, int managementPort, String method, int status, String uri) {
        HttpResponse<String> metrics = ServiceCalls.send(managementPort, "GET", "/actuator/prometheus", null, null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("http_server_requests_seconds_count{").contains("method=\"" + method + "\"")
                .contains("status=\"" + status + "\"").contains("uri=\"" + uri + "\""));
        assertThat(ServiceCalls.send(port, "GET", "/actuator/prometheus", null, null).statusCode())
                .as("metrics on the service's own port").isEqualTo(404);
    }

    /**
     * Liveness and readiness answer without a token on the service's own port, telling their status and nothing
     * more; the management port's health shows that readiness asks MongoDB.
     */
    public static void assertProbesOpenWithReadinessOnMongo(int port, int managementPort) {
        HttpResponse<String> liveness = ServiceCalls.send(port, "GET", "/livez", null, null);
        HttpResponse<String> readiness = ServiceCalls.send(port, "GET", "/readyz", null, null);

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");

        HttpResponse<String> detailed = ServiceCalls.send(managementPort, "GET", "/actuator/health/readiness", null,
                null);
        assertThat(detailed.statusCode()).isEqualTo(200);
        HttpResponse<String> health = ServiceCalls.send(managementPort, "GET", "/actuator/health", null, null);
        assertThat(health.body()).contains("\"mongo\":{\"status\":\"UP\"");
    }
}
