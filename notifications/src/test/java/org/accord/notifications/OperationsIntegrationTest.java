package org.accord.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.accord.support.testing.ApiContract;
import org.accord.support.testing.Operations;
import org.accord.support.testing.ServiceCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What the operations team and integrators meet: request ids, metrics, probes and the API document. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTest extends IntegrationTestSupport {

    @Test
    void theGatewaysRequestIdNamesTheAnswerTheProblemAndTheLogLine(CapturedOutput output) {
        HttpResponse<String> missing = ServiceCalls.send(port, "POST", "/api/notifications/no-such-item/read",
                user("de-officer"), null, "X-Request-Id", "gw-7f3e.1");

        assertProblem(missing, "not-found");
        assertThat(missing.headers().firstValue("X-Request-Id")).hasValue("gw-7f3e.1");
        assertThat(json(missing).get("requestId").asString()).isEqualTo("gw-7f3e.1");
        assertThat(json(missing).get("instance").asString()).isEqualTo("/api/notifications/no-such-item/read");
        assertThat(output.getAll().lines()).anySatisfy(line -> assertThat(line).contains("gw-7f3e.1")
                .contains("POST /api/notifications/no-such-item/read answered 404"));
    }

    @Test
    void prometheusCountsTheRequestsServedWithoutAToken() {
        assertThat(get("/api/notifications/unread-count", user("gb-officer")).statusCode()).isEqualTo(200);

        Operations.assertRequestsCounted(port, managementPort, "GET", 200, "/api/notifications/unread-count");
    }

    @Test
    void livenessAndReadinessAreOpenAndReadinessAsksMongo() {
        Operations.assertProbesOpenWithReadinessOnMongo(port, managementPort);
        assertThat(get("/actuator/env", null).statusCode()).isIn(401, 404);
    }

    @Test
    void theOpenApiDocumentListsEveryOperationOfTheContract() {
        HttpResponse<String> docs = get("/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(ApiContract.promised("Notifications", "/api/notifications", "/api/partners", "/internal/"))
                .hasSizeGreaterThan(6).isSubsetOf(ApiContract.documented(json(docs)));
        assertThat(ApiContract.promised("Not exposed through the gateway", "/internal/events")).hasSize(3)
                .isSubsetOf(ApiContract.documented(json(docs)));
    }
}
