package org.accord.cases.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.accord.cases.CasesApi;
import org.accord.cases.casefile.Case;
import org.accord.cases.casefile.NewCaseBody;
import org.accord.identity.testing.TokenClaims;
import org.accord.support.relay.Outbox;
import org.accord.support.relay.OutboxRelay;
import org.accord.support.relay.OutboxSource;
import org.accord.support.relay.RelayProperties;
import org.accord.support.relay.RelayWakeUp;
import org.accord.support.testing.ServiceCalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import tools.jackson.databind.JsonNode;

/**
 * The relay from the case outboxes to notifications, with WireMock standing in for notifications' event intake and
 * the real Keycloak issuing the cases service's own token: order per case, retries, outages, two instances on one
 * database, duplicates answered {@code 204}, events refused for good parked for an operator to redrive, and a change
 * going over as soon as it is saved rather than at the relay's next poll.
 */
@ExtendWith(OutputCaptureExtension.class)
class CaseRelayIntegrationTest extends CasesApi {

    private static final String INTAKE = "/internal/events";
    private static final String OUTAGE_WARNING = "Notifications cannot take events now";
    private static final String REFUSAL = "Check these fields: changedFields[0].";

    private static WireMockServer notifications;

    @Autowired
    MongoOperations mongo;

    @Autowired
    List<OutboxSource<?>> sources;

    @Autowired
    OAuth2ClientHttpRequestInterceptor serviceToken;

    @Autowired
    RelayWakeUp wakeUp;

    private final List<OutboxRelay> relays = new ArrayList<>();

    /** One handed-over event as notifications received it, and what it answered. */
    record Received(String eventId, String type, String caseId, long sequence, int answer, String token) {
    }

    @BeforeAll
    static void startNotifications() {
        notifications = new WireMockServer(options().port(NOTIFICATIONS_PORT));
        notifications.start();
    }

    @AfterAll
    static void stopNotifications() {
        notifications.stop();
    }

