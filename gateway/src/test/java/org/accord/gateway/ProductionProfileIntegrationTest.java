package org.accord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.accord.identity.testing.FreePorts;
import org.accord.identity.testing.KeycloakTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway with the {@code production} and {@code json-logs} profiles, started as a process of its own (a process
 * sets up its logging once): it insists on HTTPS in browsers and writes one JSON object per log line, with the id of
 * the request the line belongs to.
 */
class ProductionProfileIntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Path LOG = Path.of("target", "production-gateway.log").toAbsolutePath();

    private static Process gateway;
    private static String url;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startGateway() throws IOException, InterruptedException {
        KeycloakTestServer keycloak = KeycloakTestServer.shared();
        int port = FreePorts.next();
        url = "http://localhost:" + port;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                .orElse(System.getProperty("java.class.path"));
        gateway = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, GatewayApplication.class.getName(),
                "--spring.profiles.active=production,json-logs", "--server.port=" + port,
                "--accord.identity.issuer-uri=" + keycloak.issuer(),
                "--accord.gateway.cases-url=http://localhost:" + FreePorts.next())
                .redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!live()) {
            if (!gateway.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway did not start; see " + LOG);
            }
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopGateway() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }

    @Test
    void browsersAreToldToUseHttpsOnlyAndCookiesStayOffPlainHttp() {
        HttpResponse<String> page = get("/login", Map.of("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000; includeSubDomains");
        assertThat(setCookie(page, "XSRF-TOKEN")).contains("; Secure");

        HttpResponse<String> signIn = get("/login/fr", Map.of("Accept", "text/html"));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(setCookie(signIn, "SESSION")).contains("; Secure").containsIgnoringCase("HttpOnly");
    }

    @Test
    void logLinesAreJsonAndCarryTheIdOfTheirRequest() throws IOException, InterruptedException {
        String token = KeycloakTestServer.shared().logins().systemsToken("fr");

        HttpResponse<String> unreachable = get("/api/cases", Map.of("Authorization", "Bearer " + token));

        assertThat(unreachable.statusCode()).isEqualTo(503);
        String requestId = unreachable.headers().firstValue("X-Request-Id").orElseThrow();
        JsonNode line = awaitLogLine(requestId);
        assertThat(line.get("requestId").asString()).isEqualTo(requestId);
        assertThat(line.get("message").asString()).contains("GET /api/cases answered 503");
        assertThat(line.get("log").get("level").asString()).isEqualTo("WARN");
        assertThat(line.get("service").get("name").asString()).isEqualTo("gateway");
        assertThat(Files.readAllLines(LOG)).filteredOn(text -> !text.isBlank())
                .allSatisfy(text -> assertThat(json.readTree(text).get("@timestamp")).isNotNull());
    }

    private JsonNode awaitLogLine(String requestId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(LOG);
            Optional<String> match = lines.stream()
                    .filter(text -> text.contains(requestId) && text.contains("answered"))
                    .findFirst();
            if (match.isPresent()) {
                return json.readTree(match.get());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no log line with request id " + requestId + " in " + LOG);
    }

    private static boolean live() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/liveness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie set in " + response.headers().map()));
    }
}
