package org.accord.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A service that is down, hangs or is overrun, and a caller who sends too much: the gateway answers with a problem
 * in bounded time, stops calling a service that keeps failing and calls it again once it is back, and keeps one
 * caller's burst from costing anyone else.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResilienceIntegrationTest extends WiredGateway {

    private static final String UNAVAILABLE = "https://accord.example/problems/service-unavailable";

    @Test
    void aStoppedServiceIsAProblemForReadsAndWritesAlikeAndTheLogNamesTheRequest(CapturedOutput output) {
        Map<String, String> partner = bearer(logins.systemsToken("gb"));
        notifications.stop();

        HttpResponse<String> read = send("GET", "/api/notifications?unread=true", partner);
        HttpResponse<String> write = send("PUT", "/api/partners/GB",
                Map.of("Authorization", partner.get("Authorization"), "Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString("{\"emails\":[\"desk@example.org\"]}"));

        JsonNode problem = assertProblem(read, 503, UNAVAILABLE);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/notifications");
        assertThat(assertProblem(write, 503, UNAVAILABLE).get("instance").asString()).isEqualTo("/api/partners/GB");
        assertThat(read.body()).doesNotContainIgnoringCase("exception").doesNotContain("localhost");
        String requestId = problem.get("requestId").asString();
        assertThat(output.getAll().lines()).anySatisfy(line -> assertThat(line)
                .contains(requestId).contains("answered 503").contains("notifications"));
    }

    @Test
    void aServiceThatDoesNotAnswerIsAProblemOnceTheTimeLimitHasPassed() {
        notifications.server().stubFor(any(anyUrl()).willReturn(okJson(StubService.ANSWER).withFixedDelay(20_000)));
        Map<String, String> partner = bearer(logins.systemsToken("ca"));

        CompletableFuture<HttpResponse<String>> read = sendAsync("GET", "/api/notifications", partner, null);
        CompletableFuture<HttpResponse<String>> write = sendAsync("POST", "/api/notifications/42/read", partner, "");

        // the time limiter gives up after 5 s, long before the service would have answered
        assertProblem(read.join(), 504, "https://accord.example/problems/gateway-timeout");
        assertProblem(write.join(), 504, "https://accord.example/problems/gateway-timeout");
    }

    @Test
    void aFailingServicesBreakerOpensAnswersWithoutCallingItAndClosesWhenItIsBack() {
        Map<String, String> partner = bearer(logins.systemsToken("us"));
        notifications.stop();
        for (int call = 0; call < 10; call++) {
            assertProblem(send("GET", "/api/notifications", partner), 503, UNAVAILABLE);
        }
        notifications.start();

        HttpResponse<String> whileOpen = send("GET", "/api/notifications", partner);
        assertProblem(whileOpen, 503, UNAVAILABLE);
        HttpResponse<String> writeWhileOpen = send("POST", "/api/notifications/7/read", partner);
        assertProblem(writeWhileOpen, 503, UNAVAILABLE);
        assertThat(notifications.received()).isEmpty();

        // after its wait in the open state the breaker lets trial calls through, and closes when they succeed
        HttpResponse<String> recovered = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            recovered = send("GET", "/api/notifications", partner);
            if (recovered.statusCode() == 200) {
                break;
            }
            pause(Duration.ofMillis(500));
        }
        assertThat(recovered).isNotNull();
        assertThat(recovered.statusCode()).isEqualTo(200);
        for (int call = 0; call < 5; call++) {
            assertThat(send("GET", "/api/notifications", partner).statusCode()).isEqualTo(200);
        }
        assertThat(send("POST", "/api/notifications/7/read", partner).statusCode()).isEqualTo(200);
        assertThat(breakers.circuitBreaker("notifications").getState().name()).isEqualTo("CLOSED");
    }

    @Test
    void aReadIsRetriedWhenAServiceIsBrieflyUnavailableButAWriteOrAServicesOwnErrorIsNot() {
        WireMockServer service = notifications.server();
        service.stubFor(get(urlPathEqualTo("/api/notifications")).inScenario("restart")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("back")
                .willReturn(aResponse().withStatus(503)));
        service.stubFor(get(urlPathEqualTo("/api/notifications")).inScenario("restart")
                .whenScenarioStateIs("back").willReturn(okJson(StubService.ANSWER)));
        service.stubFor(post(urlPathEqualTo("/api/notifications/9/read")).willReturn(aResponse().withStatus(503)));
        service.stubFor(get(urlPathEqualTo("/api/partners/GB")).willReturn(aResponse().withStatus(500)));
        Map<String, String> partner = bearer(logins.systemsToken("gb"));

        assertThat(send("GET", "/api/notifications", partner).statusCode()).isEqualTo(200);
        assertThat(service.findAll(getRequestedFor(urlPathEqualTo("/api/notifications")))).hasSize(2);

        assertThat(send("POST", "/api/notifications/9/read", partner).statusCode()).isEqualTo(503);
        assertThat(service.findAll(postRequestedFor(urlPathEqualTo("/api/notifications/9/read")))).hasSize(1);

        assertThat(send("GET", "/api/partners/GB", partner).statusCode()).isEqualTo(500);
        assertThat(service.findAll(getRequestedFor(urlPathEqualTo("/api/partners/GB")))).hasSize(1);
    }

    @Test
    void aCallerOverTheRouteLimitIsToldToWaitWhileOthersCarryOn() {
        // the tasks route allows a burst of 5 and 1 more a second per caller (set for the tests)
        Map<String, String> busy = bearer(logins.systemsToken("de"));
        Map<String, String> other = bearer(logins.systemsToken("ca"));

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int call = 0; call < 20; call++) {
            answers.add(send("GET", "/api/tasks", busy));
        }

        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses).containsOnly(200, 429).contains(429);
        HttpResponse<String> refused = answers.stream().filter(answer -> answer.statusCode() == 429).findFirst()
                .orElseThrow();
        assertProblem(refused, 429, "https://accord.example/problems/rate-limited");
        assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        long served = statuses.stream().filter(status -> status == 200).count();
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).hasSize((int) served);

        HttpResponse<String> othersCall = send("GET", "/api/tasks", other);
        assertThat(othersCall.statusCode()).isEqualTo(200);
        assertThat(othersCall.headers().firstValue("X-RateLimit-Remaining")).hasValue("4");
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String method, String path,
            Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