    @BeforeEach
    void acceptEveryEvent() {
        notifications.resetAll();
        notifications.stubFor(post(urlEqualTo(INTAKE)).atPriority(5).willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
    }

    @Test
    void eventsOfACaseArriveInTheirOrderWithTheServicesOwnToken() {
        String caseId = amberCaseWithChanges(2);
        as("fr-officer", "PUT", "/api/cases/" + caseId + "/sharing",
                NewCaseBody.labelled("AMBER").sharedWithCountry("CA", "READ").sharingJson());

        startRelay();

        List<Received> received = eventually(() -> receivedFor(caseId), events -> events.size() == 4);
        assertThat(received).extracting(Received::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(received).extracting(Received::type)
                .containsExactly("CaseCreated", "CaseUpdated", "CaseUpdated", "CaseShared");
        JsonNode claims = parse(TokenClaims.payload(received.get(0).token()));
        assertThat(claims.get("azp").asString()).isEqualTo("accord-cases");
        assertThat(claims.get("realm_access").get("roles").toString()).contains("\"post-case-events\"")
                .doesNotContain("\"operator\"");
        Case stored = eventually(() -> mongo.findById(caseId, Case.class), c -> !c.outboxPending());
        assertThat(stored.relayedSequence()).isEqualTo(4);

        // The next change leaves out of the outbox what was handed over, and only its own event is pending.
        relays.forEach(OutboxRelay::stop);
        as("fr-officer", "PATCH", "/api/cases/" + caseId, "{\"summary\":\"Later\"}", "If-Match", "\"3\"");
        Case changed = mongo.findById(caseId, Case.class);
        assertThat(changed.outbox()).extracting(CaseEvent::sequence).containsExactly(5L);
        assertThat(changed.outboxPending()).isTrue();
    }

    @Test
    void aBurstOfChangesIsHandedOverWholeAndInOrderWithoutWaitingForThePoll() {
        startRelay(Duration.ofHours(1));
        // Once what earlier tests left is handed over, the relay would wait an hour unless a save wakes it.
        eventually(() -> pendingWithEvents(), pending -> pending == 0);

        String caseId = amberCaseWithChanges(15);

        List<Received> received = eventually(() -> receivedFor(caseId), events -> events.size() >= 16);
        assertThat(received).extracting(Received::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 16).boxed().toList());
        assertThat(received).extracting(Received::eventId).doesNotHaveDuplicates();
        assertThat(received).extracting(Received::answer).containsOnly(202);
        assertThat(eventually(() -> mongo.findById(caseId, Case.class), c -> !c.outboxPending()).relayedSequence())
                .isEqualTo(16);

        as("fr-officer", "PATCH", "/api/cases/" + caseId, "{\"summary\":\"Later\"}", "If-Match", "\"15\"");
        assertThat(eventually(() -> receivedFor(caseId), events -> events.size() >= 17))
                .extracting(Received::sequence).endsWith(16L, 17L).hasSize(17);
    }

    @Test
    void changesSavedWhileNotificationsIsDownDoNotCutTheRelaysBackoffShort() throws Exception {
        startRelay(Duration.ofHours(1), Duration.ofHours(1));
        eventually(() -> pendingWithEvents(), pending -> pending == 0);
        notifications.stubFor(post(urlEqualTo(INTAKE)).atPriority(1).willReturn(aResponse().withStatus(503)));

        String caseId = amberCaseWithChanges(0);
        eventually(() -> receivedFor(caseId), events -> !events.isEmpty());
        for (int i = 0; i < 5; i++) {
            assertThat(as("fr-officer", "PATCH", "/api/cases/" + caseId, "{\"title\":\"Still down " + i + "\"}",
                    "If-Match", "\"" + i + "\"").statusCode()).isEqualTo(200);
        }
        Thread.sleep(1_000);

        assertThat(receivedFor(caseId)).as("one attempt, then the backoff, whatever was saved meanwhile")
                .extracting(Received::answer).containsExactly(503);
        assertThat(mongo.findById(caseId, Case.class).outbox()).hasSize(6);
    }

    @Test
    void aCaseStoredBeforeItHadEventsIsLookedAtOnceAndNotAgain() {
        String legacyId = "legacy-" + UUID.randomUUID();
        mongo.insert(new org.bson.Document("_id", legacyId).append("title", "Stored before the relay"), "cases");

        startRelay();

        org.bson.Document done = eventually(() -> mongo.findById(legacyId, org.bson.Document.class, "cases"),
                stored -> Boolean.FALSE.equals(stored.get(Outbox.PENDING)));
        assertThat(done.getString("title")).isEqualTo("Stored before the relay");
        assertThat(receivedFor(legacyId)).isEmpty();
    }

    @Test
    void aFailedHandOverIsRepeatedAndTheCasesLaterEventsWaitBehindIt() {
        String caseId = amberCaseWithChanges(2);
        notifications.stubFor(intakeOf(caseId)
                .inScenario("failing once").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));

        startRelay();

        List<Received> received = eventually(() -> receivedFor(caseId),
                events -> events.stream().filter(event -> event.answer() == 202).count() == 3);
        assertThat(received).extracting(Received::sequence).containsExactly(1L, 1L, 2L, 3L);
        assertThat(received).extracting(Received::answer).containsExactly(500, 202, 202, 202);
        assertThat(received.get(0).eventId()).isEqualTo(received.get(1).eventId());
    }

    @Test
    void notificationsDownForAWhileGetsEveryEventOnceWhenItIsBack(CapturedOutput output) throws Exception {
        int port = notifications.port();
        startRelay();
        notifications.stop();
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            caseIds.add(amberCaseWithChanges(1));
        }
        Thread.sleep(3_000);
        int warningsDuringOutage = occurrences(output.getOut() + output.getErr(), OUTAGE_WARNING);

