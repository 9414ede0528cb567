package org.accord.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.accord.support.testing.TextInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * An action's title and an assignee's name are one line: a control character or line separator is refused, naming the
 * field, and nothing changes. A description, a reason and a comment keep line feeds and tabs and refuse the rest.
 */
class TextFieldsIntegrationTest extends TasksApi {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Autowired
    private MongoTemplate mongo;

    @Test
    void everyTextOfEveryRequestBodyIsOneLineOrRunningText() {
        assertThat(TextInputs.bodies(mappings)).contains("NewAction", "ActionChanges", "CancellationRequest",
                "TransitionRequest", "AssigneeRequest", "NewComment");
        assertThat(TextInputs.undeclared(mappings)).as("texts that are neither @SingleLine nor @MultiLine").isEmpty();
    }

    /** C0 (line feed, carriage return, NUL, escape, tab), DEL, C1 (NEL, CSI), the line and paragraph separators. */
    @ParameterizedTest
    @ValueSource(strings = { "\n", "\r", "\u0000", "\u001b", "\u007f", "\u0085", "\u009b", "\u2028", "\u2029", "\t" })
    void aTitleWithAControlCharacterProposesNoAction(String control) {
        StubCase shared = cases.publish(StubCase.amber("FR", "US"));
        String title = "Freeze the militia's accounts" + control + "Open in Accord: https://evil.example/tasks/1";

        HttpResponse<String> refused = as("fr-officer", "POST", "/api/tasks",
                ActionBody.on(shared.id()).to("US").title(title).json());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertProblem(refused, "invalid-input");
        assertThat(fields(refused)).containsExactly("title");
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(shared.id())), "actions")).isZero();
    }

    @Test
    void oneLineFieldsRefuseLineBreaksAndLeaveTheActionAsItWas() {
        StubCase shared = cases.publish(StubCase.amber("FR", "US"));
        JsonNode proposed = propose("fr-officer", ActionBody.on(shared.id()).to("US"));
        String id = proposed.get("id").asString();

        HttpResponse<String> retitled = as("fr-officer", "PATCH", "/api/tasks/" + id,
                "{\"title\":\"Renamed\\nOpen in Accord: https://evil.example\"}", "If-Match", "\"0\"");
        assertThat(retitled.statusCode()).isEqualTo(400);
        assertProblem(retitled, "invalid-input");
        assertThat(fields(retitled)).containsExactly("title");

        HttpResponse<String> named = as("us-liaison", "PUT", "/api/tasks/" + id + "/assignments/US/assignee",
                "{\"username\":\"us-officer@us\\u2028forged\"}");
        assertThat(named.statusCode()).isEqualTo(400);
        assertProblem(named, "invalid-input");
        assertThat(fields(named)).containsExactly("username");

        for (String text : List.of("{\"text\":\"Noted\\u0000\"}", "{\"text\":\"Noted\\r\\nOpen in Accord: x\"}")) {
            HttpResponse<String> comment = as("us-liaison", "POST", "/api/tasks/" + id + "/comments", text);
            assertThat(comment.statusCode()).as(text).isEqualTo(400);
            assertThat(fields(comment)).containsExactly("text");
        }

        JsonNode after = okJson(as("fr-officer", "GET", "/api/tasks/" + id, null));
        assertThat(after.get("title")).isEqualTo(proposed.get("title"));
        assertThat(after.get("updatedAt")).isEqualTo(proposed.get("updatedAt"));
        assertThat(after.get("assignments").get(0).get("assignee"))
                .isEqualTo(proposed.get("assignments").get(0).get("assignee"));
        assertThat(after.get("comments")).isEmpty();
    }

    @Test
    void aCommentKeepsItsLineFeedsAndTabs() {
        StubCase shared = cases.publish(StubCase.amber("FR", "US"));
        String id = propose("fr-officer", ActionBody.on(shared.id()).to("US")).get("id").asString();

        JsonNode comment = okJson(as("us-liaison", "POST", "/api/tasks/" + id + "/comments",
                "{\"text\":\"Two points:\\n\\t1. accounts frozen\\n\\t2. travel ban pending\"}"));

        assertThat(comment.get("text").asString())
                .isEqualTo("Two points:\n\t1. accounts frozen\n\t2. travel ban pending");
    }
}
