package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.accord.support.testing.ApiContract;
import org.accord.support.testing.Operations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/** What the operations team and integrators meet: request ids, metrics, probes and the API document. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTest extends CasesApi {

    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void theGatewaysRequestIdNamesTheAnswerTheProblemAndTheLogLine(CapturedOutput output) {
        HttpResponse<String> missing = as("fr-officer", "GET", "/api/cases/no-such-case", null,
                "X-Request-Id", "a1b2-c3.d4_e5");

        assertProblem(missing, "not-found");
        assertThat(missing.headers().firstValue("X-Request-Id")).hasValue("a1b2-c3.d4_e5");
        JsonNode problem = parse(missing.body());
        assertThat(problem.get("requestId").asString()).isEqualTo("a1b2-c3.d4_e5");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/cases/no-such-case");
        assertThat(output.getAll().lines()).anySatisfy(line -> assertThat(line).contains("a1b2-c3.d4_e5")
                .contains("GET /api/cases/no-such-case answered 404"));
    }

    @Test
    void anIdThatIsNotShortAndPlainIsReplacedAndSecurityRefusalsGetOneToo() {
        for (String offered : new String[] { "x".repeat(65), "two words", "line\u00e9break" }) {
            HttpResponse<String> refused = send("GET", "/api/cases", null, null, "X-Request-Id", offered);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id)
                    .matches(UUID_FORM));
            assertThat(parse(refused.body()).get("requestId").asString())
                    .isEqualTo(refused.headers().firstValue("X-Request-Id").orElseThrow());
        }
        HttpResponse<String> plain = send("GET", "/api/cases", null, null);
        assertThat(plain.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id)
                .matches(UUID_FORM));
    }

    @Test
    void prometheusCountsTheRequestsServedWithoutAToken() {
        assertThat(as("ca-officer", "GET", "/api/cases?size=5", null).statusCode()).isEqualTo(200);

        Operations.assertRequestsCounted(port, managementPort, "GET", 200, "/api/cases");
    }

    @Test
    void livenessAndReadinessAreOpenAndReadinessAsksMongo() {
        Operations.assertProbesOpenWithReadinessOnMongo(port, managementPort);
    }

    @Test
    void noOtherOperationsEndpointIsOpen() {
        for (String path : new String[] { "/actuator/env", "/actuator/metrics", "/actuator/beans",
                "/actuator/loggers", "/actuator/heapdump", "/v3/api-docs.yaml/../../actuator/env" }) {
            assertThat(send("GET", path, null, null).statusCode()).as(path).isIn(400, 401, 404);
        }
    }

    @Test
    void theOpenApiDocumentListsEveryOperationOfTheContract() {
        HttpResponse<String> docs = send("GET", "/v3/api-docs", null, null);

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = parse(docs.body());
        assertThat(ApiContract.promised("Cases", "/api/cases")).hasSizeGreaterThan(8)
                .isSubsetOf(ApiContract.documented(api));
        assertThat(ApiContract.promised("Not exposed through the gateway", "/internal/cases", "/internal/relay"))
                .hasSize(3).isSubsetOf(ApiContract.documented(api));
        assertThat(api.at("/components/securitySchemes/alliance/scheme").asString()).isEqualTo("bearer");
    }
}
