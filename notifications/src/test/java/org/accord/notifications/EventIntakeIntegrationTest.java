package org.accord.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import tools.jackson.databind.JsonNode;

/** Event hand-over on {@code /internal/events}: platform services only, each event stored once. */
class EventIntakeIntegrationTest extends IntegrationTestSupport {

    @Autowired
    MongoOperations mongo;

    private static String event(String id, String type, long sequence, String extra) {
        return """
                {"id":"%s","type":"%s","occurredAt":"2026-01-31T12:00:00Z","caseId":"%s","sequence":%d,
                 "actor":"fr-officer@fr","actorCountry":"FR"%s}""".formatted(id, type, caseOf(id), sequence, extra);
    }

    /** The case of an event here: an id as cases writes them, made from the event's id (whatever it is). */
    private static String caseOf(String eventId) {
        return String.format("%024x", eventId.hashCode() & 0xffffffffL);
    }

    @Test
    void aNewEventIsAcceptedOnceAndAHandOverAgainChangesNothing() {
        String id = UUID.randomUUID().toString();
        String body = event(id, "CaseShared", 3,
                ",\"tlp\":\"AMBER\",\"sharedWith\":[{\"country\":\"DE\",\"access\":\"READ\"}],\"namedRecipients\":[]");

        HttpResponse<String> first = send("POST", "/internal/events", service("cases"), body);
        assertThat(first.statusCode()).isEqualTo(202);
        Document stored = mongo.getCollection("events").find(new Document("_id", id)).first();
        assertThat(stored).isNotNull();
        Object receivedAt = stored.get("receivedAt");

        HttpResponse<String> again = send("POST", "/internal/events", service("cases"),
                event(id, "CaseUpdated", 4, ",\"changedFields\":[\"title\"]"));
        assertThat(again.statusCode()).isEqualTo(204);
        assertThat(mongo.getCollection("events").countDocuments(new Document("_id", id))).isEqualTo(1);
        Document after = mongo.getCollection("events").find(new Document("_id", id)).first();
        assertThat(after.get("receivedAt")).isEqualTo(receivedAt);
        assertThat(after.get("event", Document.class).get("type")).isEqualTo("CaseShared");
    }

    @Test
    void tasksHandsOverItsEventsWithItsOwnServiceToken() {
        String body = event(UUID.randomUUID().toString(), "AssignmentChanged", 1,
                ",\"taskId\":\"" + new ObjectId().toHexString()
                        + "\",\"country\":\"DE\",\"from\":\"PROPOSED\",\"to\":\"ACCEPTED\"");

        assertThat(send("POST", "/internal/events", service("tasks"), body).statusCode()).isEqualTo(202);
    }

    @Test
    void onlyTheServiceThatRecordsAnEventTypeMayHandItOver() {
        String body = event(UUID.randomUUID().toString(), "CaseUpdated", 1, "");
        String actionBody = event(UUID.randomUUID().toString(), "ActionProposed", 1,
                ",\"taskId\":\"" + new ObjectId().toHexString() + "\",\"countries\":[\"DE\"]");

        for (String token : new String[] { user("fr-liaison"), systems("fr"), service("tasks"),
                service("notifications"), operator() }) {
            HttpResponse<String> refused = send("POST", "/internal/events", token, body);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertProblem(refused, "forbidden");
        }
        for (String token : new String[] { user("fr-liaison"), systems("fr"), service("cases"),
                service("notifications"), operator() }) {
            HttpResponse<String> refused = send("POST", "/internal/events", token, actionBody);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertProblem(refused, "forbidden");
        }
        HttpResponse<String> anonymous = send("POST", "/internal/events", null, body);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        for (String refusedBody : List.of(body, actionBody)) {
            assertThat(mongo.getCollection("events").countDocuments(new Document("event.caseId",
                    JSON.readTree(refusedBody).get("caseId").asString()))).isZero();
        }
    }

    @Test
    void malformedEventsAreRefusedNamingTheField() {
        String id = UUID.randomUUID().toString();
        assertInvalid(event(id, "CaseUpdated", 1, ",\"sneaky\":true"), "sneaky");
        assertInvalid(event(id, "NoSuchEvent", 1, ""), "type");
        assertInvalid(event("not-a-uuid", "CaseUpdated", 1, ""), "id");
        assertInvalid(event(id, "CaseUpdated", 0, ""), "sequence");
        assertInvalid(event(id, "CaseUpdated", 1, "").replace("\"2026-01-31T12:00:00Z\"", "\"yesterday\""),
                "occurredAt");
        assertInvalid(event(id, "CaseUpdated", 1, "").replace("\"caseId\":\"" + caseOf(id) + "\",", ""), "caseId");

        HttpResponse<String> broken = send("POST", "/internal/events", service("cases"), "{\"id\":");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertProblem(broken, "malformed-json");
        assertThat(mongo.getCollection("events").countDocuments(new Document("_id", id))).isZero();
    }

    private void assertInvalid(String body, String field) {
        HttpResponse<String> response = send("POST", "/internal/events", service("cases"), body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertProblem(response, "invalid-input");
        List<String> fields = new ArrayList<>();
        for (JsonNode error : json(response).get("errors")) {
            fields.add(error.get("field").asString());
        }
        assertThat(fields).contains(field);
    }
}
