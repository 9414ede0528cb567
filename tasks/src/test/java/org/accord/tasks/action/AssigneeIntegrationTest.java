package org.accord.tasks.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.accord.identity.testing.TokenClaims;
import org.accord.tasks.ActionBody;
import org.accord.tasks.StubCase;
import org.accord.tasks.TasksApi;
import org.accord.tasks.events.ActionEvent;
import org.accord.tasks.events.ActionEventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Naming who works on a country's assignment: only that country's liaison staff, and only a person the alliance
 * realm knows as a user of that country, looked up with the tasks service's own service account.
 */
class AssigneeIntegrationTest extends TasksApi {

    @Autowired
    MongoTemplate mongo;

    private StubCase stubCase;
    private String id;

    @BeforeEach
    void franceAsksTheUnitedStates() {
        stubCase = cases.publish(StubCase.amber("FR", "US", "CA"));
        id = propose("fr-officer", ActionBody.on(stubCase.id()).to("US")).get("id").asString();
    }

    private HttpResponse<String> name(String user, String country, String body) {
        return as(user, "PUT", "/api/tasks/" + id + "/assignments/" + country + "/assignee", body);
    }

    @ParameterizedTest
    @ValueSource(strings = { "us-officer", "us-analyst", "us-systems", "fr-liaison", "fr-officer" })
    void onlyTheAddressedCountrysLiaisonStaffNameTheAssignee(String user) {
        HttpResponse<String> response = name(user, "US", "{\"username\":\"us-officer@us\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertProblem(response, "forbidden");
        assertThat(mongo.findById(id, Action.class).version()).isZero();
    }

    @Test
    void anAssignmentTheCallerCannotSeeOrThatDoesNotExistIsNotFound() {
        HttpResponse<String> unrelated = name("ca-liaison", "US", "{\"username\":\"us-officer@us\"}");
        assertThat(unrelated.statusCode()).isEqualTo(404);
        assertProblem(unrelated, "not-found");

        HttpResponse<String> notAddressed = name("fr-liaison", "FR", "{\"username\":\"fr-officer@fr\"}");
        assertThat(notAddressed.statusCode()).isEqualTo(404);
        assertProblem(notAddressed, "not-found");

        cases.publish(stubCase.narrowedTo("CA"));
        HttpResponse<String> lostSight = name("us-liaison", "US", "{\"username\":\"us-officer@us\"}");
        assertThat(lostSight.statusCode()).isEqualTo(404);
        assertThat(mongo.findById(id, Action.class).version()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"username\":\" \"}", "{\"username\":null}", "{\"username\":42}",
            "{\"username\":\"us-officer@us\",\"country\":\"US\"}" })
    void aBadBodyIsRefused(String body) {
        HttpResponse<String> response = name("us-liaison", "US", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response, "invalid-input");
    }

    @Test
    void aUsernameTooLongIsRefused() {
        HttpResponse<String> response = name("us-liaison", "US", "{\"username\":\"" + "u".repeat(256) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("username");
    }

    @Test
    void nobodyIsNamedOnAFinishedAssignmentOrACancelledAction() {
        move("us-liaison", id, "US", "DECLINED", "Outside our remit.");
        HttpResponse<String> declined = name("us-liaison", "US", "{\"username\":\"us-officer@us\"}");
        assertThat(declined.statusCode()).isEqualTo(409);
        assertProblem(declined, "assignment-closed");

        String other = propose("fr-officer", ActionBody.on(stubCase.id()).to("US")).get("id").asString();
        okJson(as("fr-officer", "POST", "/api/tasks/" + other + "/cancellation", "{\"reason\":\"Withdrawn.\"}"));
        HttpResponse<String> cancelled = as("us-liaison", "PUT", "/api/tasks/" + other + "/assignments/US/assignee",
                "{\"username\":\"us-officer@us\"}");
        assertThat(cancelled.statusCode()).isEqualTo(409);
        assertProblem(cancelled, "action-cancelled");
    }

    /** The realm lets the tasks service account look users up, and only a user of the country is named. */
    @Test
    void aLiaisonNamesAUserOfItsCountryOnlyIfTheRealmConfirmsIt() {
        tokenOf("us-officer");
        tokenOf("fr-officer");

        HttpResponse<String> response = name("us-liaison", "US", "{\"username\":\"us-officer@us\"}");

        assertThat(serviceAccountMayViewUsers()).as("realm-management view-users and query-users").isTrue();
        JsonNode named = okJson(response);
        assertThat(named.get("assignments").get(0).get("assignee").asString()).isEqualTo("us-officer@us");
        ActionEvent event = mongo.findById(id, Action.class).outbox().get(1);
        assertThat(event.type()).isEqualTo(ActionEventType.AssigneeSet);
        assertThat(event.assignee()).isEqualTo("us-officer@us");
        assertThat(event.country()).isEqualTo("US");
        assertThat(ids(list("us-officer", "assignedToMe=true&caseId=" + stubCase.id()))).containsExactly(id);

        for (String stranger : List.of("fr-officer@fr", "fr-officer@us", "us-officer", "nobody-of-that-name@us")) {
            HttpResponse<String> refused = name("us-liaison", "US", "{\"username\":\"" + stranger + "\"}");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertProblem(refused, "unknown-assignee");
        }
    }

    @Test
    void assignedToMeFindsTheActionsWhoseAssignmentNamesTheCaller() {
        Action stored = mongo.findById(id, Action.class);
        mongo.save(stored.withAssignment("US", a -> a.assignedTo("us-officer@us", "us-liaison@us", Instant.now())));
        String scope = "caseId=" + stubCase.id();

        assertThat(ids(list("us-officer", scope + "&assignedToMe=true"))).containsExactly(id);
        assertThat(ids(list("us-liaison", scope + "&assignedToMe=true"))).isEmpty();
        assertThat(ids(list("us-officer", scope + "&assignedToMe=true&country=US"))).containsExactly(id);
        assertThat(ids(list("us-officer", scope + "&assignedToMe=true&country=CA"))).isEmpty();
        assertThat(ids(list("us-officer", scope + "&assignedToMe=true&status=PROPOSED"))).containsExactly(id);
        assertThat(ids(list("us-officer", scope + "&assignedToMe=true&status=ACCEPTED"))).isEmpty();
    }

    private static boolean serviceAccountMayViewUsers() {
        JsonNode claims = parse(TokenClaims.payload(logins().serviceToken("tasks")));
        JsonNode roles = claims.path("resource_access").path("realm-management").path("roles");
        boolean view = false;
        boolean query = false;
        for (JsonNode role : roles) {
            view |= role.asString().equals("view-users");
            query |= role.asString().equals("query-users");
        }
        return view && query;
    }
}
