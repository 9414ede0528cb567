package org.accord.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the gateway does to every request before a service sees it, and to every answer: the request id, forged
 * identity and address headers, oversized bodies, headers and addresses, page sizes, security headers, CORS.
 */
class EdgeIntegrationTest extends WiredGateway {

    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final int MIB = 1024 * 1024;

    @Test
    void everyRequestGetsAnIdThatTheServiceReceivesAndTheCallerSees() {
        HttpResponse<String> response = send("GET", "/api/cases", bearer(logins.systemsToken("fr")));

        assertThat(response.statusCode()).isEqualTo(200);
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches(UUID_FORM);
        assertThat(onlyRequest().getHeader("X-Request-Id")).isEqualTo(id);
    }

    @Test
    void aCallersOwnUuidIsKeptAndAnythingElseReplaced() {
        String token = logins.systemsToken("fr");
        String own = UUID.randomUUID().toString();

        HttpResponse<String> kept = send("GET", "/api/cases", with(bearer(token), "X-Request-Id", own));
        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue(own);
        assertThat(onlyRequest().getHeader("X-Request-Id")).isEqualTo(own);

        services.resetRequests();
        HttpResponse<String> replaced = send("GET", "/api/cases",
                with(bearer(token), "X-Request-Id", "fr-42 ' or 1=1 --"));
        String fresh = replaced.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(fresh).matches(UUID_FORM);
        assertThat(onlyRequest().getHeader("X-Request-Id")).isEqualTo(fresh);
    }

    @Test
    void everyProblemTheGatewayWritesCarriesTheRequestId() {
        HttpResponse<String> notFound = send("GET", "/api/nothing-here", bearer(logins.systemsToken("de")));
        JsonNode problem = assertProblem(notFound, 404, "https://accord.example/problems/not-found");
        assertThat(problem.get("requestId").asString()).matches(UUID_FORM);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/nothing-here");

        String own = UUID.randomUUID().toString();
        HttpResponse<String> signedOut = send("GET", "/api/cases", Map.of("X-Request-Id", own));
        assertThat(assertProblem(signedOut, 401, "https://accord.example/problems/unauthenticated")
                .get("requestId").asString()).isEqualTo(own);
    }

