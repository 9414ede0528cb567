package org.accord.cases.assessment;

import org.accord.cases.casefile.RiskFactor;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.accord.cases.CasesApi;
import org.accord.cases.casefile.Case;
import org.accord.cases.casefile.NewCaseBody;
import org.accord.cases.events.CaseEvent;
import org.accord.cases.events.CaseEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Assessments on the UN Framework of Analysis: history, the level rule, escalation, and bad scores. */
class RiskAssessmentIntegrationTest extends CasesApi {

    private final MongoTemplate mongo = database();

    private String amberCase(String... tags) {
        NewCaseBody body = NewCaseBody.labelled("AMBER").sharedWithCountry("DE", "CONTRIBUTE")
                .sharedWithCountry("CA", "READ");
        if (tags.length > 0) {
            body.tagged(tags);
        }
        return open("fr-officer", body.json()).get("id").asString();
    }

    /** Scores of RF1 to RF14, separated by spaces, each with a note. */
    static ObjectNode assessment(String scores) {
        String[] values = scores.trim().split("\\s+");
        ObjectNode body = JSON.createObjectNode();
        ObjectNode factors = body.putObject("factors");
        for (RiskFactor factor : RiskFactor.values()) {
            factors.putObject(factor.name()).put("score", Integer.parseInt(values[factor.ordinal()]))
                    .put("note", "Observed for " + factor.name());
        }
        return body;
    }

