package org.accord.tasks.cases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.accord.tasks.ActionBody;
import org.accord.tasks.StubCase;
import org.accord.tasks.TasksApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Tasks when the cases service misbehaves: it fails closed (503, nothing shown that could not be checked), within
 * the configured time-out, and stops calling a cases service that keeps failing until it recovers. The test settings:
 * 1 s response time-out, 2 attempts, the circuit opens at 50 % failures once 4 calls were made, for 2 s.
 */
class CasesResilienceIntegrationTest extends TasksApi {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration OPEN_DURATION = Duration.ofSeconds(2);

    @Autowired
    CircuitBreaker casesCircuitBreaker;

    @Autowired
    MongoTemplate mongo;

    private StubCase stubCase;
    private String actionId;

    @BeforeEach
    void anActionOnACaseSharedWithTheUnitedStates() {
        casesCircuitBreaker.reset();
        stubCase = cases.publish(StubCase.amber("FR", "US"));
        actionId = propose("fr-officer", ActionBody.on(stubCase.id()).to("US").title("Freeze the assets"))
                .get("id").asString();
        tokenOf("us-officer");
    }

    @AfterEach
    void casesRecovers() {
        cases.recover(stubCase.id());
        casesCircuitBreaker.reset();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("500", aResponse().withStatus(500), 2),
                Arguments.of("503", aResponse().withStatus(503), 2),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 2),
                Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE), 2),
                Arguments.of("garbage", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), 2),
                Arguments.of("unreadable case", aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"id\":"), 1),
                Arguments.of("401 for a relayed token", aResponse().withStatus(401), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void whateverCasesCannotAnswerIsNotShown(String failure, ResponseDefinitionBuilder answer, int attempts) {
        cases.fail(stubCase.id(), answer);
        int before = cases.callsAbout(stubCase.id());

        HttpResponse<String> one = as("us-officer", "GET", "/api/tasks/" + actionId, null);

        assertThat(one.statusCode()).isEqualTo(503);
        assertProblem(one, "cases-unavailable");
        assertThat(one.headers().firstValue("Retry-After")).isPresent();
        assertThat(one.body()).doesNotContain("Freeze the assets").doesNotContain("requestingCountry");
        assertThat(cases.callsAbout(stubCase.id()) - before).as("calls, the retry included").isEqualTo(attempts);

        HttpResponse<String> list = as("us-officer", "GET", "/api/tasks?caseId=" + stubCase.id(), null);
        assertThat(list.statusCode()).isEqualTo(503);
        assertThat(list.body()).doesNotContain("Freeze the assets");

        HttpResponse<String> transition = move("us-officer", actionId, "US", "ACCEPTED", null);
        assertThat(transition.statusCode()).isEqualTo(503);
        casesCircuitBreaker.reset();
        cases.recover(stubCase.id());
        assertThat(okJson(as("us-officer", "GET", "/api/tasks/" + actionId, null)).get("assignments").get(0)
                .get("status").asString()).as("the refused change did not happen").isEqualTo("PROPOSED");
    }

    @Test
    void aCasesServiceTooSlowToAnswerIsCutOffAtTheTimeout() {
        cases.fail(stubCase.id(), aResponse().withStatus(200).withFixedDelay(5_000)
                .withHeader("Content-Type", "application/json").withBody(stubCase.json()));
        int before = cases.callsAbout(stubCase.id());

        long started = System.nanoTime();
        HttpResponse<String> response = as("us-officer", "GET", "/api/tasks/" + actionId, null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertProblem(response, "cases-unavailable");
        assertThat(took).isGreaterThanOrEqualTo(RESPONSE_TIMEOUT).isLessThan(RESPONSE_TIMEOUT.plusMillis(1_500));
        assertThat(cases.callsAbout(stubCase.id()) - before).as("a time-out is not retried").isEqualTo(1);
    }

    @Test
    void manyCallersWaitingOnASlowCasesServiceAreAllAnsweredInBoundedTime() throws Exception {
        cases.fail(stubCase.id(), aResponse().withStatus(200).withFixedDelay(5_000)
                .withHeader("Content-Type", "application/json").withBody(stubCase.json()));
        String token = tokenOf("us-officer");

        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> callers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            callers.add(CompletableFuture.supplyAsync(() -> send("GET", "/api/tasks/" + actionId, token, null)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> caller : callers) {
            statuses.add(caller.get().statusCode());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(statuses).containsOnly(503);
        assertThat(took).isLessThan(RESPONSE_TIMEOUT.multipliedBy(3));
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAnswersFastAndClosesWhenCasesRecovers() throws Exception {
        cases.fail(stubCase.id(), aResponse().withStatus(500));

        for (int i = 0; i < 2; i++) {
            assertThat(as("us-officer", "GET", "/api/tasks/" + actionId, null).statusCode()).isEqualTo(503);
        }
        assertThat(casesCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        int callsWhileOpen = cases.callsAbout(stubCase.id());
        long started = System.nanoTime();
        HttpResponse<String> fast = as("us-officer", "GET", "/api/tasks/" + actionId, null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(fast.statusCode()).isEqualTo(503);
        assertProblem(fast, "cases-unavailable");
        assertThat(took).isLessThan(Duration.ofMillis(300));
        assertThat(cases.callsAbout(stubCase.id())).as("an open circuit does not call").isEqualTo(callsWhileOpen);

        cases.recover(stubCase.id());
        Thread.sleep(OPEN_DURATION.plusMillis(200).toMillis());
        for (int i = 0; i < 2; i++) {
            assertThat(as("us-officer", "GET", "/api/tasks/" + actionId, null).statusCode()).isEqualTo(200);
        }
        assertThat(casesCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(as("us-officer", "GET", "/api/tasks/" + actionId, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aSingleFailureIsHiddenByTheRetry() {
        cases.server().stubFor(get("/api/cases/" + stubCase.id()).atPriority(1)
                .inScenario("flaky " + stubCase.id())
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("recovered"));
        int before = cases.callsAbout(stubCase.id());

        HttpResponse<String> response = as("us-officer", "GET", "/api/tasks/" + actionId, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(cases.callsAbout(stubCase.id()) - before).isEqualTo(2);
    }

    @Test
    void casesThatAreNotVisibleAreAnswersNotFailures() {
        for (int i = 0; i < 6; i++) {
            assertThat(as("gb-officer", "GET", "/api/tasks?caseId=" + stubCase.id(), null).statusCode())
                    .isEqualTo(200);
            assertThat(as("ca-officer", "POST", "/api/tasks", ActionBody.on(stubCase.id()).to("CA").json())
                    .statusCode()).isEqualTo(422);
        }

        assertThat(casesCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(casesCircuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void nothingIsProposedOnACaseThatCouldNotBeChecked() {
        cases.fail(stubCase.id(), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        long before = mongo.count(new Query(), "actions");

        HttpResponse<String> response = as("fr-officer", "POST", "/api/tasks",
                ActionBody.on(stubCase.id()).to("US").json());

        assertThat(response.statusCode()).isEqualTo(503);
        assertProblem(response, "cases-unavailable");
        assertThat(mongo.count(new Query(), "actions")).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void nothingIsProposedWhileCasesCannotSayWhoSeesTheCase(String failure, ResponseDefinitionBuilder answer,
            int attempts) {
        cases.failReaders(stubCase.id(), answer);
        long before = mongo.count(new Query(), "actions");

        HttpResponse<String> response = as("fr-officer", "POST", "/api/tasks",
                ActionBody.on(stubCase.id()).to("US").json());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertProblem(response, "cases-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(mongo.count(new Query(), "actions")).as("nothing proposed").isEqualTo(before);
    }
}