        notifications = new WireMockServer(options().port(port));
        notifications.start();
        acceptEveryEvent();

        List<Received> received = eventually(() -> caseIds.stream().flatMap(id -> receivedFor(id).stream()).toList(),
                events -> events.size() == 6);
        assertThat(warningsDuringOutage).as("one warning for the whole outage").isEqualTo(1);
        assertThat(received.stream().collect(Collectors.groupingBy(Received::eventId, Collectors.counting())))
                .hasSize(6).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
        Thread.sleep(500);
        assertThat(occurrences(output.getOut() + output.getErr(), OUTAGE_WARNING)).isEqualTo(1);
    }

    @Test
    void twoRelaysOnTheSameDatabaseNeverBothSendAnEvent() {
        notifications.stubFor(post(urlEqualTo(INTAKE)).atPriority(5)
                .willReturn(aResponse().withStatus(202).withFixedDelay(20)));
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            caseIds.add(amberCaseWithChanges(2));
        }

        startRelay();
        startRelay();

        List<Received> received = eventually(() -> caseIds.stream().flatMap(id -> receivedFor(id).stream()).toList(),
                events -> events.size() >= 36);
        Map<String, Long> perEvent = received.stream()
                .collect(Collectors.groupingBy(Received::eventId, Collectors.counting()));
        assertThat(perEvent).hasSize(36).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        for (String caseId : caseIds) {
            assertThat(receivedFor(caseId)).extracting(Received::sequence).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void anEventNotificationsAlreadyHadCountsAsHandedOver() throws Exception {
        String caseId = amberCaseWithChanges(1);
        notifications.stubFor(intakeOf(caseId).willReturn(aResponse().withStatus(204)));

        startRelay();

        eventually(() -> mongo.findById(caseId, Case.class), c -> !c.outboxPending());
        Thread.sleep(500);
        List<Received> received = receivedFor(caseId);
        assertThat(received).extracting(Received::sequence).containsExactly(1L, 2L);
        assertThat(received).extracting(Received::answer).containsOnly(204);
        assertThat(mongo.findById(caseId, Case.class).relayedSequence()).isEqualTo(2);
    }

    @Test
    void anEventRefusedForGoodIsParkedAndTheCasesLaterEventsGoOnInOrder(CapturedOutput output) throws Exception {
        String caseId = amberCaseWithChanges(3);
        StubMapping refusing = notifications.stubFor(intakeOf(caseId)
                .withRequestBody(matchingJsonPath("$.sequence", equalTo("2")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://accord.example/problems/invalid-input\",\"title\":"
                                + "\"Invalid input\",\"status\":400,\"detail\":\"" + REFUSAL + "\"}")));

        startRelay();

        Case stored = eventually(() -> mongo.findById(caseId, Case.class), c -> !c.outboxPending());
        assertThat(stored.relayedSequence()).isEqualTo(4);
        Thread.sleep(500);
        List<Received> received = receivedFor(caseId);
        assertThat(received).extracting(Received::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(received).extracting(Received::answer).containsExactly(202, 400, 202, 202);
        String refused = received.get(1).eventId();
        assertThat(occurrences(output.getOut() + output.getErr(), "Notifications refused event " + refused))
                .as("one warning naming it").isEqualTo(1);

        JsonNode parked = parkedEvent(refused);
        assertThat(parked.get("eventType").asString()).isEqualTo("CaseUpdated");
        assertThat(parked.get("collection").asString()).isEqualTo("cases");
        assertThat(parked.get("documentId").asString()).isEqualTo(caseId);
        assertThat(parked.get("sequence").asLong()).isEqualTo(2);
        assertThat(parked.get("status").asInt()).isEqualTo(400);
        assertThat(parked.get("problem").get("detail").asString()).isEqualTo(REFUSAL);
        assertThat(parked.get("problem").get("type").asString())
                .isEqualTo("https://accord.example/problems/invalid-input");
        assertThat(parked.get("attempts").asInt()).isEqualTo(1);
        assertThat(parked.get("event").get("id").asString()).isEqualTo(refused);
        assertThat(parkedGauge()).isGreaterThanOrEqualTo(1);

        // The case's next save drops the parked event from its outbox; the parked copy is what a redrive sends.
        relays.forEach(OutboxRelay::stop);
        as("fr-officer", "PATCH", "/api/cases/" + caseId, "{\"summary\":\"Later\"}", "If-Match", "\"3\"");
        assertThat(mongo.findById(caseId, Case.class).outbox()).extracting(CaseEvent::sequence).containsExactly(5L);

        HttpResponse<String> refusedAgain = redrive(refused, operatorToken());
        assertThat(refusedAgain.statusCode()).isEqualTo(409);
        assertProblem(refusedAgain, "relay-event-refused");
        assertThat(parse(refusedAgain.body()).get("detail").asString()).contains(REFUSAL);
        assertThat(parkedEvent(refused).get("attempts").asInt()).isEqualTo(2);

        notifications.removeStub(refusing);
        assertThat(redrive(refused, operatorToken()).statusCode()).isEqualTo(204);
        List<Received> redriven = receivedFor(caseId).stream().filter(event -> event.eventId().equals(refused))
                .toList();
        assertThat(redriven).extracting(Received::answer).containsExactly(400, 400, 202);
        assertThat(redriven).extracting(Received::type).containsOnly("CaseUpdated");
        assertThat(parkedIds()).doesNotContain(refused);
        HttpResponse<String> gone = redrive(refused, operatorToken());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertProblem(gone, "not-found");
    }

    @Test
    void serverErrorsAndResetConnectionsAreRetriedAndNeverParked() {
        String caseId = amberCaseWithChanges(1);
        notifications.stubFor(intakeOf(caseId)
                .inScenario("unwell").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("resetting"));
        notifications.stubFor(intakeOf(caseId)
                .inScenario("unwell").whenScenarioStateIs("resetting")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("well"));

        startRelay();

        List<Received> received = eventually(() -> receivedFor(caseId),
                events -> events.stream().filter(event -> event.answer() == 202).count() == 2);
        assertThat(received).as("the 503, the reset, then both events").extracting(Received::sequence)
                .containsExactly(1L, 1L, 1L, 2L);
        assertThat(received.get(0).answer()).isEqualTo(503);
        assertThat(received.stream().filter(event -> event.answer() == 202)).extracting(Received::sequence)
                .containsExactly(1L, 2L);
        assertThat(mongo.findById(caseId, Case.class).relayedSequence()).isEqualTo(2);
        assertThat(parkedValues("documentId")).doesNotContain(caseId);
    }

    @Test
    void onlyOperatorsSeeAndRedriveParkedEvents() {
        String anyId = UUID.randomUUID().toString();
        for (String token : new String[] { null, tokenOf("fr-officer"), tokenOf("us-systems"),
                logins().serviceToken("cases"), logins().serviceToken("tasks"),
                logins().serviceToken("notifications") }) {
            HttpResponse<String> list = send("GET", "/internal/relay/parked", token, null);
            HttpResponse<String> redrive = redrive(anyId, token);
            int expected = token == null ? 401 : 403;
            assertThat(list.statusCode()).isEqualTo(expected);
            assertThat(redrive.statusCode()).isEqualTo(expected);
            assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        HttpResponse<String> unknown = redrive(anyId, operatorToken());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown, "not-found");
    }

    private String operatorToken() {
        return logins().operatorToken();
    }

    private HttpResponse<String> redrive(String eventId, String token) {
        return send("POST", "/internal/relay/parked/" + eventId + "/redrive", token, null);
    }

    private JsonNode parked() {
        HttpResponse<String> list = send("GET", "/internal/relay/parked", operatorToken(), null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return parse(list.body()).get("items");
    }

    private List<String> parkedIds() {
        return parkedValues("eventId");
    }

    private List<String> parkedValues(String field) {
        List<String> values = new ArrayList<>();
        parked().forEach(item -> values.add(item.get(field).asString()));
        return values;
    }

    private JsonNode parkedEvent(String eventId) {
        for (JsonNode item : parked()) {
            if (item.get("eventId").asString().equals(eventId)) {
                return item;
            }
        }
        throw new AssertionError("event " + eventId + " is not parked");
    }

    /** The gauge operators alert on, as Prometheus scrapes it. */
    private double parkedGauge() {
        String scrape = ServiceCalls.send(managementPort, "GET", "/actuator/prometheus", null, null).body();
        return scrape.lines().filter(line -> line.startsWith("accord_relay_parked ")
                || line.startsWith("accord_relay_parked{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no accord_relay_parked in the scrape"));
    }

    private String amberCaseWithChanges(int changes) {
        String caseId = open("fr-officer", NewCaseBody.labelled("AMBER").sharedWithCountry("DE", "CONTRIBUTE")
                .json()).get("id").asString();
        for (int i = 0; i < changes; i++) {
            assertThat(as("fr-officer", "PATCH", "/api/cases/" + caseId, "{\"title\":\"Change " + i + "\"}",
                    "If-Match", "\"" + i + "\"").statusCode()).isEqualTo(200);
        }
        return caseId;
    }

    /** A relay of its own, as a second instance of the service would run it, quick to retry. */
    private void startRelay() {
        startRelay(Duration.ofMillis(100));
    }

    /** A relay of this instance, woken by the service's saves, looking on its own every {@code poll}. */
    private void startRelay(Duration poll) {
        startRelay(poll, Duration.ofMillis(200));
    }

    /** The same, waiting {@code backoff} (at most, with jitter) after notifications could not take an event. */
    private void startRelay(Duration poll, Duration backoff) {
        OutboxRelay relay = new OutboxRelay(mongo, sources, new RelayProperties(true,
                URI.create(notifications.baseUrl()), poll, Duration.ofSeconds(30), 10,
                backoff, backoff.compareTo(Duration.ofSeconds(1)) > 0 ? backoff : Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(5), 4),
                Clock.systemUTC(), wakeUp, serviceToken);
        relays.add(relay);
        relay.start();
    }

    /** Notifications' intake, for the events of one case only, ahead of the answer every event gets. */
    private static MappingBuilder intakeOf(String caseId) {
        return post(urlEqualTo(INTAKE)).atPriority(1).withRequestBody(matchingJsonPath("$.caseId", equalTo(caseId)));
    }

    /** What notifications received about one case, oldest first. */
    private static List<Received> receivedFor(String caseId) {
        List<ServeEvent> served = new ArrayList<>(notifications.getAllServeEvents());
        Collections.reverse(served);
        return served.stream()
                .filter(event -> event.getRequest().getUrl().equals(INTAKE))
                .map(event -> {
                    JsonNode body = parse(event.getRequest().getBodyAsString());
                    String authorization = event.getRequest().getHeader("Authorization");
                    return new Received(body.get("id").asString(), body.get("type").asString(),
                            body.get("caseId").asString(), body.get("sequence").asLong(),
                            event.getResponse().getStatus(), authorization.substring("Bearer ".length()));
                })
                .filter(received -> received.caseId().equals(caseId))
                .toList();
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** Documents whose outbox still has events to hand over; documents stored before outboxes existed have none. */
    private long pendingWithEvents() {
        return mongo.count(query(where(Outbox.PENDING).is(true).and(Outbox.EVENTS + ".0").exists(true)),
                Case.class);
    }

    private static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plusSeconds(30);
        T last = read.get();
        while (!done.test(last)) {
            assertThat(Instant.now()).as("still waiting; last seen %s", last).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        return last;
    }
}
