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
import java.util.stream.Stream;

import org.accord.identity.testing.BrowserSession;
import org.accord.identity.testing.KeptAliveConnection;
import org.accord.identity.testing.KeptAliveConnection.Answer;
import org.accord.identity.testing.KeptAliveConnection.Call;
import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * A browser or partner system keeps its connection to the gateway open across calls. Whatever the gateway answered
 * on it, also an answer given before it read the call's body (a refusal, a missing address, a body too large, a rate
 * limit, an open breaker), the caller's next call on that connection is answered; where the gateway closes the
 * connection instead, it says so in its answer, and the caller's next call goes out on a new one. A call whose head
 * the server cannot read is answered with a problem like any other refusal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeepAliveIntegrationTest extends WiredGateway {

    private static final int ROUNDS = 50;
    private static final int QUEUED_ROUNDS = 20;
    private static final int CLOSING_ROUNDS = 5;
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

    /** Calls the gateway answers early, before it read their body, each with who calls next and its answer. */
    Stream<Arguments> earlyAnswers() {
        return Stream.of(
                Arguments.of("a browser call refused for its missing XSRF header",
                        Call.withBody("POST", "/api/cases", json(browser), SMALL_BODY), browser, 403),
                Arguments.of("a call to an internal address",
                        Call.withBody("POST", "/internal/x", json(partner), SMALL_BODY), partner, 404),
                Arguments.of("a call with an invalid token",
                        Call.withBody("POST", "/api/cases", json(bearer(forgedToken())), SMALL_BODY), partner, 401),
                Arguments.of("a declared body over the limit",
                        Call.withBody("POST", "/api/cases", json(partner), LARGE_BODY), partner, 413),
                Arguments.of("a chunked body over the limit",
                        Call.chunked("POST", "/api/cases", json(partner), LARGE_BODY), partner, 413));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("earlyAnswers")
    void anEarlyAnswerLeavesTheConnectionUsable(String what, Call call, Map<String, String> caller, int status) {
        assertNextCallAnswered(call, caller, status);
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

    /**
     * Heads the server cannot read, each with the problem that answers it: where such a call ends is unknown, so the
     * server answers it itself and closes the connection, saying so.
     */
    Stream<Arguments> unreadableHeads() {
        byte[] chunks = chunksOf(SMALL_BODY);
        return Stream.of(
                Arguments.of("both a length and chunks", Call.asGiven("POST", "/api/cases", with(with(json(partner),
                        "Transfer-Encoding", "chunked"), "Content-Length", "7"), chunks),
                        400, "ambiguous-framing", "Request body framed more than one way"),
                Arguments.of("a request line too long", Call.withBody("POST", "/api/cases?q=" + "a".repeat(10_000),
                        json(partner), SMALL_BODY), 414, "request-line-too-long", "Request line too long"),
                Arguments.of("header fields too large", Call.withBody("POST", "/api/cases",
                        with(json(partner), "X-Note", "a".repeat(20_000)), SMALL_BODY),
                        431, "header-fields-too-large", "Request header fields too large"),
                Arguments.of("a malformed request line", Call.get("/api/me not-a-version", partner),
                        400, "malformed-request", "Malformed request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableHeads")
    void aHeadTheServerCannotReadIsAnsweredAsAProblemAndTheConnectionClosedSaying(String what, Call call, int status,
            String problem, String title) {
        try (KeptAliveConnection connection = new KeptAliveConnection(keycloak.gatewayPort())) {
            for (int round = 0; round < CLOSING_ROUNDS; round++) {
                Answer first = connection.exchange(call);
                assertUnreadable(first, status, problem, title, "round " + round + ": " + what);
                assertThat(connection.exchange(Call.get("/api/me", partner)).status()).isEqualTo(200);
            }
            assertThat(connection.connectionsOpened()).as("connections used").isEqualTo(CLOSING_ROUNDS + 1);
        }
    }

    /** Behind a call still being answered, the unreadable head is answered after it, in turn. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableHeads")
    void aHeadTheServerCannotReadSentBehindAnotherCallIsAnsweredInTurn(String what, Call call, int status,
            String problem, String title) {
        try (KeptAliveConnection connection = new KeptAliveConnection(keycloak.gatewayPort())) {
            List<Answer> answers = connection.pipeline(Call.get("/api/me", partner), call);
            assertThat(answers.get(0).status()).as(what + ": the call before").isEqualTo(200);
            assertThat(answers.get(0).body()).contains("\"country\":\"FR\"");
            assertUnreadable(answers.get(1), status, problem, title, what);
        }
    }

    private static void assertUnreadable(Answer answer, int status, String problem, String title, String what) {
        assertThat(answer.status()).as(what).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as(what).startsWith("application/problem+json");
        JsonNode body = json.readTree(answer.body());
        assertThat(body.path("type").asString()).as(what).isEqualTo("https://accord.example/problems/" + problem);
        assertThat(body.path("title").asString()).as(what).isEqualTo(title);
        assertThat(body.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(body.path("requestId").asString()).as(what).isEqualTo(answer.headers().get("x-request-id"));
        assertThat(answer.headers().get("x-content-type-options")).as(what).isEqualTo("nosniff");
        assertThat(answer.headers().get("content-security-policy")).as(what).contains("default-src 'self'");
        assertThat(answer.closesConnection()).as(what + ": closes the connection").isTrue();
    }

    private static byte[] chunksOf(byte[] body) {
        byte[] size = (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] end = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] chunks = new byte[size.length + body.length + end.length];
        System.arraycopy(size, 0, chunks, 0, size.length);
        System.arraycopy(body, 0, chunks, size.length, body.length);
        System.arraycopy(end, 0, chunks, size.length + body.length, end.length);
        return chunks;
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
