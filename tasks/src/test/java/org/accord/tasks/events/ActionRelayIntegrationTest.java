package org.accord.tasks.events;

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
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.accord.identity.testing.TokenClaims;
import org.accord.support.relay.Outbox;
import org.accord.support.relay.OutboxRelay;
import org.accord.support.relay.OutboxSource;
import org.accord.support.relay.RelayProperties;
import org.accord.support.relay.RelayWakeUp;
import org.accord.tasks.ActionBody;
import org.accord.tasks.StubCase;
import org.accord.tasks.TasksApi;
import org.accord.tasks.action.Action;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import tools.jackson.databind.JsonNode;

/**
 * The relay from the action outboxes to notifications, with WireMock standing in for notifications' event intake and
 * the real Keycloak issuing the tasks service's own token: an action's events in order, named as tasks, retried after
 * a failure, done when notifications says it already had them, and handed over as soon as they are saved rather than
 * at the relay's next poll.
 */
class ActionRelayIntegrationTest extends TasksApi {

    private static final String INTAKE = "/internal/events";

    private static WireMockServer notifications;

    @Autowired
    MongoOperations mongo;

    @Autowired
    List<OutboxSource<?>> sources;

    @Autowired
    OAuth2ClientHttpRequestInterceptor serviceToken;

    @Autowired
    RelayWakeUp wakeUp;

    private OutboxRelay relay;

    record Received(JsonNode body, int answer, String token) {

        long sequence() {
            return body.get("sequence").asLong();
        }

        String type() {
            return body.get("type").asString();
        }
    }

