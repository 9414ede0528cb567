package org.accord.deploy.hostile;

import static org.accord.deploy.hostile.LaunchedPlatform.api;
import static org.accord.deploy.hostile.LaunchedPlatform.logins;
import static org.accord.deploy.hostile.LaunchedPlatform.platform;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.accord.identity.testing.BrowserSession;
import org.accord.identity.testing.KeptAliveConnection;
import org.accord.identity.testing.KeptAliveConnection.Answer;
import org.accord.identity.testing.KeptAliveConnection.Call;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser session's connection to the gateway, kept open as browsers keep it: whatever odd framing its first call
 * has (a form, a multipart body, chunks, an empty body with a length, {@code Expect: 100-continue}, both
 * {@code Transfer-Encoding} and {@code Content-Length}, a body on {@code GET}, a body too large, a body shorter than
 * its length), that call gets its documented answer and the session's next, ordinary JSON call is answered by the
 * service, correctly, every time: nothing the first call left behind reaches a service as part of another call.
 * Where the gateway closes the connection after its answer, it says so, and the next call goes on a new one.
 * And a service itself answers a request its container refuses with a problem, never an HTML page.
 */
@ExtendWith(LaunchedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFramingIntegrationTest {

    private static final int ROUNDS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEMS = "https://accord.example/problems/";
    private static final String SHARING = """
            {"tlp": "AMBER", "sharedWith": [{"country": "CA", "access": "READ"}], "namedRecipients": []}""";

    private Map<String, String> browser;
    private String caseId;

    @BeforeAll
    void openACase() {
        BrowserSession officer = logins().gatewaySession("gb-officer");
        BrowserSession.Page created = officer.sendJson("POST", api("/cases"), newCase());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        caseId = JSON.readTree(created.body()).path("id").asString();
        String xsrf = officer.cookie("XSRF-TOKEN").orElseThrow();
        browser = Map.of("Cookie", "SESSION=" + officer.cookie("SESSION").orElseThrow() + "; XSRF-TOKEN=" + xsrf,
                "X-XSRF-TOKEN", xsrf, "Origin", platform().gatewayUrl(), "Accept", "application/json");
    }

    @Test
    void aFormIsRefusedAndTheNextCallIsTheServices() {
        Call form = Call.withBody("POST", "/api/cases", with("Content-Type", "application/x-www-form-urlencoded"),
                bytes("title=Attacks+on+camps&summary=Two+camps&situationCountry=SD&tlp=AMBER"));

        everyRound(connection -> connection.exchange(form), 415, "unsupported-media-type");
    }

    @Test
    void aMultipartBodyIsRefusedAndTheNextCallIsTheServices() {
        Call multipart = Call.withBody("POST", "/api/cases/" + caseId + "/entries",
                with("Content-Type", "multipart/form-data; boundary=accord"), bytes("""
                        --accord\r
                        Content-Disposition: form-data; name="text"\r
                        \r
                        Shelling reported\r
                        --accord--\r
                        """));

        everyRound(connection -> connection.exchange(multipart), 415, "unsupported-media-type");
    }

    @Test
    void aChunkedBodyReachesTheServiceWholeAndTheNextCallIsTheServices() {
        Call chunked = Call.chunked("POST", "/api/cases", with("Content-Type", "application/json"),
                bytes(newCase()));

        everyRound(connection -> connection.exchange(chunked), 201, null);
    }

    @Test
    void anEmptyBodyWithItsLengthIsTheServicesToRefuseAndTheNextCallIsTheServices() {
        Call empty = Call.asGiven("POST", "/api/cases", with("Content-Type", "application/json", "Content-Length",
                "0"), new byte[0]);

        everyRound(connection -> connection.exchange(empty), 400, "malformed-json");
    }

    @Test
    void aBodySentAfterContinueReachesTheServiceAndTheNextCallIsTheServices() {
        Call expecting = Call.withBody("POST", "/api/cases", with("Content-Type", "application/json", "Expect",
                "100-continue"), bytes(newCase()));

        everyRound(connection -> connection.exchangeAfterContinue(expecting), 201, null);
    }

    /**
     * Which of the two says where the call ends is for no one to guess: the gateway's server refuses the call itself
     * (a {@code 400} {@code ambiguous-framing} problem, as for any head it cannot read) and closes the connection, so
     * its rest is never read as a call; nothing reaches a service.
     */
    @Test
    void aBodyWithBothLengthAndChunksIsRefusedAndTheConnectionClosed() {
        byte[] body = bytes(newCase());
        byte[] chunks = concat(bytes(Integer.toHexString(body.length) + "\r\n"), body, bytes("\r\n0\r\n\r\n"));
        Call both = Call.asGiven("POST", "/api/cases", with("Content-Type", "application/json",
                "Transfer-Encoding", "chunked", "Content-Length", "7"), chunks);

        try (KeptAliveConnection connection = new KeptAliveConnection(gatewayPort())) {
            for (int round = 0; round < ROUNDS; round++) {
                Answer first = connection.exchange(both);
                assertProblem(first, 400, "ambiguous-framing");
                assertThat(first.closesConnection()).as("round %d: closes the connection", round).isTrue();
                assertAnsweredByTheService(connection.exchange(sharing()), "round " + round);
            }
            assertThat(connection.connectionsOpened()).isEqualTo(ROUNDS + 1);
        }
    }

    @Test
    void aBodyOnABodilessMethodIsRefusedAndTheNextCallIsTheServices() {
        Call get = Call.withBody("GET", "/api/cases/" + caseId, with("Content-Type", "application/json"),
                bytes("{\"tlp\":\"RED\"}"));
        Call delete = Call.withBody("DELETE", "/api/cases/" + caseId, with("Content-Type", "application/json"),
                bytes("{}"));

        everyRound(connection -> connection.exchange(get), 400, "body-not-allowed");
        everyRound(connection -> connection.exchange(delete), 400, "body-not-allowed");
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndTheNextCallIsTheServices() {
        Call declared = Call.withBody("POST", "/api/cases", with("Content-Type", "application/json"),
                KeptAliveConnection.jsonOfSize(2 * 1024 * 1024));
        Call chunked = Call.chunked("POST", "/api/cases", with("Content-Type", "application/json"),
                KeptAliveConnection.jsonOfSize(2 * 1024 * 1024));

        everyRound(connection -> connection.exchange(declared), 413, "payload-too-large");
        everyRound(connection -> connection.exchange(chunked), 413, "payload-too-large");
    }

    /** Where its next call would start is unknown, so the gateway gives up the call and closes the connection. */
    @Test
    void aBodyShorterThanItsLengthIsGivenUpAndTheNextCallIsTheServices() {
        Call shorter = Call.asGiven("POST", "/api/cases", with("Content-Type", "application/json", "Content-Length",
                "100"), bytes("{\"title\":"));

        try (KeptAliveConnection connection = new KeptAliveConnection(gatewayPort())) {
            Answer first = connection.exchange(shorter);
            assertProblem(first, 408, "request-timeout");
            assertThat(first.closesConnection()).as("closes the connection").isTrue();
            assertAnsweredByTheService(connection.exchange(sharing()), "after the shorter body");
        }
    }

    @Test
    void aServiceAnswersARequestItsContainerRefusesWithAProblem() {
        int port = URI.create(platform().url("cases")).getPort();
        Call badAddress = Call.get("/api/cases/%zz", Map.of("Accept", "application/json"));
        Call badHeader = Call.get("/api/cases", Map.of("Accept", "application/json", "Bad Header", "x"));

        for (Call refused : new Call[] { badAddress, badHeader }) {
            try (KeptAliveConnection connection = new KeptAliveConnection(port)) {
                Answer answer = connection.exchange(refused);
                assertThat(answer.status()).as(refused.describe()).isEqualTo(400);
                assertThat(answer.headers().get("content-type")).as(refused.describe())
                        .startsWith("application/problem+json");
                JsonNode problem = JSON.readTree(answer.body());
                assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + "bad-request");
                assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
                assertThat(problem.path("status").asInt()).isEqualTo(400);
                assertThat(answer.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<");
            }
        }
    }

    private interface FirstCall {
        Answer send(KeptAliveConnection connection);
    }

    private void everyRound(FirstCall first, int status, String problem) {
        try (KeptAliveConnection connection = new KeptAliveConnection(gatewayPort())) {
            for (int round = 0; round < ROUNDS; round++) {
                Answer answer = first.send(connection);
                if (problem == null) {
                    assertThat(answer.status()).as("round %d: %s", round, answer.body()).isEqualTo(status);
                    assertThat(answer.headers().get("content-type")).startsWith("application/json");
                } else {
                    assertProblem(answer, status, problem);
                }
                assertAnsweredByTheService(connection.exchange(sharing()), "round " + round);
            }
        }
    }

    private Call sharing() {
        return Call.withBody("PUT", "/api/cases/" + caseId + "/sharing", with("Content-Type", "application/json"),
                bytes(SHARING));
    }

    private void assertAnsweredByTheService(Answer answer, String when) {
        assertThat(answer.status()).as("%s: %s", when, answer.body()).isEqualTo(200);
        assertThat(answer.headers().get("content-type")).as(when).startsWith("application/json");
        JsonNode sharedCase = JSON.readTree(answer.body());
        assertThat(sharedCase.path("id").asString()).as(when).isEqualTo(caseId);
        assertThat(sharedCase.path("tlp").asString()).as(when).isEqualTo("AMBER");
    }

    private static void assertProblem(Answer answer, int status, String problem) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as(answer.body()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("type").asString()).isEqualTo(PROBLEMS + problem);
        assertThat(body.path("status").asInt()).isEqualTo(status);
    }

    private Map<String, String> with(String... fields) {
        Map<String, String> headers = new LinkedHashMap<>(browser);
        for (int i = 0; i < fields.length; i += 2) {
            headers.put(fields[i], fields[i + 1]);
        }
        return headers;
    }

    private static int gatewayPort() {
        return URI.create(platform().gatewayUrl()).getPort();
    }

    private static String newCase() {
        return """
                {"title": "Attacks on camps %s", "summary": "Armed groups attacked two camps.",
                 "situationCountry": "SD", "tlp": "AMBER", "sharedWith": [{"country": "CA", "access": "READ"}],
                 "namedRecipients": [], "tags": []}""".formatted(UUID.randomUUID());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
