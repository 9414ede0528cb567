package org.accord.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** What every service shows its operators, checked the same way for each. */
public final class Operations {

    private Operations() {
    }

    /** The service's Prometheus page, fetched without a token, counts requests of this method, status and path. */
    public static void assertRequestsCounted(int port, String method, int status, String uri) {
        HttpResponse<String> metrics = ServiceCalls.send(port, "GET", "/actuator/prometheus", null, null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("http_server_requests_seconds_count{").contains("method=\"" + method + "\"")
                .contains("status=\"" + status + "\"").contains("uri=\"" + uri + "\""));
    }

    /** Liveness and readiness answer without a token, and readiness asks MongoDB. */
    public static void assertProbesOpenWithReadinessOnMongo(int port) {
        HttpResponse<String> liveness = ServiceCalls.send(port, "GET", "/actuator/health/liveness", null, null);
        HttpResponse<String> readiness = ServiceCalls.send(port, "GET", "/actuator/health/readiness", null, null);

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"mongo\":{\"status\":\"UP\"");
    }
}
