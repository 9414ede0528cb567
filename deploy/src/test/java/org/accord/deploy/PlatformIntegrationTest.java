package org.accord.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.BrowserSession;
import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform as the run command starts it (embedded MongoDB server, mail server, Keycloak, the three
 * services and the gateway as their own processes), on free ports with a fresh data folder, walked through by three
 * countries' officers who sign in through their national login forms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path dataDir;
    private LaunchSettings settings;
    private LocalPlatform platform;
    private AllianceLogins logins;

    @BeforeAll
    void startPlatform() throws IOException {
        dataDir = Files.createTempDirectory("accord-platform");
        settings = LaunchSettings.onFreePorts(LaunchSettings.findProjectRoot(), dataDir);
        platform = new LocalPlatform(settings).start();
        logins = new AllianceLogins(platform.keycloakUrl(), platform.gatewayUrl(),
                platform.keycloakAdminPassword());
    }

    @AfterAll
    void stopPlatform() throws IOException {
        if (platform != null) {
            platform.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    @Order(1)
    void anAmberCaseReachesTheOriginatorAndTheCountryItIsSharedWithAndNoOneElse() {
        BrowserSession france = logins.gatewaySession("fr-officer");
        BrowserSession canada = logins.gatewaySession("ca-officer");
        BrowserSession unitedStates = logins.gatewaySession("us-officer");
        assertThat(me(france).path("country").asString()).isEqualTo("FR");
        assertThat(me(canada).path("country").asString()).isEqualTo("CA");
        assertThat(me(unitedStates).path("country").asString()).isEqualTo("US");
        assertThat(me(france).path("username").asString()).isEqualTo("fr-officer@fr");

        String title = "Militia attacks on displaced persons' camps " + UUID.randomUUID();
        BrowserSession.Page created = france.sendJson("POST", api("/cases"), amberCaseSharedWithCanada(title));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        assertThat(id).isNotBlank();

        BrowserSession.Page seenByCanada = canada.get(api("/cases/" + id));
        assertThat(seenByCanada.status()).isEqualTo(200);
        assertThat(json(seenByCanada).path("title").asString()).isEqualTo(title);
        assertThat(caseIds(canada.get(api("/cases?size=100")))).contains(id);
        assertThat(caseIds(france.get(api("/cases?size=100")))).contains(id);

        assertThat(unitedStates.get(api("/cases/" + id)).status()).isEqualTo(404);
        assertThat(caseIds(unitedStates.get(api("/cases?size=100")))).doesNotContain(id);
    }

    @Test
    @Order(2)
    void aBrowserCallWithoutTheXsrfTokenChangesNothing() {
        BrowserSession france = logins.gatewaySession("fr-officer");
        String title = "Forged from another site " + UUID.randomUUID();

        BrowserSession.Page refused = france.sendWithoutXsrf("POST", api("/cases"), "application/json",
                amberCaseSharedWithCanada(title));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(france.get(api("/cases?size=100")).body()).doesNotContain(title);
    }

    @Test
    @Order(3)
    void onlyGenuineAllianceTokensAreAccepted() {
        String partnerToken = logins.systemsToken("fr");
        assertThat(bearer(platform.gatewayUrl() + "/api/me", partnerToken).statusCode()).isEqualTo(200);

        String claimsToBeAmerican = TokenClaims.withPayloadEdited(partnerToken, "\"country\":\"FR\"",
                "\"country\":\"US\"");
        assertThat(bearer(api("/cases"), claimsToBeAmerican).statusCode()).isEqualTo(401);

        String frenchRealmToken = logins.nationalToken("fr-officer");
        assertThat(bearer(api("/cases"), frenchRealmToken).statusCode()).isEqualTo(401);
        for (String service : List.of("cases", "tasks", "notifications")) {
            String direct = platform.url(service) + "/api/" + service;
            assertThat(bearer(direct, frenchRealmToken).statusCode()).as(direct + " with a national token")
                    .isEqualTo(401);
            assertThat(bearer(direct, null).statusCode()).as(direct + " without a token").isEqualTo(401);
        }
    }

    @Test
    @Order(4)
    void aSecondLaunchOnTheSamePortsSaysWhichPortIsTaken() {
        assertThatThrownBy(() -> new LocalPlatform(settings, message -> { }).start())
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("port " + settings.ports().mongo())
                .hasMessageContaining("MongoDB");
        assertThat(bearer(platform.gatewayUrl() + "/readyz", null).body()).contains("UP");
    }

    @Test
    @Order(4)
    void oneRequestIsFollowedByItsIdFromTheGatewaysLogIntoTheServicesLogAndItsProblem()
            throws IOException, InterruptedException {
        BrowserSession france = logins.gatewaySession("fr-officer");
        String path = "/api/cases/" + UUID.randomUUID();

        BrowserSession.Page missing = france.get(platform.gatewayUrl() + path);

        assertThat(missing.status()).isEqualTo(404);
        String id = missing.header("X-Request-Id").orElseThrow();
        assertThat(id).isNotBlank();
        assertThat(json(missing).path("requestId").asString()).as("the cases service's problem").isEqualTo(id);
        assertThat(json(missing).path("instance").asString()).isEqualTo(path);
        String answered = "GET " + path + " answered 404";
        assertThat(logLineWith(settings.log("gateway"), id, answered)).as("the gateway's log").isTrue();
        assertThat(logLineWith(settings.log("cases"), id, answered)).as("the cases service's log").isTrue();
    }

    @Test
    @Order(5)
    void aRestartKeepsTheCasesAndTheAccounts() {
        BrowserSession france = logins.gatewaySession("fr-officer");
        String subjectBefore = me(france).path("subject").asString();
        String title = "Hate speech broadcasts ahead of the elections " + UUID.randomUUID();
        BrowserSession.Page created = france.sendJson("POST", api("/cases"), amberCaseSharedWithCanada(title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();

        platform.close();
        platform = new LocalPlatform(settings).start();

        BrowserSession franceAgain = logins.gatewaySession("fr-officer");
        assertThat(me(franceAgain).path("subject").asString()).isEqualTo(subjectBefore);
        BrowserSession.Page kept = franceAgain.get(api("/cases/" + id));
        assertThat(kept.status()).isEqualTo(200);
        assertThat(json(kept).path("title").asString()).isEqualTo(title);
        assertThat(caseIds(franceAgain.get(api("/cases?size=100")))).contains(id);
    }

    /** Whether a line of the log holds every fragment; a line is written as the answer leaves, so allow a moment. */
    private static boolean logLineWith(Path log, String... fragments) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Stream<String> lines = Files.lines(log)) {
                if (lines.anyMatch(line -> Stream.of(fragments).allMatch(line::contains))) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    private String api(String path) {
        return platform.gatewayUrl() + "/api" + path;
    }

    private JsonNode me(BrowserSession session) {
        BrowserSession.Page me = session.get(api("/me"));
        assertThat(me.status()).isEqualTo(200);
        return json(me);
    }

    private static String amberCaseSharedWithCanada(String title) {
        return """
                {"title": "%s",
                 "summary": "Armed groups have attacked two camps; witnesses report lists of names by ethnicity.",
                 "situationCountry": "SD",
                 "tlp": "AMBER",
                 "sharedWith": [{"country": "CA", "access": "READ"}],
                 "namedRecipients": [],
                 "tags": ["camps"]}
                """.formatted(title);
    }

    private static JsonNode json(BrowserSession.Page page) {
        return JSON.readTree(page.body());
    }

    private static List<String> caseIds(BrowserSession.Page page) {
        assertThat(page.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(page).path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private HttpResponse<String> bearer(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(url + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