    @Test
    void forgedAddressAndUserHeadersNeverReachAServiceAndChangeNothing() {
        Map<String, String> forged = new LinkedHashMap<>(bearer(logins.systemsToken("fr")));
        forged.put("X-Forwarded-For", "203.0.113.7");
        forged.put("X-Forwarded-Host", "evil.example");
        forged.put("X-Forwarded-Proto", "https");
        forged.put("Forwarded", "for=203.0.113.7;host=evil.example;proto=https");
        forged.put("X-Real-IP", "203.0.113.7");
        forged.put("X-User-Id", "us-officer");
        forged.put("X-User-Country", "US");
        forged.put("X-User-Roles", "liaison");

        HttpResponse<String> me = send("GET", "/api/me", forged);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode user = json.readTree(me.body());
        assertThat(user.get("country").asString()).isEqualTo("FR");
        assertThat(user.get("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("officer");

        HttpResponse<String> cases = send("GET", "/api/cases", forged);
        assertThat(cases.statusCode()).isEqualTo(200);
        LoggedRequest received = onlyRequest();
        assertThat(received.getHeaders().all()).extracting(HttpHeader::key)
                .noneMatch(name -> name.toLowerCase().startsWith("x-user-"))
                .noneMatch(name -> name.equalsIgnoreCase("forwarded") || name.equalsIgnoreCase("x-real-ip"));
        assertThat(received.getHeaders().all()).flatExtracting(HttpHeader::values)
                .noneMatch(value -> value.contains("203.0.113.7") || value.contains("evil.example"));
        assertThat(received.getHeader("Authorization")).isEqualTo(forged.get("Authorization"));
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedAndNeverReachesTheService() {
        String token = logins.systemsToken("fr");

        for (boolean declared : new boolean[] { true, false }) {
            String answer = upload("/api/cases", token, 2 * MIB, declared);

            assertThat(answer).startsWith("HTTP/1.1 413 ").contains("application/problem+json")
                    .contains("\"type\":\"https://accord.example/problems/payload-too-large\"")
                    .containsPattern("\"requestId\":\"" + UUID_FORM + "\"");
        }
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void bodiesWithinTheLimitReachTheServiceWholeWithOrWithoutALength() {
        String token = logins.systemsToken("fr");
        byte[] almostOneMebibyte = jsonOfSize(MIB - 1024);
        byte[] small = jsonOfSize(10_000);

        assertThat(send("POST", "/api/cases", with(bearer(token), "Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofByteArray(almostOneMebibyte)).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/cases", with(bearer(token), "Content-Type", "application/json"),
                withoutLength(small)).statusCode()).isEqualTo(200);

        List<LoggedRequest> received = services.findAll(postRequestedFor(urlPathEqualTo("/api/cases")));
        assertThat(received).hasSize(2);
        assertThat(received.get(0).getBody()).isEqualTo(almostOneMebibyte);
        assertThat(received.get(1).getBody()).isEqualTo(small);
        assertThat(received.get(1).getHeader("Content-Length")).isEqualTo(Integer.toString(small.length));
    }

    @Test
    void oversizedHeadersAndAddressesAreRefusedByTheServer() {
        String token = logins.systemsToken("fr");

        HttpResponse<String> longAddress = send("GET", "/api/cases?q=" + "a".repeat(10_000), bearer(token));
        assertThat(longAddress.statusCode()).isEqualTo(414);

        HttpResponse<String> hugeHeader = send("GET", "/api/cases", with(bearer(token), "X-Note",
                "a".repeat(20_000)));
        assertThat(hugeHeader.statusCode()).isEqualTo(431);

        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aListCallAsksAServiceForAtMostOneHundredItems() {
        String token = logins.systemsToken("fr");

        send("GET", "/api/cases?status=OPEN&size=5000&page=2", bearer(token));
        send("GET", "/api/cases?size=20", bearer(token));
        send("GET", "/api/cases?size=99999999999999999999", bearer(token));

        List<LoggedRequest> received = services.findAll(getRequestedFor(urlPathEqualTo("/api/cases")));
        assertThat(received).hasSize(3);
        assertThat(received.get(0).queryParameter("size").values()).containsExactly("100");
        assertThat(received.get(0).queryParameter("page").firstValue()).isEqualTo("2");
        assertThat(received.get(0).queryParameter("status").firstValue()).isEqualTo("OPEN");
        assertThat(received.get(1).queryParameter("size").firstValue()).isEqualTo("20");
        assertThat(received.get(2).queryParameter("size").firstValue()).isEqualTo("100");
    }

    @Test
    void pagesApiAnswersAndProblemsCarryTheSecurityHeaders() {
        String token = logins.systemsToken("fr");
        List<HttpResponse<String>> responses = List.of(
                send("GET", "/login", Map.of("Accept", "text/html")),
                send("GET", "/api/me", bearer(token)),
                send("GET", "/api/cases", bearer(token)),
                send("GET", "/api/nothing-here", bearer(token)));

        for (HttpResponse<String> response : responses) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(
                    csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    @Test
    void onlyConfiguredOriginsMayCallFromTheirScripts() {
        HttpResponse<String> partner = send("OPTIONS", "/api/cases", Map.of("Origin", PARTNER_ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization"));
        assertThat(partner.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PARTNER_ORIGIN);
        assertThat(partner.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        HttpResponse<String> stranger = send("OPTIONS", "/api/cases", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization"));
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> strangersRead = send("GET", "/api/cases",
                with(bearer(logins.systemsToken("fr")), "Origin", "https://evil.example"));
        assertThat(strangersRead.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void everyCallOnAKeptAliveConnectionIsAnswered() {
        Map<String, String> partner = bearer(logins.systemsToken("fr"));
        for (int round = 0; round < 60; round++) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // the sign-in page is finished off the server's connection thread, so the next call may come before that
            assertThat(status(client, "/login", Map.of("Accept", "text/html"))).isEqualTo(200);
            assertThat(status(client, "/api/me", partner)).isEqualTo(200);
            assertThat(status(client, "/api/me", partner)).isEqualTo(200);
        }
    }

    private int status(HttpClient client, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> received = services.findAll(anyRequestedFor(anyUrl()));
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private static byte[] jsonOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        byte[] start = "{\"summary\":\"".getBytes();
        System.arraycopy(start, 0, body, 0, start.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    /**
     * Sends a body of {@code size} bytes, with its length declared or streamed in chunks without one (as an upload
     * that does not know its size), and reads the answer while still sending, as a browser does: the gateway may
     * answer before it has read everything.
     */
    private String upload(String path, String token, int size, boolean declared) {
        try (Socket socket = new Socket("localhost", keycloak.gatewayPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\n"
                    + (declared ? "Content-Length: " + size : "Transfer-Encoding: chunked") + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> {
                byte[] chunk = new byte[16 * 1024];
                Arrays.fill(chunk, (byte) 'x');
                try {
                    for (int sent = 0; sent < size; sent += chunk.length) {
                        if (!declared) {
                            out.write((Integer.toHexString(chunk.length) + "\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(chunk);
                        if (!declared) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    if (!declared) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException closedByTheGateway) {
                    // the gateway has answered and closed the connection: nothing more to send
                }
            }, "upload");
            sender.setDaemon(true);
            sender.start();
            String answer = readAnswer(socket.getInputStream());
            sender.join(30_000);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP/1.1 answer with a declared length, head and body, leaving the connection open. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("the connection ended within the answer's head: " + head);
            }
            head.write(next);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return headers + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    }

    /** The body sent in chunks without a declared length, as a streaming client would. */
    private static HttpRequest.BodyPublisher withoutLength(byte[] body) {
        HttpRequest.BodyPublisher whole = HttpRequest.BodyPublishers.ofByteArray(body);
        return HttpRequest.BodyPublishers.fromPublisher((Flow.Subscriber<? super ByteBuffer> subscriber) -> whole
                .subscribe(subscriber));
    }
}
