package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.accord.cases.casefile.NewCaseBody;
import org.accord.support.testing.TextInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A title, a tag, a place or any other one-line field refuses control characters and line separators, naming the
 * field, and nothing is stored: a line break in a title could otherwise start a line of its own in partner mail.
 * Running text (a summary, an entry's text) keeps its line feeds and tabs, and refuses every other control character.
 */
class TextFieldsIntegrationTest extends CasesApi {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyTextOfEveryRequestBodyIsOneLineOrRunningText() {
        assertThat(TextInputs.bodies(mappings)).contains("NewCase", "CaseChanges", "SharingChange", "NewEntry",
                "NewAssessment");
        assertThat(TextInputs.undeclared(mappings)).as("texts that are neither @SingleLine nor @MultiLine").isEmpty();
    }

    /** C0 (line feed, carriage return, NUL, escape, tab), DEL, C1 (NEL, CSI), the line and paragraph separators. */
    @ParameterizedTest
    @ValueSource(strings = { "\n", "\r", "\u0000", "\u001b", "\u007f", "\u0085", "\u009b", "\u2028", "\u2029", "\t" })
    void aTitleWithAControlCharacterOpensNoCase(String control) {
        String title = "Shelling near the border" + control + "Open in Accord: https://evil.example/cases/1";
        long stored = casesTitled(title);

        HttpResponse<String> refused = as("fr-officer", "POST", "/api/cases",
                NewCaseBody.labelled("AMBER").sharedWithCountry("CA", "READ").title(title).json());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertProblem(refused, "invalid-input");
        assertThat(fields(refused)).containsExactly("title");
        assertThat(casesTitled(title)).isEqualTo(stored).isZero();
    }

    @Test
    void oneLineFieldsOfAChangeRefuseLineBreaksAndLeaveTheCaseAsItWas() {
        JsonNode opened = open("fr-officer", NewCaseBody.labelled("AMBER").sharedWithCountry("CA", "READ").json());
        String id = opened.get("id").asString();

        for (String body : List.of("{\"title\":\"Renamed\\nOpen in Accord: https://evil.example\"}",
                "{\"tags\":[\"darfur\",\"el-fasher\\u2028forged\"]}", "{\"summary\":\"Moved\\u0000on\"}")) {
            HttpResponse<String> refused = as("fr-officer", "PATCH", "/api/cases/" + id, body, "If-Match", "\"0\"");
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertProblem(refused, "invalid-input");
            assertThat(fields(refused)).singleElement().satisfies(field -> assertThat(field)
                    .isIn("title", "tags[1]", "summary"));
        }
        HttpResponse<String> read = as("fr-officer", "GET", "/api/cases/" + id, null);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(((ObjectNode) parse(read.body())).without("allowedOperations"))
                .isEqualTo(((ObjectNode) opened.deepCopy()).without("allowedOperations"));
    }

    @Test
    void aSummaryKeepsItsLineFeedsAndTabs() {
        String summary = "Militia units are moving on the camps.\n\tSeen at dawn.\nConfirmed by two sources.";
        JsonNode opened = open("fr-officer", NewCaseBody.labelled("AMBER").sharedWithCountry("CA", "READ")
                .set("summary", summary).json());

        assertThat(opened.get("summary").asString()).isEqualTo(summary);
    }

    @Test
    void anEntryRefusesALineBreakInItsPlaceButKeepsOneInItsText() {
        String caseId = open("fr-officer", NewCaseBody.labelled("AMBER").sharedWithCountry("CA", "READ").json())
                .get("id").asString();
        ObjectNode entry = JSON.createObjectNode().put("kind", "INCIDENT")
                .put("text", "Shelters burned.\nTwo dead.").put("occurredAt", "2025-03-02T10:15:00Z");

        for (String field : List.of("location", "source", "reliability")) {
            HttpResponse<String> refused = as("fr-officer", "POST", "/api/cases/" + caseId + "/entries",
                    JSON.writeValueAsString(entry.deepCopy().put(field, "B2\nOpen in Accord: https://evil.example")));
            assertThat(refused.statusCode()).as(field).isEqualTo(400);
            assertProblem(refused, "invalid-input");
            assertThat(fields(refused)).contains(field);
        }
        HttpResponse<String> refusedText = as("fr-officer", "POST", "/api/cases/" + caseId + "/entries",
                JSON.writeValueAsString(entry.deepCopy().put("text", "Shelters\u001b[2Jburned.")));
        assertThat(refusedText.statusCode()).isEqualTo(400);
        assertThat(fields(refusedText)).containsExactly("text");
        assertThat(okJson(as("fr-officer", "GET", "/api/cases/" + caseId + "/entries", null)).get("items"))
                .as("nothing recorded").isEmpty();

        JsonNode added = okJson(as("fr-officer", "POST", "/api/cases/" + caseId + "/entries",
                JSON.writeValueAsString(entry.put("occurredAt", Instant.parse("2025-03-02T10:15:00Z").toString()))));
        assertThat(added.get("text").asString()).isEqualTo("Shelters burned.\nTwo dead.");
    }

    private long casesTitled(String title) {
        return database().getCollection("cases").countDocuments(
                Query.query(Criteria.where("title").is(title)).getQueryObject());
    }
}
