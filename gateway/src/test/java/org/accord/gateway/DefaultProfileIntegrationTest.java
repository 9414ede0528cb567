package org.accord.gateway;

import static org.accord.gateway.GatewayProcess.setCookie;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.accord.identity.testing.KeycloakTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as production runs it, with no profile but {@code json-logs}: it insists on HTTPS in browsers (HSTS,
 * {@code Secure} cookies), shows metrics and detailed health on its management port only, and writes one JSON object
 * per log line with the id of the request the line belongs to. Beside it, the local launch's gateway (profile
 * {@code local}), the one exception: plain HTTP on this machine, so neither HSTS nor {@code Secure} cookies.
 */
class DefaultProfileIntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static GatewayProcess production;
    private static GatewayProcess local;

    @BeforeAll
    static void startGateways() {
        CompletableFuture<GatewayProcess> startingLocal = CompletableFuture.supplyAsync(
                () -> GatewayProcess.start("local", Map.of(), "--spring.profiles.active=local"));
        // outside the local launch the gateway takes its client secret from the environment, and no demo value
        production = GatewayProcess.start("production", Map.of("ACCORD_GATEWAY_SECRET", randomSecret()),
                "--spring.profiles.active=json-logs");
        local = startingLocal.join();
    }

    private static String randomSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @AfterAll
    static void stopGateways() {
        for (GatewayProcess gateway : new GatewayProcess[] { production, local }) {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    @Test
    void browsersAreToldToUseHttpsOnlyAndCookiesStayOffPlainHttp() {
        HttpResponse<String> page = production.get("/login", Map.of("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000; includeSubDomains");
        assertThat(setCookie(page, "XSRF-TOKEN")).contains("; Secure").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("HttpOnly");

        HttpResponse<String> signIn = production.get("/login/fr", Map.of("Accept", "text/html"));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(setCookie(signIn, "SESSION")).contains("; Secure").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void theLocalLaunchAloneServesPlainHttpWithoutHstsOrSecureCookies() {
        HttpResponse<String> page = local.get("/login", Map.of("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(setCookie(page, "XSRF-TOKEN")).doesNotContain("Secure").containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> signIn = local.get("/login/fr", Map.of("Accept", "text/html"));
        assertThat(setCookie(signIn, "SESSION")).doesNotContain("Secure").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void metricsAndDetailedHealthAnswerOnTheManagementPortOnly() {
        for (GatewayProcess gateway : List.of(production, local)) {
            assertThat(gateway.get("/actuator/prometheus", Map.of()).statusCode()).isEqualTo(404);
            assertThat(gateway.get("/actuator/health", Map.of()).statusCode()).isEqualTo(404);
            HttpResponse<String> readiness = gateway.get("/readyz", Map.of());
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(gateway.get("/livez", Map.of()).body()).isEqualTo("{\"status\":\"UP\"}");

            HttpResponse<String> metrics = gateway.management("/actuator/prometheus");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
            JsonNode health = json.readTree(gateway.management("/actuator/health").body());
            assertThat(health.get("components").get("keycloak").get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void logLinesAreJsonAndCarryTheIdOfTheirRequest() throws IOException, InterruptedException {
        String token = KeycloakTestServer.shared().logins().systemsToken("fr");

        HttpResponse<String> unreachable = production.get("/api/cases", Map.of("Authorization", "Bearer " + token));

        assertThat(unreachable.statusCode()).isEqualTo(503);
        String requestId = unreachable.headers().firstValue("X-Request-Id").orElseThrow();
        JsonNode line = awaitLogLine(requestId);
        assertThat(line.get("requestId").asString()).isEqualTo(requestId);
        assertThat(line.get("message").asString()).contains("GET /api/cases answered 503");
        assertThat(line.get("log").get("level").asString()).isEqualTo("WARN");
        assertThat(line.get("service").get("name").asString()).isEqualTo("gateway");
        assertThat(Files.readAllLines(production.log())).filteredOn(text -> !text.isBlank())
                .allSatisfy(text -> assertThat(json.readTree(text).get("@timestamp")).isNotNull());
    }

    private JsonNode awaitLogLine(String requestId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> match = Files.readAllLines(production.log()).stream()
                    .filter(text -> text.contains(requestId) && text.contains("answered"))
                    .findFirst();
            if (match.isPresent()) {
                return json.readTree(match.get());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no log line with request id " + requestId + " in " + production.log());
    }
}