    @BeforeAll
    static void startNotifications() {
        notifications = new WireMockServer(options().dynamicPort());
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
    void stopRelay() {
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    void anActionsEventsArriveInOrderAsEventsOfATask() {
        String actionId = actionWithMoves();

        startRelay();

        List<Received> received = eventually(() -> receivedFor(actionId), events -> events.size() == 3);
        assertThat(received).extracting(Received::sequence).containsExactly(1L, 2L, 3L);
        assertThat(received).extracting(Received::type)
                .containsExactly("ActionProposed", "AssignmentChanged", "CommentAdded");
        JsonNode proposed = received.get(0).body();
        assertThat(proposed.has("actionId")).isFalse();
        assertThat(proposed.get("caseId").asString()).isNotBlank();
        assertThat(proposed.get("countries").toString()).isEqualTo("[\"US\",\"CA\"]");
        assertThat(received.get(1).body().get("country").asString()).isEqualTo("CA");
        assertThat(received.get(1).body().get("to").asString()).isEqualTo("ACCEPTED");
        assertThat(parse(TokenClaims.payload(received.get(0).token())).get("azp").asString())
                .isEqualTo("accord-tasks");
        Action stored = eventually(() -> mongo.findById(actionId, Action.class), a -> !a.outboxPending());
        assertThat(stored.relayedSequence()).isEqualTo(3);
    }

    @Test
    void aBurstOfChangesIsHandedOverWholeAndInOrderWithoutWaitingForThePoll() {
        startRelay(Duration.ofHours(1));
        // Once what earlier tests left is handed over, the relay would wait an hour unless a save wakes it.
        eventually(() -> pendingWithEvents(), pending -> pending == 0);

        String actionId = actionWithMoves();
        for (int i = 0; i < 10; i++) {
            assertThat(as("fr-officer", "POST", "/api/tasks/" + actionId + "/comments",
                    "{\"text\":\"Update " + i + "\"}").statusCode()).isEqualTo(201);
        }

        List<Received> received = eventually(() -> receivedFor(actionId), events -> events.size() >= 13);
        assertThat(received).extracting(Received::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 13).boxed().toList());
        assertThat(received).extracting(event -> event.body().get("id").asString()).doesNotHaveDuplicates();
        assertThat(received.subList(3, 13)).extracting(Received::type).containsOnly("CommentAdded");
        assertThat(eventually(() -> mongo.findById(actionId, Action.class), a -> !a.outboxPending())
                .relayedSequence()).isEqualTo(13);
    }

    @Test
    void aFailureIsRetriedInOrderAndAnEventNotificationsAlreadyHadIsDone() throws Exception {
        String actionId = actionWithMoves();
        notifications.stubFor(post(urlEqualTo(INTAKE)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.taskId", equalTo(actionId)))
                .inScenario("failing once").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        notifications.stubFor(post(urlEqualTo(INTAKE)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.taskId", equalTo(actionId)))
                .inScenario("failing once").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(204)));

        startRelay();

        eventually(() -> mongo.findById(actionId, Action.class), a -> !a.outboxPending());
        Thread.sleep(300);
        List<Received> received = receivedFor(actionId);
        assertThat(received).extracting(Received::sequence).containsExactly(1L, 1L, 2L, 3L);
        assertThat(received).extracting(Received::answer).containsExactly(503, 204, 204, 204);
    }

    @Test
    void anEventRefusedForGoodIsParkedAsATaskEventAndTheActionsLaterEventsGoOn() throws Exception {
        String actionId = actionWithMoves();
        notifications.stubFor(post(urlEqualTo(INTAKE)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.taskId", equalTo(actionId)))
                .withRequestBody(matchingJsonPath("$.type", equalTo("AssignmentChanged")))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://accord.example/problems/unprocessable\",\"status\":422,"
                                + "\"detail\":\"The assignment names no country.\"}")));

        startRelay();

        eventually(() -> mongo.findById(actionId, Action.class), a -> !a.outboxPending());
        Thread.sleep(300);
        List<Received> received = receivedFor(actionId);
        assertThat(received).extracting(Received::sequence).containsExactly(1L, 2L, 3L);
        assertThat(received).extracting(Received::answer).containsExactly(202, 422, 202);
        String refused = received.get(1).body().get("id").asString();

        HttpResponse<String> list = send("GET", "/internal/relay/parked", logins().operatorToken(), null);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode parked = null;
        for (JsonNode item : parse(list.body()).get("items")) {
            if (item.get("eventId").asString().equals(refused)) {
                parked = item;
            }
        }
        assertThat(parked).as("listed as parked").isNotNull();
        assertThat(parked.get("collection").asString()).isEqualTo("actions");
        assertThat(parked.get("documentId").asString()).isEqualTo(actionId);
        assertThat(parked.get("status").asInt()).isEqualTo(422);
        assertThat(parked.get("problem").get("detail").asString()).isEqualTo("The assignment names no country.");
        assertThat(parked.get("event").get("taskId").asString()).as("the body as handed over").isEqualTo(actionId);
        assertThat(send("GET", "/internal/relay/parked", tokenOf("ca-liaison"), null).statusCode()).isEqualTo(403);
    }

    /** An action proposed to US and CA, accepted by CA, with one comment: three events. */
    private String actionWithMoves() {
        StubCase shared = cases.publish(StubCase.amber("FR", "US", "CA"));
        String id = propose("fr-officer", ActionBody.on(shared.id()).to("US", "CA")).get("id").asString();
        assertThat(move("ca-liaison", id, "CA", "ACCEPTED", null).statusCode()).isEqualTo(200);
        assertThat(as("fr-officer", "POST", "/api/tasks/" + id + "/comments", "{\"text\":\"Thank you\"}")
                .statusCode()).isEqualTo(201);
        return id;
    }

    private void startRelay() {
        startRelay(Duration.ofMillis(100));
    }

    /** A relay of this instance, woken by the service's saves, looking on its own every {@code poll}. */
    private void startRelay(Duration poll) {
        relay = new OutboxRelay(mongo, sources, new RelayProperties(true, URI.create(notifications.baseUrl()),
                poll, Duration.ofSeconds(30), 10, Duration.ofMillis(200), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(5), 4), Clock.systemUTC(), wakeUp, serviceToken);
        relay.start();
    }

    private static List<Received> receivedFor(String actionId) {
        List<ServeEvent> served = new ArrayList<>(notifications.getAllServeEvents());
        Collections.reverse(served);
        return served.stream()
                .filter(event -> event.getRequest().getUrl().equals(INTAKE))
                .map(event -> new Received(parse(event.getRequest().getBodyAsString()),
                        event.getResponse().getStatus(),
                        event.getRequest().getHeader("Authorization").substring("Bearer ".length())))
                .filter(received -> actionId.equals(received.body().path("taskId").asString("")))
                .toList();
    }

    /** Documents whose outbox still has events to hand over; documents stored before outboxes existed have none. */
    private long pendingWithEvents() {
        return mongo.count(query(where(Outbox.PENDING).is(true).and(Outbox.EVENTS + ".0").exists(true)),
                Action.class);
    }

    private static <T> T eventually(Supplier<T> read, Predicate<T> done) {
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
