package org.accord.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.accord.identity.testing.AllianceLogins;
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
 * Events on their way from cases and tasks through the relay to notifications, on the whole platform as the run
 * command starts it: notifications down while others change things, a case narrowed before its events are
 * delivered, and the relaying service killed mid-flight. What counts is what each country finds in its inbox and
 * delivery log: every item it should have, once, and nothing about a case it cannot see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private Path dataDir;
    private LocalPlatform platform;
    private AllianceLogins logins;

    private record Token(String value, Instant expires) {
    }

    /** One item of a country's in-app inbox, as its users see it. */
    private record Item(String eventId, String type, String caseId, String taskId) {
    }

    @BeforeAll
    void startPlatform() throws IOException {
        dataDir = Files.createTempDirectory("accord-delivery");
        platform = new LocalPlatform(LaunchSettings.onFreePorts(LaunchSettings.findProjectRoot(), dataDir)).start();
        logins = new AllianceLogins(platform.keycloakUrl(), platform.gatewayUrl(),
                platform.keycloakAdminPassword());
        for (String country : List.of("ca", "de")) {
            HttpResponse<String> settings = call(country + "-liaison", "PUT", "notifications",
                    "/api/partners/" + country.toUpperCase(), """
                            {"emails": ["desk@%s.example"], "events": ["CaseShared", "CaseUpdated", "EntryAdded",
                             "ActionProposed", "AssignmentChanged"], "deliveryMode": "IMMEDIATE"}
                            """.formatted(country));
            assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        }
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
    void whatCasesAndTasksRecordWhileNotificationsIsDownArrivesOnceWhenItIsBack() throws Exception {
        platform.stop("notifications");

        String caseId = openAmberCase("fr-officer", "CA");
        HttpResponse<String> renamed = call("fr-officer", "PATCH", "cases", "/api/cases/" + caseId,
                "{\"title\":\"Renamed while notifications was down\"}", "If-Match", "\"0\"");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        String taskId = proposeAction("fr-officer", caseId, "CA");
        HttpResponse<String> accepted = call("ca-liaison", "POST", "tasks",
                "/api/tasks/" + taskId + "/assignments/CA/transitions", "{\"to\":\"ACCEPTED\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        // Long enough for the relays to fail and back off a few times.
        Thread.sleep(5_000);

        platform.start("notifications");

        List<Item> canada = eventually(() -> inbox("ca-officer", caseId), items -> items.size() >= 3);
        List<Item> france = eventually(() -> inbox("fr-officer", caseId), items -> items.size() >= 1);
        Thread.sleep(3_000);
        canada = inbox("ca-officer", caseId);
        france = inbox("fr-officer", caseId);
        assertThat(canada).extracting(Item::type)
                .containsExactlyInAnyOrder("CaseCreated", "CaseUpdated", "ActionProposed");
        assertOncePerEvent(canada);
        assertThat(france).extracting(Item::type).containsExactly("AssignmentChanged");
        assertThat(france.get(0).taskId()).isEqualTo(taskId);
        assertThat(deliveries("ca-liaison", "CA", caseId)).extracting(delivery -> delivery.path("eventType")
                .asString()).contains("CaseUpdated", "ActionProposed");
    }

    @Test
    @Order(2)
    void aCaseNarrowedBeforeItsEventsAreDeliveredTellsTheDroppedCountryNothing() throws Exception {
        platform.stop("notifications");

        String caseId = openAmberCase("fr-officer", "CA", "DE");
        HttpResponse<String> narrowed = call("fr-officer", "PUT", "cases", "/api/cases/" + caseId + "/sharing",
                "{\"tlp\":\"AMBER\",\"sharedWith\":[{\"country\":\"CA\",\"access\":\"READ\"}],"
                        + "\"namedRecipients\":[]}");
        assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);

        platform.start("notifications");

        eventually(() -> inbox("ca-officer", caseId), items -> items.size() >= 1);
        eventually(() -> deliveries("ca-liaison", "CA", caseId), list -> list.size() >= 1);
        // Whatever Germany would have had of the same events would have come by now, with Canada's.
        Thread.sleep(3_000);
        assertThat(inbox("ca-officer", caseId)).extracting(Item::type).contains("CaseCreated");
        assertThat(inbox("de-officer", caseId)).isEmpty();
        assertThat(inbox("de-liaison", caseId)).isEmpty();
        assertThat(deliveries("de-liaison", "DE", caseId)).isEmpty();
    }

    @Test
    @Order(3)
    void killingTheRelayingServiceMidFlightLosesNothingAndDuplicatesNothing() throws Exception {
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String caseId = openAmberCase("fr-officer", "CA");
            for (int change = 0; change < 3; change++) {
                HttpResponse<String> entry = call("fr-officer", "POST", "cases", "/api/cases/" + caseId + "/entries",
                        "{\"kind\":\"OBSERVATION\",\"text\":\"Observation " + change + "\","
                                + "\"occurredAt\":\"2025-03-01T08:00:00Z\"}");
                assertThat(entry.statusCode()).as(entry.body()).isEqualTo(201);
            }
            caseIds.add(caseId);
        }

        platform.kill("cases");
        platform.start("cases");

        // Each case recorded four events; its lease, if the killed instance held one, lapses within 30 s.
        List<Item> canada = eventually(() -> inbox("ca-officer", caseIds),
                items -> items.size() >= caseIds.size() * 4);
        Thread.sleep(3_000);
        canada = inbox("ca-officer", caseIds);
        assertThat(canada).hasSize(caseIds.size() * 4);
        assertOncePerEvent(canada);
        for (String caseId : caseIds) {
            assertThat(canada.stream().filter(item -> item.caseId().equals(caseId)).map(Item::type))
                    .containsExactlyInAnyOrder("CaseCreated", "EntryAdded", "EntryAdded", "EntryAdded");
        }
    }

    private String openAmberCase(String officer, String... sharedWith) {
        String sharing = Stream.of(sharedWith).map(country -> "{\"country\":\"" + country + "\",\"access\":\"READ\"}")
                .collect(Collectors.joining(","));
        HttpResponse<String> created = call(officer, "POST", "cases", "/api/cases", """
                {"title": "Attacks on camps %s", "summary": "Armed groups attacked two camps.",
                 "situationCountry": "SD", "tlp": "AMBER", "sharedWith": [%s], "namedRecipients": [], "tags": []}
                """.formatted(UUID.randomUUID(), sharing));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body()).path("id").asString();
    }

    private String proposeAction(String officer, String caseId, String... countries) {
        String addressed = Stream.of(countries).map(country -> "\"" + country + "\"")
                .collect(Collectors.joining(","));
        HttpResponse<String> proposed = call(officer, "POST", "tasks", "/api/tasks", """
                {"caseId": "%s", "type": "DIPLOMATIC_DEMARCHE", "title": "Joint demarche",
                 "description": "Raise the attacks with the government.", "dueDate": "%s", "priority": "HIGH",
                 "countries": [%s]}
                """.formatted(caseId, Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                addressed));
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        return json(proposed.body()).path("id").asString();
    }

    private List<Item> inbox(String user, String caseId) {
        return inbox(user, List.of(caseId));
    }

    /** The user's whole inbox, page by page, narrowed to the given cases. */
    private List<Item> inbox(String user, List<String> caseIds) {
        List<Item> items = new ArrayList<>();
        for (int page = 0;; page++) {
            HttpResponse<String> answer = call(user, "GET", "notifications",
                    "/api/notifications?size=100&page=" + page, null);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode listed = json(answer.body()).path("items");
            listed.forEach(item -> {
                if (caseIds.contains(item.path("caseId").asString())) {
                    items.add(new Item(item.path("eventId").asString(), item.path("type").asString(),
                            item.path("caseId").asString(), item.path("taskId").asString(null)));
                }
            });
            if (listed.size() < 100) {
                return items;
            }
        }
    }

    private List<JsonNode> deliveries(String liaison, String country, String caseId) {
        List<JsonNode> found = new ArrayList<>();
        HttpResponse<String> answer = call(liaison, "GET", "notifications",
                "/api/partners/" + country + "/deliveries?size=100", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        json(answer.body()).path("items").forEach(delivery -> {
            if (caseId.equals(delivery.path("caseId").asString())) {
                found.add(delivery);
            }
        });
        return found;
    }

    private static void assertOncePerEvent(List<Item> items) {
        assertThat(items.stream().collect(Collectors.groupingBy(Item::eventId, Collectors.counting())))
                .allSatisfy((eventId, times) -> assertThat(times).as("items for event %s", eventId).isEqualTo(1));
    }

    private HttpResponse<String> call(String user, String method, String service, String path, String body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokenOf(user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A real brokered login per user, reused while it has a minute left. */
    private String tokenOf(String user) {
        return tokens.compute(user, (name, cached) -> cached != null
                && cached.expires().isAfter(Instant.now().plusSeconds(60)) ? cached : login(name)).value();
    }

    private Token login(String user) {
        String value = logins.userToken(user);
        return new Token(value, Instant.ofEpochSecond(json(TokenClaims.payload(value)).path("exp").asLong()));
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private static <T> T eventually(Supplier<T> read, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY_WAIT);
        T last = read.get();
        while (!done.test(last)) {
            assertThat(Instant.now()).as("still waiting; last seen %s", last).isBefore(deadline);
            Thread.sleep(500);
            last = read.get();
        }
        return last;
    }
}
