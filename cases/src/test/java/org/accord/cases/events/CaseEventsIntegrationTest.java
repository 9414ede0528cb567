package org.accord.cases.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.accord.cases.CasesApi;
import org.accord.cases.MongoCommands;
import org.accord.cases.casefile.Case;
import org.accord.cases.casefile.NewCaseBody;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The events a case records for the partner inboxes: one per change, numbered per case without gaps, each with its
 * own id, and written in the very document write that makes the change.
 */
class CaseEventsIntegrationTest extends CasesApi {

    private static final String ALL_CALM = "{\"factors\":{" + LongStream.rangeClosed(1, 14)
            .mapToObj(i -> "\"RF" + i + "\":{\"score\":" + (i == 11 ? 3 : 0) + ",\"note\":\"n\"}")
            .reduce((a, b) -> a + "," + b).orElseThrow() + "}}";

    private final MongoTemplate mongo = database();

    @Autowired
    MongoCommands commands;

    private String amberCase() {
        return open("fr-officer", NewCaseBody.labelled("AMBER").sharedWithCountry("DE", "CONTRIBUTE").json())
                .get("id").asString();
    }

    private List<CaseEvent> outbox(String caseId) {
        return mongo.findById(caseId, Case.class).outbox();
    }

    @Test
    void everyChangeRecordsItsEventsNumberedPerCase() {
        String caseId = amberCase();
        as("fr-officer", "PATCH", "/api/cases/" + caseId, "{\"title\":\"Renamed\",\"tags\":[\"a\"]}", "If-Match",
                "\"0\"");
        as("fr-officer", "PATCH", "/api/cases/" + caseId, "{\"tlp\":\"AMBER_STRICT\"}", "If-Match", "\"1\"");
        as("fr-officer", "PUT", "/api/cases/" + caseId + "/sharing", NewCaseBody.labelled("AMBER_STRICT")
                .sharedWithCountry("DE", "CONTRIBUTE").sharedWithGroup("NORTH_AMERICA", "READ").sharingJson());
        String entryId = parse(as("de-officer", "POST", "/api/cases/" + caseId + "/entries",
                "{\"kind\":\"INCIDENT\",\"text\":\"Shelling\",\"occurredAt\":\"2025-03-01T08:00:00Z\"}").body())
                .get("id").asString();
        String assessmentId = parse(as("de-liaison", "POST", "/api/cases/" + caseId + "/assessments", ALL_CALM)
                .body()).get("id").asString();
        // Reads, refusals and changes that change nothing record no event.
        as("us-officer", "GET", "/api/cases/" + caseId, null);
        as("de-officer", "GET", "/api/cases/" + caseId, null);
        as("de-analyst", "PATCH", "/api/cases/" + caseId, "{\"title\":\"x\"}", "If-Match", "\"5\"");
        as("fr-officer", "PATCH", "/api/cases/" + caseId, "{\"title\":\"Renamed\"}", "If-Match", "\"5\"");

        Case stored = mongo.findById(caseId, Case.class);
        List<CaseEvent> events = stored.outbox();

        assertThat(events).extracting(CaseEvent::type).containsExactly(CaseEventType.CaseCreated,
                CaseEventType.CaseUpdated, CaseEventType.CaseUpdated, CaseEventType.CaseShared,
                CaseEventType.CaseShared, CaseEventType.EntryAdded, CaseEventType.CaseEscalated);
        assertThat(events).extracting(CaseEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(stored.eventSequence()).isEqualTo(7L);
        assertThat(events).extracting(CaseEvent::caseId).containsOnly(caseId);
        assertThat(new HashSet<>(events.stream().map(CaseEvent::id).toList())).hasSize(7);
        events.forEach(event -> assertThat(UUID.fromString(event.id()).toString()).isEqualTo(event.id()));

        assertThat(events.get(0).tlp().name()).isEqualTo("AMBER");
        assertThat(events.get(0).actor()).isEqualTo("fr-officer@fr");
        assertThat(events.get(1).changedFields()).containsExactly("title", "tags");
        assertThat(events.get(2).changedFields()).containsExactly("tlp");
        assertThat(events.get(3).tlp().name()).isEqualTo("AMBER_STRICT");
        assertThat(events.get(4).sharedWith()).extracting(entry -> entry.country() + "/" + entry.group())
                .containsExactly("DE/null", "null/NORTH_AMERICA");
        assertThat(events.get(5).entryId()).isEqualTo(entryId);
        assertThat(events.get(5).entryKind()).isEqualTo("INCIDENT");
        assertThat(events.get(5).actor()).isEqualTo("de-officer@de");
        assertThat(events.get(5).actorCountry()).isEqualTo("DE");
        assertThat(events.get(6).assessmentId()).isEqualTo(assessmentId);
        assertThat(events.get(6).riskLevel()).isEqualTo("HIGH");
        assertThat(events.get(6).previousRiskLevel()).isNull();
        assertThat(events.get(6).occurredAt()).isEqualTo(stored.updatedAt());
    }

    @Test
    void eachChangeAndItsEventTravelInOneDocumentWrite() {
        String caseId = amberCase();
        List<Supplier<HttpResponse<String>>> changes = List.of(
                () -> as("fr-officer", "PATCH", "/api/cases/" + caseId, "{\"title\":\"Renamed\"}", "If-Match",
                        "\"0\""),
                () -> as("fr-officer", "PUT", "/api/cases/" + caseId + "/sharing",
                        NewCaseBody.labelled("GREEN").sharedWithCountry("DE", "CONTRIBUTE").sharingJson()),
                () -> as("de-officer", "POST", "/api/cases/" + caseId + "/entries",
                        "{\"kind\":\"OBSERVATION\",\"text\":\"Checkpoints\",\"occurredAt\":\"2025-03-01T08:00:00Z\"}"),
                () -> as("de-officer", "POST", "/api/cases/" + caseId + "/assessments", ALL_CALM));

        for (Supplier<HttpResponse<String>> change : changes) {
            int before = outbox(caseId).size();
            commands.clear();

            assertThat(change.get().statusCode()).isBetween(200, 201);

            List<MongoCommands.Command> writes = commands.on("cases").stream()
                    .filter(MongoCommands.Command::isWrite).toList();
            assertThat(writes).as("writes of the case document").hasSize(1);
            List<CaseEvent> after = outbox(caseId);
            assertThat(after).hasSize(before + 1);
            BsonDocument written = writes.get(0).body().getArray("updates").get(0).asDocument();
            assertThat(written.getDocument("q").getObjectId("_id").getValue().toHexString()).isEqualTo(caseId);
            assertThat(written.getDocument("q").containsKey("version")).as("a versioned write").isTrue();
            BsonArray writtenOutbox = written.getDocument("u").getArray("outbox");
            assertThat(writtenOutbox.get(writtenOutbox.size() - 1).asDocument().getString("id").getValue())
                    .as("the new event is in the written document").isEqualTo(after.get(before).id());
            assertThat(written.getDocument("u").getNumber("version").longValue())
                    .isEqualTo(mongo.findById(caseId, Case.class).version());
        }
    }

    @Test
    void ofConcurrentChangesToOneVersionExactlyOneLandsWithItsEvent() throws Exception {
        String caseId = amberCase();

        List<Integer> statuses = concurrently(8, i -> as("fr-officer", "PATCH", "/api/cases/" + caseId,
                "{\"title\":\"Title " + i + "\"}", "If-Match", "\"0\"").statusCode());

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 412).hasSize(7);
        Case stored = mongo.findById(caseId, Case.class);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.outbox()).extracting(CaseEvent::type)
                .containsExactly(CaseEventType.CaseCreated, CaseEventType.CaseUpdated);
    }

    @Test
    void concurrentEntriesEachKeepTheirEventAndTheNumberingHasNoGaps() throws Exception {
        String caseId = amberCase();

        List<Integer> statuses = concurrently(6, i -> as(i % 2 == 0 ? "de-officer" : "fr-officer", "POST",
                "/api/cases/" + caseId + "/entries", "{\"kind\":\"INCIDENT\",\"text\":\"Report " + i
                        + "\",\"occurredAt\":\"2025-03-01T08:00:00Z\"}").statusCode());

        assertThat(statuses).allMatch(status -> status == 201 || status == 409);
        long added = statuses.stream().filter(status -> status == 201).count();
        Case stored = mongo.findById(caseId, Case.class);
        assertThat(stored.entries()).hasSize((int) added);
        assertThat(stored.outbox().stream().filter(event -> event.type() == CaseEventType.EntryAdded)
                .map(CaseEvent::entryId).toList())
                .containsExactlyInAnyOrderElementsOf(stored.entries().stream().map(entry -> entry.id()).toList());
        assertThat(stored.outbox()).extracting(CaseEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, added + 1).boxed().toList());
    }

    private interface Call {
        int run(int index) throws Exception;
    }

    private static List<Integer> concurrently(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Integer> task = () -> call.run(index);
                results.add(pool.submit(task));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