    private JsonNode assess(String user, String caseId, ObjectNode body) {
        HttpResponse<String> response = as(user, "POST", "/api/cases/" + caseId + "/assessments",
                JSON.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return parse(response.body());
    }

    private List<CaseEvent> escalations(String caseId) {
        return mongo.findById(caseId, Case.class).outbox().stream()
                .filter(event -> event.type() == CaseEventType.CaseEscalated).toList();
    }

    @Test
    void historyIsKeptNewestFirstAndARiseToHighEscalates() {
        String caseId = amberCase();

        JsonNode calm = assess("fr-officer", caseId, assessment("0 0 0 0 0 0 0 0 0 0 0 0 0 0"));
        assertThat(calm.get("riskLevel").asString()).isEqualTo("LOW");
        assertThat(calm.get("escalated").asBoolean()).isFalse();
        assertThat(calm.get("factors").get("RF1").get("name").asString())
                .isEqualTo("Situations of armed conflict or other forms of instability");
        assertThat(calm.get("factors").get("RF14").get("name").asString())
                .isEqualTo("Serious threats to humanitarian or peacekeeping operations");
        assertThat(calm.get("factors").get("RF14").get("weight").asInt()).isEqualTo(2);
        assertThat(calm.get("factors").size()).isEqualTo(14);

        JsonNode tense = assess("de-officer", caseId, assessment("2 2 2 2 2 2 2 2 0 0 0 0 0 0"));
        assertThat(tense.get("riskLevel").asString()).isEqualTo("MODERATE");
        assertThat(tense.get("weightedScore").asInt()).isEqualTo(16);
        assertThat(escalations(caseId)).isEmpty();

        // One specific factor at its maximum: HIGH whatever the weighted score (6 of 60).
        JsonNode intent = assess("fr-liaison", caseId, assessment("0 0 0 0 0 0 0 0 0 3 0 0 0 0"));
        assertThat(intent.get("riskLevel").asString()).isEqualTo("HIGH");
        assertThat(intent.get("weightedScore").asInt()).isEqualTo(6);
        assertThat(intent.get("escalated").asBoolean()).isTrue();
        List<CaseEvent> escalated = escalations(caseId);
        assertThat(escalated).hasSize(1);
        assertThat(escalated.get(0).previousRiskLevel()).isEqualTo("MODERATE");
        assertThat(escalated.get(0).riskLevel()).isEqualTo("HIGH");
        assertThat(escalated.get(0).assessmentId()).isEqualTo(intent.get("id").asString());
        assertThat(escalated.get(0).actor()).isEqualTo("fr-liaison@fr");
        assertThat(escalated.get(0).caseId()).isEqualTo(caseId);

        JsonNode stillHigh = assess("de-officer", caseId, assessment("2 2 2 2 2 2 2 2 2 2 2 2 2 2"));
        assertThat(stillHigh.get("riskLevel").asString()).isEqualTo("HIGH");
        assertThat(stillHigh.get("escalated").asBoolean()).isFalse();
        assertThat(escalations(caseId)).hasSize(1);

        JsonNode critical = assess("fr-officer", caseId, assessment("3 3 3 3 3 3 3 3 3 3 3 3 3 3"));
        assertThat(critical.get("riskLevel").asString()).isEqualTo("CRITICAL");
        assertThat(escalations(caseId)).hasSize(2);
        assertThat(escalations(caseId).get(1).previousRiskLevel()).isEqualTo("HIGH");

        JsonNode history = okJson(as("ca-analyst", "GET", "/api/cases/" + caseId + "/assessments", null));
        List<String> levels = new ArrayList<>();
        history.get("items").forEach(item -> levels.add(item.get("riskLevel").asString()));
        assertThat(levels).containsExactly("CRITICAL", "HIGH", "HIGH", "MODERATE", "LOW");
        assertThat(history.get("totalItems").asInt()).isEqualTo(5);
        assertThat(history.get("items").get(3).get("assessedBy").asString()).isEqualTo("de-officer@de");
        assertThat(history.get("items").get(3).get("assessedByCountry").asString()).isEqualTo("DE");
        assertThat(history.get("items").get(3).get("factors").get("RF2").get("note").asString())
                .isEqualTo("Observed for RF2");

        JsonNode seen = okJson(as("ca-officer", "GET", "/api/cases/" + caseId, null));
        assertThat(seen.get("riskLevel").asString()).isEqualTo("CRITICAL");
        assertThat(seen.get("version").asLong()).isEqualTo(5);
    }

    @Test
    void aFallingLevelIsShownAndDoesNotEscalate() {
        String caseId = amberCase();
        assess("fr-officer", caseId, assessment("3 3 3 3 3 3 3 3 3 3 3 3 3 3"));

        JsonNode calmer = assess("fr-officer", caseId, assessment("1 1 1 1 1 1 1 1 0 0 0 0 0 0"));

        assertThat(calmer.get("riskLevel").asString()).isEqualTo("LOW");
        assertThat(okJson(as("fr-officer", "GET", "/api/cases/" + caseId, null)).get("riskLevel").asString())
                .isEqualTo("LOW");
        assertThat(escalations(caseId)).hasSize(1);
    }

    @Test
    void theListFiltersAndSortsByTheLatestLevel() {
        String marker = "risk-" + UUID.randomUUID();
        String low = amberCase(marker);
        String critical = amberCase(marker);
        String unassessed = amberCase(marker);
        String high = amberCase(marker);
        assess("fr-officer", low, assessment("0 0 0 0 0 0 0 0 0 0 0 0 0 0"));
        assess("fr-officer", critical, assessment("3 3 3 3 3 3 3 3 3 3 3 3 3 3"));
        assess("fr-officer", high, assessment("0 0 0 0 0 0 0 0 0 0 0 0 3 0"));

        JsonNode bySeverity = okJson(as("de-officer", "GET", "/api/cases?q=" + marker + "&sort=riskLevel,desc", null));
        JsonNode onlyHigh = okJson(as("de-officer", "GET", "/api/cases?q=" + marker + "&riskLevel=HIGH", null));
        JsonNode leastFirst = okJson(as("de-officer", "GET", "/api/cases?q=" + marker + "&sort=riskLevel,asc", null));

        assertThat(ids(bySeverity)).containsExactly(critical, high, low, unassessed);
        assertThat(ids(leastFirst)).containsExactly(unassessed, low, high, critical);
        assertThat(ids(onlyHigh)).containsExactly(high);
        assertThat(onlyHigh.get("totalItems").asLong()).isEqualTo(1);
    }

    static Stream<Arguments> invalidAssessments() {
        ObjectNode missing = assessment("0 0 0 0 0 0 0 0 0 0 0 0 0 0");
        ((ObjectNode) missing.get("factors")).remove(List.of("RF3", "RF12"));
        ObjectNode tooHigh = assessment("0 0 0 0 0 0 0 0 0 0 0 0 0 0");
        ((ObjectNode) tooHigh.get("factors").get("RF1")).put("score", 4);
        ObjectNode negative = assessment("0 0 0 0 0 0 0 0 0 0 0 0 0 0");
        ((ObjectNode) negative.get("factors").get("RF9")).put("score", -1);
        ObjectNode fraction = assessment("0 0 0 0 0 0 0 0 0 0 0 0 0 0");
        ((ObjectNode) fraction.get("factors").get("RF2")).put("score", 1.5);
        ObjectNode noNote = assessment("0 0 0 0 0 0 0 0 0 0 0 0 0 0");
        ((ObjectNode) noNote.get("factors").get("RF4")).put("note", " ");
        ObjectNode longNote = assessment("0 0 0 0 0 0 0 0 0 0 0 0 0 0");
        ((ObjectNode) longNote.get("factors").get("RF4")).put("note", "n".repeat(2_001));
        ObjectNode unknownFactor = assessment("0 0 0 0 0 0 0 0 0 0 0 0 0 0");
        ((ObjectNode) unknownFactor.get("factors")).putObject("RF15").put("score", 1).put("note", "n");
        ObjectNode levelGiven = assessment("0 0 0 0 0 0 0 0 0 0 0 0 0 0").put("riskLevel", "LOW");
        ObjectNode scoreMissing = assessment("0 0 0 0 0 0 0 0 0 0 0 0 0 0");
        ((ObjectNode) scoreMissing.get("factors").get("RF6")).remove("score");
        return Stream.of(
                Arguments.of(missing, List.of("factors[RF3]", "factors[RF12]")),
                Arguments.of(tooHigh, List.of("factors[RF1].score")),
                Arguments.of(negative, List.of("factors[RF9].score")),
                Arguments.of(fraction, List.of("factors[RF2].score")),
                Arguments.of(noNote, List.of("factors[RF4].note")),
                Arguments.of(longNote, List.of("factors[RF4].note")),
                Arguments.of(unknownFactor, List.of("factors")),
                Arguments.of(levelGiven, List.of("riskLevel")),
                Arguments.of(scoreMissing, List.of("factors[RF6].score")),
                Arguments.of(JSON.createObjectNode(), List.of("factors")));
    }

    @ParameterizedTest
    @MethodSource("invalidAssessments")
    void invalidAssessmentsNameTheFieldsAndStoreNothing(ObjectNode body, List<String> badFields) {
        String caseId = amberCase();

        HttpResponse<String> response = as("fr-officer", "POST", "/api/cases/" + caseId + "/assessments",
                JSON.writeValueAsString(body));

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "invalid-input");
        assertThat(fields(response)).containsExactlyInAnyOrderElementsOf(badFields);
        Case stored = mongo.findById(caseId, Case.class);
        assertThat(stored.assessments()).isEmpty();
        assertThat(stored.riskLevel()).isNull();
    }
}
