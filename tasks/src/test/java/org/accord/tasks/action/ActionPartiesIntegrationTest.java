package org.accord.tasks.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.accord.tasks.ActionBody;
import org.accord.tasks.StubCase;
import org.accord.tasks.TasksApi;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /internal/actions/{id}/parties}: notifications learns an action's case and countries from tasks rather
 * than from the events it is handed; every other caller is refused, whatever the action.
 */
class ActionPartiesIntegrationTest extends TasksApi {

    @Test
    void notificationsLearnsTheActionsCaseAndCountriesAsTasksKeepsThem() {
        StubCase stubCase = cases.publish(StubCase.amber("FR", "CA", "DE"));
        String actionId = propose("fr-officer", ActionBody.on(stubCase.id()).to("CA", "DE")).get("id").asString();

        HttpResponse<String> answer = send("GET", "/internal/actions/" + actionId + "/parties",
                logins().serviceToken("notifications"), null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode parties = parse(answer.body());
        assertThat(parties.get("actionId").asString()).isEqualTo(actionId);
        assertThat(parties.get("caseId").asString()).isEqualTo(stubCase.id());
        assertThat(parties.get("requestingCountry").asString()).isEqualTo("FR");
        assertThat(parties.get("countries").toString()).isEqualTo("[\"CA\",\"DE\"]");
        assertThat(parties.get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void onlyNotificationsMayAskAndAnUnknownActionIsNotFound() {
        StubCase stubCase = cases.publish(StubCase.amber("FR", "CA"));
        String actionId = propose("fr-officer", ActionBody.on(stubCase.id()).to("CA")).get("id").asString();
        String path = "/internal/actions/" + actionId + "/parties";

        for (String token : List.of(logins().serviceToken("cases"), logins().serviceToken("tasks"),
                logins().operatorToken(), tokenOf("fr-officer"), tokenOf("ca-systems"))) {
            HttpResponse<String> refused = send("GET", path, token, null);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertProblem(refused, "forbidden");
            assertThat(refused.body()).doesNotContain(stubCase.id());
        }
        assertThat(send("GET", path, null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> missing = send("GET", "/internal/actions/" + new ObjectId().toHexString() + "/parties",
                logins().serviceToken("notifications"), null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertProblem(missing, "not-found");
    }
}
