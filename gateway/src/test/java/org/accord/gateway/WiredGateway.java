package org.accord.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.KeycloakTestServer;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one gateway the wired tests share: it listens where the test Keycloak's redirect URIs point, trusts that
 * Keycloak, fetches and renews its tokens through a recording proxy in front of Keycloak's token endpoint, and routes
 * to stub services (cases and tasks to one stub, notifications to one a test can stop and start). The tasks route
 * has a small rate limit of its own, and a breaker opened by a test waits two seconds before it tries again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class WiredGateway {

    static final JsonMapper json = JsonMapper.builder().build();
    static final String TOKEN_PATH = "/realms/alliance/protocol/openid-connect/token";
    static final String PARTNER_ORIGIN = "https://partner.example.org";

    static final WireMockServer services = new WireMockServer(options().dynamicPort());
    static final StubService notifications = new StubService();
    static final WireMockServer tokenEndpoint = new WireMockServer(options().dynamicPort());

    static {
        services.start();
        tokenEndpoint.start();
        tokenEndpoint.stubFor(any(anyUrl())
                .willReturn(aResponse().proxiedFrom(KeycloakTestServer.shared().baseUrl())));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.stop();
            tokenEndpoint.stop();
            notifications.stop();
        }, "stub-services-stop"));
    }

    final KeycloakTestServer keycloak = KeycloakTestServer.shared();
    final AllianceLogins logins = keycloak.logins();
    final String gateway = keycloak.gatewayUrl();
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    CircuitBreakerRegistry breakers;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        KeycloakTestServer keycloak = KeycloakTestServer.shared();
        registry.add("server.port", keycloak::gatewayPort);
        registry.add("management.server.port", () -> "0");
        registry.add("accord.gateway.public-origin", keycloak::gatewayUrl);
        registry.add("accord.identity.issuer-uri", keycloak::issuer);
        registry.add("accord.gateway.client.token-uri", () -> tokenEndpoint.baseUrl() + TOKEN_PATH);
        registry.add("accord.gateway.cases-url", services::baseUrl);
        registry.add("accord.gateway.tasks-url", services::baseUrl);
        registry.add("accord.gateway.notifications-url", notifications::baseUrl);
        registry.add("accord.gateway.rate-limit.routes.tasks.replenish-rate", () -> 1);
        registry.add("accord.gateway.rate-limit.routes.tasks.burst-capacity", () -> 5);
        registry.add("accord.gateway.cors.allowed-origins", () -> PARTNER_ORIGIN);
        registry.add("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", () -> "2s");
    }

    @BeforeEach
    void freshServices() {
        services.resetAll();
        services.stubFor(any(anyUrl()).willReturn(okJson(StubService.ANSWER)));
        notifications.start();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** What the gateway shows its operators on the management port. */
    HttpResponse<String> operations(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .timeout(Duration.ofSeconds(30)).GET().build());
    }

    HttpResponse<String> send(String method, String path, Map<String, String> headers) {
        return send(method, path, headers, HttpRequest.BodyPublishers.noBody());
    }

    HttpResponse<String> send(String method, String path, Map<String, String> headers,
            HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts a problem response and returns its body. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("requestId").asString())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        return problem;
    }
}
