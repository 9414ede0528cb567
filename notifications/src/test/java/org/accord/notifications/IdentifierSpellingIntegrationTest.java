package org.accord.notifications;

import static org.accord.support.testing.SameAnswer.assertSameAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every id notifications takes in an address, in any spelling but the one it makes (lower-case UUID for inbox items
 * and events, lower-case ObjectId hex for deliveries), is answered exactly as an id that does not exist, and nothing
 * is marked read or redriven for it. The inputs come from the service's own request mappings, so a new endpoint that
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
                "/internal/events/" + id + "/redrive", test.service("cases"), null)));
    }

    /** The event intake takes events as cases and tasks recorded them, held to their fields' formats there. */
    @Test
    void everyIdInputOfTheServiceIsInTheTable() {
        assertThat(IdInputs.of(mappings, "POST /internal/events BODY"))
                .as("id inputs of the request mappings not covered here")
                .containsExactlyInAnyOrderElementsOf(table.keySet());
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
