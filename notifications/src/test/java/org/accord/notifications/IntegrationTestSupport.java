package org.accord.notifications;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.EmbeddedMongo;
import org.accord.identity.testing.FreePorts;
import org.accord.identity.testing.KeycloakTestServer;
import org.accord.identity.testing.SharedServers;
import org.accord.identity.testing.TokenClaims;
import org.accord.support.testing.ServiceCalls;
import org.bson.types.ObjectId;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one wired service every integration test of this module talks to: real alliance tokens from Keycloak, the
 * embedded MongoDB server, plain HTTP. Tokens are reused while they are fresh, since each user login is a real
 * brokered sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Rounds in fractions of a second, so the fan-out tests wait for behaviour rather than for clocks; set here rather
// than below so that the delivery context can set its own.
@TestPropertySource(properties = "accord.notifications.fanout.poll=200ms")
abstract class IntegrationTestSupport {

    /** The partner inboxes' mail server: real SMTP, kept for the test JVM like Keycloak and MongoDB. */
    static final GreenMail PARTNER_MAIL = startedMailServer();
    /** The partners' mail server as the service reaches it: GreenMail, behind a front that can refuse chosen mails. */
    static final PartnerMailFront PARTNER_MAIL_FRONT = new PartnerMailFront(PARTNER_MAIL.getSmtp().getPort());
    /** The cases service as notifications asks it who may see a case. */
    static final WireMockServer CASES = startedStandIn();
    /** The tasks service as notifications asks it which case and countries an action has. */
    static final WireMockServer TASKS = startedStandIn();
    static final Duration DIGEST_PERIOD = Duration.ofSeconds(8);

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();
    /** Alliance tokens live two minutes; one is used for half of that, so none expires between fetch and use. */
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(60);

    private record Token(String value, Instant fetched) {
    }

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.shared().uri("notifications"));
        // metrics and detailed health on a management port of its own, as in production, on any free port
        registry.add("management.server.port", () -> "0");
        registry.add("accord.identity.issuer-uri", () -> KeycloakTestServer.shared().issuer());
        registry.add("spring.mail.port", PARTNER_MAIL_FRONT::port);
        registry.add("accord.notifications.cases-url", CASES::baseUrl);
        registry.add("accord.notifications.tasks-url", TASKS::baseUrl);
        registry.add("accord.notifications.fanout.retry-delay", () -> "1s");
        registry.add("accord.notifications.fanout.forget-every", () -> "1s");
        registry.add("accord.notifications.fanout.park-after", () -> "3");
        registry.add("resilience4j.circuitbreaker.instances.cases-readers.wait-duration-in-open-state", () -> "2s");
        registry.add("resilience4j.timelimiter.instances.cases-readers.timeout-duration", () -> "2s");
        registry.add("resilience4j.circuitbreaker.instances.tasks-action-parties.wait-duration-in-open-state",
                () -> "2s");
        registry.add("resilience4j.timelimiter.instances.tasks-action-parties.timeout-duration", () -> "2s");
        registry.add("accord.notifications.digest.period", () -> DIGEST_PERIOD.toMillis() + "ms");
        registry.add("accord.notifications.digest.poll", () -> "250ms");
    }

    private static GreenMail startedMailServer() {
        GreenMail mail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        SharedServers.stopAfterContexts(mail::stop);
        return mail;
    }

    private static WireMockServer startedStandIn() {
        WireMockServer service = new WireMockServer(WireMockConfiguration.options().port(FreePorts.next()));
        service.start();
        SharedServers.stopAfterContexts(service::stop);
        return service;
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    final AllianceLogins logins = KeycloakTestServer.shared().logins();

    String user(String username) {
        return cached("user:" + username, () -> logins.userToken(username));
    }

    String service(String name) {
        return cached("service:" + name, () -> logins.serviceToken(name));
    }

    String operator() {
        return cached("operator", logins::operatorToken);
    }

    String systems(String country) {
        return cached("systems:" + country, () -> logins.systemsToken(country));
    }

    /** The {@code preferred_username} the service sees in a token. */
    static String usernameIn(String token) {
        return JSON.readTree(TokenClaims.payload(token)).get("preferred_username").asString();
    }

    private static String cached(String key, Supplier<String> login) {
        Token token = TOKENS.compute(key, (k, held) -> held != null
                && held.fetched().plus(TOKEN_REUSE).isAfter(Instant.now()) ? held
                        : new Token(login.get(), Instant.now()));
        return token.value();
    }

    /** What the service shows its operators on the management port, such as its Prometheus page. */
    HttpResponse<String> operations(String path) {
        return ServiceCalls.send(managementPort, "GET", path, null, null);
    }

    HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null);
    }

    HttpResponse<String> send(String method, String path, String token, String json) {
        return ServiceCalls.send(port, method, path, token, json);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** An event as cases or tasks hand it over, of one case, done by {@code actor} of {@code actorCountry}. */
    static Map<String, Object> event(String type, String caseId, long sequence, String actor, String actorCountry) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("occurredAt", Instant.now().toString());
        event.put("caseId", caseId);
        event.put("sequence", sequence);
        event.put("actor", actor);
        event.put("actorCountry", actorCountry);
        return event;
    }

    /** Hands the event over as the relay of its service does (tasks an action's, cases a case's); answers its id. */
    String handOver(Map<String, Object> event) {
        String poster = event.get("taskId") != null ? "tasks" : "cases";
        HttpResponse<String> answer = send("POST", "/internal/events", service(poster),
                JSON.writeValueAsString(event));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return (String) event.get("id");
    }

    /** Has the cases stand-in answer, for this case of a US originator, who may see it now. */
    static void stubReaders(String caseId, String title, String summary, String tlp, List<String> countries,
            List<String> users) {
        Map<String, Object> readers = new LinkedHashMap<>();
        readers.put("caseId", caseId);
        readers.put("title", title);
        readers.put("summary", summary);
        readers.put("status", "MONITORING");
        readers.put("tlp", tlp);
        readers.put("originCountry", "US");
        readers.put("riskLevel", "HIGH");
        readers.put("countries", countries);
        readers.put("users", users);
        CASES.stubFor(WireMock.get(readersPath(caseId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(readers))));
    }

    /** A case id as cases makes them, for a case of the test's own. */
    static String newCaseId() {
        return new ObjectId().toHexString();
    }

    /** Has the tasks stand-in answer, for this action, its case and countries as tasks keeps them; answers its id. */
    static String stubAction(String caseId, String requestingCountry, List<String> countries) {
        String actionId = new ObjectId().toHexString();
        Map<String, Object> parties = new LinkedHashMap<>();
        parties.put("actionId", actionId);
        parties.put("caseId", caseId);
        parties.put("requestingCountry", requestingCountry);
        parties.put("countries", countries);
        parties.put("status", "OPEN");
        TASKS.stubFor(WireMock.get(partiesPath(actionId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(parties))));
        return actionId;
    }

    static String partiesPath(String actionId) {
        return "/internal/actions/" + actionId + "/parties";
    }

    static String readersPath(String caseId) {
        return "/internal/cases/" + caseId + "/readers";
    }

    interface Check<T> {
        T get() throws Exception;
    }

    /** Answers what the check answers once it passes, trying again for {@link #PATIENCE}. */
    static <T> T eventually(Check<T> check) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                return check.get();
            } catch (AssertionError | Exception notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet instanceof AssertionError failure ? failure : new AssertionError(notYet);
                }
                pause(Duration.ofMillis(200));
            }
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertProblem(HttpResponse<String> response, String type) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://accord.example/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
    }
}
