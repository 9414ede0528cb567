package org.accord.cases.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.accord.cases.CasesApi;
import org.accord.cases.casefile.Case;
import org.accord.cases.casefile.NewCaseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Timeline entries: who may add them, the order they are shown in, and protected sources. */
class TimelineIntegrationTest extends CasesApi {

    private final MongoTemplate mongo = database();

    private String amberCase() {
        return open("fr-officer", NewCaseBody.labelled("AMBER").sharedWithCountry("CA", "READ")
                .sharedWithCountry("DE", "CONTRIBUTE").json()).get("id").asString();
    }

    private static ObjectNode entry(String kind, String text, Instant occurredAt) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("kind", kind);
        entry.put("text", text);
        entry.put("occurredAt", occurredAt.toString());
        return entry;
    }

    private static ObjectNode evidence(String source, boolean isProtected) {
        return entry("EVIDENCE", "Satellite images show burned shelters in the camp.",
                Instant.parse("2025-03-02T10:15:00Z"))
                .put("location", "Zamzam camp, North Darfur")
                .put("source", source)
                .put("sourceProtected", isProtected)
                .put("reliability", "B2");
    }

    private HttpResponse<String> add(String user, String caseId, ObjectNode entry) {
        return as(user, "POST", "/api/cases/" + caseId + "/entries", JSON.writeValueAsString(entry));
    }

    private JsonNode entriesSeenBy(String user, String caseId) {
        JsonNode timeline = okJson(as(user, "GET", "/api/cases/" + caseId + "/entries", null));
        JsonNode withCase = okJson(as(user, "GET", "/api/cases/" + caseId, null)).get("entries");
        assertThat(withCase).as("the case shows the same timeline").isEqualTo(timeline.get("items"));
        assertThat(timeline.get("totalItems").asInt()).isEqualTo(timeline.get("items").size());
        return timeline.get("items");
    }

    @Test
    void aProtectedSourceIsShownOnlyToTheCountryThatRecordedIt() {
        String caseId = amberCase();

        HttpResponse<String> added = add("fr-officer", caseId, evidence("Informant 7 inside the camp", true));
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode recorded = parse(added.body());
        assertThat(recorded.get("source").asString()).isEqualTo("Informant 7 inside the camp");
        assertThat(recorded.get("recordedBy").asString()).isEqualTo("fr-officer@fr");
        assertThat(recorded.get("recordedByCountry").asString()).isEqualTo("FR");

        for (String french : List.of("fr-officer", "fr-analyst")) {
            JsonNode seen = entriesSeenBy(french, caseId).get(0);
            assertThat(seen.get("source").asString()).isEqualTo("Informant 7 inside the camp");
            assertThat(seen.get("sourceProtected").asBoolean()).isTrue();
        }
        for (String other : List.of("ca-officer", "de-analyst")) {
            JsonNode seen = entriesSeenBy(other, caseId).get(0);
            assertThat(seen.has("source")).isTrue();
            assertThat(seen.get("source").isNull()).isTrue();
            assertThat(seen.get("sourceProtected").asBoolean()).isTrue();
            assertThat(seen.get("text").asString()).isEqualTo("Satellite images show burned shelters in the camp.");
            assertThat(seen.get("reliability").asString()).isEqualTo("B2");
            assertThat(seen.get("location").asString()).isEqualTo("Zamzam camp, North Darfur");
            assertThat(seen.toString()).doesNotContain("Informant 7");
        }
    }

    @Test
    void aContributorsProtectedSourceIsHiddenFromTheOriginatorToo() {
        String caseId = amberCase();

        assertThat(add("de-officer", caseId, evidence("BND liaison report 42", true)).statusCode()).isEqualTo(201);
        assertThat(add("fr-officer", caseId, evidence("Open-source imagery", false)).statusCode()).isEqualTo(201);

        JsonNode seenByFrance = entriesSeenBy("fr-officer", caseId);
        JsonNode seenByGermany = entriesSeenBy("de-liaison", caseId);
        JsonNode seenByCanada = entriesSeenBy("ca-analyst", caseId);
        assertThat(seenByFrance.get(0).get("source").isNull()).isTrue();
        assertThat(seenByFrance.get(1).get("source").asString()).isEqualTo("Open-source imagery");
        assertThat(seenByGermany.get(0).get("source").asString()).isEqualTo("BND liaison report 42");
        assertThat(seenByCanada.get(0).get("source").isNull()).isTrue();
        assertThat(seenByCanada.get(1).get("source").asString()).isEqualTo("Open-source imagery");
    }

    @Test
    void theTimelineIsInTheOrderThingsHappened() {
        String caseId = amberCase();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        add("fr-officer", caseId, entry("OBSERVATION", "Checkpoints set up", now.minus(2, ChronoUnit.DAYS)));
        add("de-officer", caseId, entry("INCIDENT", "Shelling of the market", now.minus(5, ChronoUnit.DAYS)));
        add("fr-liaison", caseId, entry("INCIDENT", "Convoy blocked", now));

        JsonNode timeline = entriesSeenBy("ca-officer", caseId);

        assertThat(timeline.size()).isEqualTo(3);
        assertThat(timeline.get(0).get("text").asString()).isEqualTo("Shelling of the market");
        assertThat(timeline.get(0).get("kind").asString()).isEqualTo("INCIDENT");
        assertThat(timeline.get(0).get("recordedBy").asString()).isEqualTo("de-officer@de");
        assertThat(timeline.get(1).get("text").asString()).isEqualTo("Checkpoints set up");
        assertThat(timeline.get(2).get("occurredAt").asString()).isEqualTo(now.toString());
        assertThat(timeline.get(2).get("source").isNull()).isTrue();
        assertThat(timeline.get(2).get("sourceProtected").asBoolean()).isFalse();
        assertThat(timeline.get(2).get("reliability").isNull()).isTrue();
    }

    @Test
    void aClosedCaseTakesNoEntries() {
        String caseId = amberCase();
        assertThat(as("fr-officer", "PATCH", "/api/cases/" + caseId, "{\"status\":\"CLOSED\"}", "If-Match", "\"0\"")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> refused = add("de-officer", caseId, evidence("late report", false));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertProblem(refused, "case-closed");
        assertThat(mongo.findById(caseId, Case.class).entries()).isEmpty();
    }

    static Stream<Arguments> invalidEntries() {
        Instant past = Instant.parse("2025-03-02T10:15:00Z");
        return Stream.of(
                Arguments.of(entry("RUMOUR", "text", past), List.of("kind")),
                Arguments.of(entry("INCIDENT", " ", past), List.of("text")),
                Arguments.of(entry("INCIDENT", "x".repeat(4_001), past), List.of("text")),
                Arguments.of(entry("INCIDENT", "text", Instant.now().plus(1, ChronoUnit.DAYS)), List.of("occurredAt")),
                Arguments.of(entry("INCIDENT", "text", past).put("occurredAt", "yesterday"), List.of("occurredAt")),
                Arguments.of(entry("INCIDENT", "text", past).put("occurredAt", "2025-03-02"), List.of("occurredAt")),
                Arguments.of(entry("INCIDENT", "text", past).putNull("occurredAt").putNull("kind"),
                        List.of("occurredAt", "kind")),
                Arguments.of(entry("INCIDENT", "text", past).put("reliability", "G7"), List.of("reliability")),
                Arguments.of(entry("INCIDENT", "text", past).put("reliability", "b2"), List.of("reliability")),
                Arguments.of(entry("INCIDENT", "text", past).put("reliability", "B0"), List.of("reliability")),
                Arguments.of(entry("INCIDENT", "text", past).put("reliability", "B22"), List.of("reliability")),
                Arguments.of(entry("INCIDENT", "text", past).put("location", "x".repeat(201)), List.of("location")),
                Arguments.of(entry("INCIDENT", "text", past).put("source", "x".repeat(501)), List.of("source")),
                Arguments.of(entry("INCIDENT", "text", past).put("sourceProtected", "perhaps"),
                        List.of("sourceProtected")),
                Arguments.of(entry("INCIDENT", "text", past).put("recordedByCountry", "US"),
                        List.of("recordedByCountry")));
    }

    @ParameterizedTest
    @MethodSource("invalidEntries")
    void invalidEntriesNameTheFieldsAndStoreNothing(ObjectNode body, List<String> badFields) {
        String caseId = amberCase();

        HttpResponse<String> response = add("fr-officer", caseId, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "invalid-input");
        assertThat(fields(response)).containsExactlyInAnyOrderElementsOf(badFields);
        Case stored = mongo.findById(caseId, Case.class);
        assertThat(stored.entries()).isEmpty();
        assertThat(stored.version()).isZero();
    }
}
