package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.EmbeddedMongo;
import org.accord.identity.testing.FreePorts;
import org.accord.identity.testing.KeycloakTestServer;
import org.accord.identity.testing.TokenClaims;
import org.accord.support.testing.ServiceCalls;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoClients;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cases service as partner governments meet it: real alliance tokens from Keycloak, the embedded MongoDB server,
 * plain HTTP. Every wired test extends this class, so they all share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MongoCommands.Recording.class)
public abstract class CasesApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the service's own relay hands events over, e.g. on an operator's redrive; relay tests listen there. */
    protected static final int NOTIFICATIONS_PORT = FreePorts.next();

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();
    private static MongoTemplate database;

    private record Token(String value, Instant expires) {
    }

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.shared().uri("cases"));
        // metrics and detailed health on a management port of its own, as in production, on any free port
        registry.add("management.server.port", () -> "0");
        registry.add("accord.identity.issuer-uri", () -> KeycloakTestServer.shared().issuer());
        // Tests that hand events over start relays of their own, so other tests' outboxes stay as they wrote them.
        registry.add("accord.relay.enabled", () -> "false");
        registry.add("accord.relay.notifications-url", () -> "http://localhost:" + NOTIFICATIONS_PORT);
    }

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    protected static AllianceLogins logins() {
        return KeycloakTestServer.shared().logins();
    }

    /**
     * One real login per user, reused while it has a minute left: a user's brokered login, or for {@code us-systems}
     * and the like a partner system's client-credentials token.
     */
    protected static String tokenOf(String user) {
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

    /**
     * The service's database through a client of the tests' own, so what tests read and edit directly is never taken
     * for a query of the service's.
     */
    protected static synchronized MongoTemplate database() {
        if (database == null) {
            database = new MongoTemplate(MongoClients.create(EmbeddedMongo.shared().uri("cases")), "cases");
        }
        return database;
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

    /** Opens a case as {@code user} and answers it as the service returned it. */
    protected JsonNode open(String user, String body) {
        HttpResponse<String> created = as(user, "POST", "/api/cases", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return parse(created.body());
    }

    protected JsonNode okJson(HttpResponse<String> response) {
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

    protected static void assertProblem(HttpResponse<String> response, String type) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = parse(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://accord.example/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("org.accord");
    }
}
