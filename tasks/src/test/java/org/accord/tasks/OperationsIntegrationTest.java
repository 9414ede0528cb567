package org.accord.tasks;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.accord.support.testing.ApiContract;
import org.accord.support.testing.Operations;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/** What the operations team and integrators meet: request ids carried on to cases, metrics, probes, API document. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTest extends TasksApi {

    @Test
    void theRequestIdIsAnsweredLoggedInProblemsAndPassedOnToCases(CapturedOutput output) {
        String caseId = new ObjectId().toHexString();
        String requestId = "ops-" + UUID.randomUUID();

        HttpResponse<String> refused = as("fr-officer", "POST", "/api/tasks",
                ActionBody.on(caseId).to("FR").json(), "X-Request-Id", requestId);

        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
        assertThat(refused.headers().firstValue("X-Request-Id")).hasValue(requestId);
        JsonNode problem = parse(refused.body());
        assertThat(problem.get("requestId").asString()).isEqualTo(requestId);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/tasks");
        cases.server().verify(getRequestedFor(urlPathEqualTo("/api/cases/" + caseId))
                .withHeader("X-Request-Id", equalTo(requestId)));
        assertThat(output.getAll().lines()).anySatisfy(line -> assertThat(line).contains(requestId)
                .contains("POST /api/tasks answered " + refused.statusCode()));
    }

    @Test
    void prometheusCountsTheRequestsServedWithoutAToken() {
        assertThat(as("ca-officer", "GET", "/api/tasks", null).statusCode()).isEqualTo(200);

        Operations.assertRequestsCounted(port, managementPort, "GET", 200, "/api/tasks");
    }

    @Test
    void livenessAndReadinessAreOpenAndReadinessAsksMongo() {
        Operations.assertProbesOpenWithReadinessOnMongo(port, managementPort);
        assertThat(send("GET", "/actuator/env", null, null).statusCode()).isIn(401, 404);
    }

    @Test
    void theOpenApiDocumentListsEveryOperationOfTheContract() {
        HttpResponse<String> docs = send("GET", "/v3/api-docs", null, null);

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = parse(docs.body());
        assertThat(ApiContract.promised("Coordinated actions", "/api/tasks")).hasSizeGreaterThan(6)
                .isSubsetOf(ApiContract.documented(api));
        assertThat(ApiContract.promised("Not exposed through the gateway", "/internal/relay", "/internal/actions"))
                .hasSize(3).isSubsetOf(ApiContract.documented(api));
    }
}
