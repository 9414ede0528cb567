package org.accord.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.EmbeddedMongo;
import org.accord.identity.testing.KeycloakTestServer;
import org.accord.identity.testing.TokenClaims;
import org.accord.support.testing.ServiceCalls;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tasks service as partner governments meet it: real alliance tokens from Keycloak, the embedded MongoDB server,
 * the cases service stood in for by {@link CasesStub}, plain HTTP. Every wired test extends this class, so they all
 * share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class TasksApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {
    }

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.shared().uri("tasks"));
        // metrics and detailed health on a management port of its own, as in production, on any free port
        registry.add("management.server.port", () -> "0");
        registry.add("accord.identity.issuer-uri", () -> KeycloakTestServer.shared().issuer());
        registry.add("accord.tasks.cases-url", () -> CasesStub.shared().url());
    }

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    protected final CasesStub cases = CasesStub.shared();

    protected static AllianceLogins logins() {
        return KeycloakTestServer.shared().logins();
    }

    /**
     * One real login per user, reused while it has a minute left: a user's brokered login, or for {@code us-systems}
     * and the like a partner system's client-credentials token.
     */
    public static String tokenOf(String user) {
        Token token = TOKENS.compute(user, (name, cached) -> cached != null
                && cached.expires().isAfter(Instant.now().plusSeconds(60)) ? cached : login(name));
        return token.value();
    }

    private static Token login(String user) {
        String value = user.endsWith("-systems") ? logins().systemsToken(user.substring(0, user.indexOf('-')))
                : logins().userToken(user);
        long expires = parse(TokenClaims.payload(value)).get("exp").asLong();
        return new Token(value, Instant.ofEpochSecond(expires));
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    protected HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        return ServiceCalls.send(port, method, path, token, body, headers);
    }

    protected HttpResponse<String> as(String user, String method, String path, String body, String... headers) {
        return send(method, path, tokenOf(user), body, headers);
    }

    /** Proposes an action as {@code user} and answers it as the service returned it. */
    protected JsonNode propose(String user, ActionBody body) {
        return okJson(as(user, "POST", "/api/tasks", body.json()));
    }

    /** Moves {@code country}'s assignment as {@code user}. */
    protected HttpResponse<String> move(String user, String actionId, String country, String to, String reason) {
        String body = reason == null ? "{\"to\":\"" + to + "\"}"
                : JSON.createObjectNode().put("to", to).put("reason", reason).toString();
        return as(user, "POST", "/api/tasks/" + actionId + "/assignments/" + country + "/transitions", body);
    }

    protected JsonNode list(String user, String query) {
        return okJson(as(user, "GET", "/api/tasks?" + query, null));
    }

    protected static JsonNode okJson(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return parse(response.body());
    }

    protected static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    protected static List<String> fields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        parse(response.body()).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    /** Every country's assignment status, as {@code {US=DONE, CA=ACCEPTED}}. */
    protected static Map<String, String> statuses(JsonNode action) {
        Map<String, String> statuses = new java.util.LinkedHashMap<>();
        action.get("assignments").forEach(assignment -> statuses.put(assignment.get("country").asString(),
                assignment.get("status").asString()));
        return statuses;
    }

    public static void assertProblem(HttpResponse<String> response, String type) {
        assertThat(response.headers().firstValue("Content-Type")).as(response.body()).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = parse(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://accord.example/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("org.accord");
    }
}
