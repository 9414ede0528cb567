package org.accord.notifications;

import static org.accord.support.testing.SameAnswer.assertSameAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.accord.notifications.delivery.Channel;
import org.accord.notifications.delivery.DeliveryQueue;
import org.accord.notifications.delivery.MessageSource;
import org.accord.notifications.delivery.NewDelivery;
import org.accord.notifications.inbox.Inbox;
import org.accord.notifications.inbox.InboxItem;
import org.accord.support.testing.IdInputs;
import org.accord.support.testing.IdSpellings;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every id notifications takes in an address, in any spelling but the one it makes (lower-case UUID for inbox items
 * and events, lower-case ObjectId hex for deliveries), is answered exactly as an id that does not exist, and nothing
 * is marked read or redriven for it; an event handed over with any of its ids in another spelling is refused naming
 * the field, and nothing is stored. The inputs come from the service's own request mappings, so a new endpoint that
 * takes an id fails here until it is in the table.
 */
class IdentifierSpellingIntegrationTest extends IntegrationTestSupport {

    /** A call to one id input with the id in the spelling given (already fit for a path). */
    private record Attempt(BiFunction<IdentifierSpellingIntegrationTest, String, HttpResponse<String>> call) {
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Autowired
    private MongoOperations mongo;

    @Autowired
    private Inbox inbox;

    @Autowired
    private DeliveryQueue deliveries;

    private final Map<String, Attempt> table = new LinkedHashMap<>();

    IdentifierSpellingIntegrationTest() {
        table.put("POST /api/notifications/{id}/read PATH id", new Attempt((test, id) -> test.send("POST",
                "/api/notifications/" + id + "/read", test.user("fr-officer"), null)));
        table.put("POST /api/partners/{country}/deliveries/{id}/redrive PATH id", new Attempt((test, id) ->
                test.send("POST", "/api/partners/FR/deliveries/" + id + "/redrive", test.user("fr-liaison"), null)));
        table.put("POST /internal/events/{id}/redrive PATH id", new Attempt((test, id) -> test.send("POST",
                "/internal/events/" + id + "/redrive", test.operator(), null)));
    }

    /** The ids of a handed-over event, with the poster of the event below. */
    private static final List<String> EVENT_IDS = List.of("id", "caseId", "taskId", "assessmentId", "entryId",
            "commentId");

    @Test
    void everyIdInputOfTheServiceIsInTheTable() {
        List<String> covered = new ArrayList<>(table.keySet());
        EVENT_IDS.forEach(field -> covered.add("POST /internal/events BODY " + field));
        assertThat(IdInputs.of(mappings)).as("id inputs of the request mappings not covered here")
                .containsExactlyInAnyOrderElementsOf(covered);
    }

    @Test
    void anEventWithAnyIdInAnotherSpellingIsRefusedNamingTheFieldAndNothingIsStored() {
        Map<String, Object> event = event("AssignmentChanged", new ObjectId().toHexString(), 1, "fr-liaison@fr",
                "FR");
        event.put("taskId", new ObjectId().toHexString());
        event.put("country", "FR");
        event.put("from", "PROPOSED");
        event.put("to", "ACCEPTED");
        for (String field : List.of("assessmentId", "entryId", "commentId")) {
            event.put(field, UUID.randomUUID().toString());
        }
        long stored = mongo.count(new Query(), "events");

        for (String field : EVENT_IDS) {
            IdSpellings.of((String) event.get(field)).forEach((spelling, other) -> {
                Map<String, Object> misspelt = new LinkedHashMap<>(event);
                misspelt.put(field, other);
                HttpResponse<String> refused = send("POST", "/internal/events", service("tasks"),
                        JSON.writeValueAsString(misspelt));
                assertThat(refused.statusCode()).as(field + " " + spelling).isEqualTo(400);
                assertProblem(refused, "invalid-input");
                assertThat(json(refused).get("errors").get(0).get("field").asString()).isEqualTo(field);
            });
        }

        assertThat(mongo.count(new Query(), "events")).as("nothing stored").isEqualTo(stored);
        assertThat(mongo.count(new Query(Criteria.where("event.caseId").is(event.get("caseId"))), "events"))
                .isZero();
    }

    @Test
    void anyOtherSpellingOfAnIdIsOneThatDoesNotExistAndChangesNothing() {
        String itemId = UUID.randomUUID().toString();
        inbox.deliver(new InboxItem(itemId, "FR", null, UUID.randomUUID().toString(), "CaseShared",
                new ObjectId().toHexString(), null, "Shelling near the border", Instant.now(), List.of()));
        String key = UUID.randomUUID().toString();
        deliveries.enqueue(new NewDelivery("FR", Channel.WEBHOOK, key, "CaseShared", new ObjectId().toHexString(),
                null, new MessageSource(List.of(), null, null)));
        String deliveryId = mongo.getCollection("deliveries").find(new Document("key", key)).first()
                .getObjectId("_id").toHexString();
        Map<String, String> ids = Map.of("POST /api/notifications/{id}/read PATH id", itemId,
                "POST /api/partners/{country}/deliveries/{id}/redrive PATH id", deliveryId,
                "POST /internal/events/{id}/redrive PATH id", UUID.randomUUID().toString());

        table.forEach((input, attempt) -> {
            String id = ids.get(input);
            String missing = id.contains("-") ? UUID.randomUUID().toString() : new ObjectId().toHexString();
            HttpResponse<String> absent = attempt.call().apply(this, missing);
            assertThat(absent.statusCode()).as(input + " for an id that does not exist").isEqualTo(404);
            Map<String, Object> before = state(itemId, deliveryId);
            IdSpellings.of(id).forEach((spelling, other) -> assertSameAnswer(input + " with a " + spelling + " id",
                    attempt.call().apply(this, IdSpellings.inPath(other)), absent));
            assertThat(state(itemId, deliveryId)).as(input + ": nothing changed").isEqualTo(before);
        });
        assertThat(table.get("POST /api/notifications/{id}/read PATH id").call().apply(this, itemId).statusCode())
                .as("the item's own id").isEqualTo(204);
        assertThat(table.get("POST /api/partners/{country}/deliveries/{id}/redrive PATH id").call()
                .apply(this, deliveryId).statusCode()).as("the delivery's own id").isNotEqualTo(404);
    }

    /** Who read the item, who redrove the delivery, and how many events wait to be handled again. */
    private Map<String, Object> state(String itemId, String deliveryId) {
        Document item = mongo.getCollection("inbox").find(new Document("_id", itemId)).first();
        Document delivery = mongo.getCollection("deliveries").find(new Document("_id", new ObjectId(deliveryId)))
                .first();
        return Map.of("read by", String.valueOf(item.get("readBy")),
                "redriven by", String.valueOf(delivery.get("redrivenBy")),
                "events", mongo.count(new Query(), "events"));
    }
}
