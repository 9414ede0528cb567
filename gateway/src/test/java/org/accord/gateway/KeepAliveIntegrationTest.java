package org.accord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.accord.identity.testing.BrowserSession;
import org.accord.identity.testing.KeptAliveConnection;
import org.accord.identity.testing.KeptAliveConnection.Answer;
import org.accord.identity.testing.KeptAliveConnection.Call;
import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A browser or partner system keeps its connection to the gateway open across calls. Whatever the gateway answered
 * on it, also an answer given before it read the call's body (a refusal, a missing address, a body too large, a rate
 * limit, an open breaker), the caller's next call on that connection is answered; where the gateway closes the
 * connection instead, it says so in its answer, and the caller's next call goes out on a new one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeepAliveIntegrationTest extends WiredGateway {

    private static final int ROUNDS = 50;
    private static final int QUEUED_ROUNDS = 20;
    private static final int MIB = 1024 * 1024;
    private static final byte[] SMALL_BODY = KeptAliveConnection.jsonOfSize(4 * 1024);
    private static final byte[] LARGE_BODY = KeptAliveConnection.jsonOfSize(2 * MIB);

    private BrowserSession session;
    private Map<String, String> browser;
    private Map<String, String> partner;

    @BeforeAll
    void signIn() {
        session = logins.gatewaySession(gateway, "fr-officer");
        browser = Map.of("Cookie", "SESSION=" + session.cookie("SESSION").orElseThrow() + "; XSRF-TOKEN="
                + session.cookie("XSRF-TOKEN").orElseThrow(), "Accept", "application/json");
        partner = with(bearer(logins.systemsToken("fr")), "Accept", "application/json");
    }

    @Test
    void aBrowserCallRefusedForItsMissingXsrfHeaderLeavesTheConnectionUsable() {
        Call refused = Call.withBody("POST", "/api/cases", json(browser), SMALL_BODY);

        assertNextCallAnswered(refused, browser, 403);
    }

    @Test
    void aBrowserKeepsUsingItsConnectionAfterACallRefusedForItsMissingXsrfHeader() {
        String body = new String(SMALL_BODY, StandardCharsets.US_ASCII);
        for (int round = 0; round < ROUNDS; round++) {
            assertThat(session.sendWithoutXsrf("POST", gateway + "/api/cases", "application/json", body).status())
                    .isEqualTo(403);
            assertThat(session.get(gateway + "/api/me").status()).isEqualTo(200);
            assertThat(session.send("POST", gateway + "/internal/x", "application/json", body).status())
                    .isEqualTo(404);
            assertThat(session.get(gateway + "/api/me").status()).isEqualTo(200);
        }
    }

    @Test
    void aClientKeepsUsingItsConnectionAfterItsBodyWasRefusedAsTooLarge() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int round = 0; round < ROUNDS; round++) {
            for (boolean declared : new boolean[] { true, false }) {
                HttpRequest.BodyPublisher whole = HttpRequest.BodyPublishers.ofByteArray(LARGE_BODY);
                HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create(gateway + "/api/cases"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(declared ? whole : HttpRequest.BodyPublishers.fromPublisher(whole::subscribe));
                partner.forEach(upload::header);
                assertThat(client.send(upload.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                        .isEqualTo(413);

                HttpRequest.Builder me = HttpRequest.newBuilder(URI.create(gateway + "/api/me"))
                        .timeout(Duration.ofSeconds(10));
                partner.forEach(me::header);
                assertThat(client.send(me.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void anEarlyAnswerQueuedBehindASlowerCallLeavesTheConnectionUsable() {
        String forged = forgedToken();
        Map<Call, Integer> earlyAnswers = new LinkedHashMap<>();
        earlyAnswers.put(Call.withBody("POST", "/api/cases", json(browser), SMALL_BODY), 403);
        earlyAnswers.put(Call.withBody("POST", "/api/cases", json(bearer(forged)), SMALL_BODY), 401);
        earlyAnswers.put(Call.withBody("POST", "/internal/x", json(partner), SMALL_BODY), 404);
        earlyAnswers.put(Call.get("/internal/x", partner), 404);
        try (KeptAliveConnection connection = new KeptAliveConnection(keycloak.gatewayPort())) {
            for (int round = 0; round < QUEUED_ROUNDS; round++) {
                for (Map.Entry<Call, Integer> early : earlyAnswers.entrySet()) {
                    // the sign-in page is answered off the connection's thread, so the next call waits in a queue
                    List<Answer> answers = connection.pipeline(Call.get("/login", Map.of("Accept", "text/html")),
                            early.getKey());
                    assertThat(answers).extracting(Answer::status).containsExactly(200, early.getValue());

                    String after = "round " + round + ": the call after " + early.getKey().method() + " "
                            + early.getKey().target();
                    assertThat(answered(() -> connection.exchange(Call.get("/api/me", browser)), after).status())
                            .as(after).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void aCallToAnInternalAddressLeavesTheConnectionUsable() {
        Call internal = Call.withBody("POST", "/internal/x", json(partner), SMALL_BODY);

        assertNextCallAnswered(internal, partner, 404);
    }

    @Test
    void aCallWithAnInvalidTokenLeavesTheConnectionUsable() {
        String forged = forgedToken();
        Call unauthenticated = Call.withBody("POST", "/api/cases", json(bearer(forged)), SMALL_BODY);

        assertNextCallAnswered(unauthenticated, partner, 401);
    }

    @Test
    void aDeclaredBodyOverTheLimitLeavesTheConnectionUsable() {
        Call tooLarge = Call.withBody("POST", "/api/cases", json(partner), LARGE_BODY);

        assertNextCallAnswered(tooLarge, partner, 413);
    }

    @Test
    void aChunkedBodyOverTheLimitLeavesTheConnectionUsable() {
        Call tooLarge = Call.chunked("POST", "/api/cases", json(partner), LARGE_BODY);

        assertNextCallAnswered(tooLarge, partner, 413);
    }

    @Test
    void aRateLimitedCallLeavesTheConnectionUsable() {
        Call write = Call.withBody("POST", "/api/tasks", json(partner), SMALL_BODY);

        Set<Integer> statuses = assertNextCallAnswered(write, partner, 200, 429);

        assertThat(statuses).contains(429);
    }

    @Test
    void aCallRefusedByAnOpenBreakerLeavesTheConnectionUsable() {
        breakers.circuitBreaker("notifications").transitionToForcedOpenState();
        Call write = Call.withBody("POST", "/api/notifications/subscriptions", json(partner), SMALL_BODY);

        // the caller's own rate limit may answer first, an early answer too
        assertThat(assertNextCallAnswered(write, partner, 503, 429)).contains(503);
    }

    /** A head the server cannot take in is answered by the server itself, which then closes the connection. */
    @Test
    void aCallWithAnOversizedHeaderOrAddressIsAnsweredAndTheConnectionClosedSaying() {
        Call hugeHeader = Call.withBody("POST", "/api/cases", with(json(partner), "X-Note", "a".repeat(20_000)),
                SMALL_BODY);
        Call longAddress = Call.withBody("POST", "/api/cases?q=" + "a".repeat(10_000), json(partner), SMALL_BODY);

        assertAnsweredThenConnectionClosed(hugeHeader, 431);
        assertAnsweredThenConnectionClosed(longAddress, 414);
    }

    @Test
    void aCallServedByAServiceLeavesTheConnectionUsable() {
        Call write = Call.withBody("POST", "/api/cases", json(partner), SMALL_BODY);

        assertThat(assertNextCallAnswered(write, partner, 200, 429)).contains(200);
    }

    /**
     * Sends the call, then a read of the caller's own profile, {@value #ROUNDS} times on one kept-alive connection,
     * and returns the statuses the call got.
     */
    /** France's partner token with its country changed to US: its signature no longer holds. */
    private String forgedToken() {
        return TokenClaims.withPayloadEdited(logins.systemsToken("fr"), "\"country\":\"FR\"", "\"country\":\"US\"");
    }

    private Set<Integer> assertNextCallAnswered(Call call, Map<String, String> caller, Integer... expected) {
        Set<Integer> statuses = new HashSet<>();
        try (KeptAliveConnection connection = new KeptAliveConnection(keycloak.gatewayPort())) {
            for (int round = 0; round < ROUNDS; round++) {
                Answer first = connection.exchange(call);
                assertThat(first.status()).as("round %d: %s %s", round, call.method(), call.target()).isIn(
                        (Object[]) expected);
                statuses.add(first.status());

                Answer next = connection.exchange(Call.get("/api/me", caller));
                assertThat(next.status()).as("round %d: the call after %s", round, call.target()).isEqualTo(200);
                assertThat(next.body()).contains("\"country\":\"FR\"");
            }
            assertThat(connection.connectionsOpened()).as("connections used").isEqualTo(1);
        }
        return statuses;
    }

    private void assertAnsweredThenConnectionClosed(Call call, int status) {
        try (KeptAliveConnection connection = new KeptAliveConnection(keycloak.gatewayPort())) {
            for (int round = 0; round < ROUNDS; round++) {
                Answer first = connection.exchange(call);
                assertThat(first.status()).as("round %d: %s", round, call.target()).isEqualTo(status);
                assertThat(first.closesConnection()).as("round %d: closes the connection", round).isTrue();

                assertThat(connection.exchange(Call.get("/api/me", partner)).status()).isEqualTo(200);
            }
        }
    }

    private static Answer answered(Supplier<Answer> call, String description) {
        try {
            return call.get();
        } catch (AssertionError unanswered) {
            throw new AssertionError(description + ": " + unanswered.getMessage(), unanswered);
        }
    }

    private static Map<String, String> json(Map<String, String> headers) {
        return with(headers, "Content-Type", "application/json");
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }
}
