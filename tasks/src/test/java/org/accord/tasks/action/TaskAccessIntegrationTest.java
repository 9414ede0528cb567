package org.accord.tasks.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.accord.tasks.ActionBody;
import org.accord.tasks.StubCase;
import org.accord.tasks.TasksApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Who may do what with a coordinated action, for every endpoint, every role, the requesting, the addressed and an
 * unrelated country, with the action's case visible or not. The case is AMBER, France's, shared with the United States
 * and Canada; the action is France's, addressed to the United States. Great Britain never sees the case; in the
 * "hidden" rows cases stops showing it to anybody once the action exists. Before each call the caller reads what it
 * is answered it may do; the call succeeds exactly when that answer offered it.
 */
class TaskAccessIntegrationTest extends TasksApi {

    @Autowired
    MongoTemplate mongo;

    enum Endpoint {
        READ, LIST, PROPOSE, EDIT, CANCEL, MOVE, NAME_ASSIGNEE, COMMENT
    }

    enum Role {
        OFFICER, LIAISON, ANALYST, SYSTEMS;

        String user(String country) {
            return country.toLowerCase() + "-" + name().toLowerCase();
        }
    }

    /** What the caller notices. */
    enum Outcome {
        GRANTED, FORBIDDEN, HIDDEN, UNKNOWN_CASE
    }

    private static final String REQUESTING = "FR";
    private static final String ADDRESSED = "US";
    private static final String UNRELATED_SEEING_THE_CASE = "CA";
    private static final String UNRELATED_BLIND = "GB";

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (String country : List.of(REQUESTING, ADDRESSED, UNRELATED_SEEING_THE_CASE, UNRELATED_BLIND)) {
                for (Role role : Role.values()) {
                    if (role == Role.SYSTEMS && (country.equals(UNRELATED_SEEING_THE_CASE)
                            || country.equals(UNRELATED_BLIND))) {
                        continue;
                    }
                    for (boolean caseVisible : new boolean[] { true, false }) {
                        rows.add(Arguments.of(endpoint, role, country, caseVisible,
                                expected(endpoint, role, country, caseVisible)));
                    }
                }
            }
        }
        return rows.stream();
    }

    /** The rules of the API contract, written out once more, independently of the service. */
    static Outcome expected(Endpoint endpoint, Role role, String country, boolean caseVisible) {
        boolean seesCase = caseVisible && !country.equals(UNRELATED_BLIND);
        boolean party = country.equals(REQUESTING) || country.equals(ADDRESSED);
        boolean writer = role != Role.ANALYST;
        if (endpoint == Endpoint.PROPOSE) {
            return !writer ? Outcome.FORBIDDEN : seesCase ? Outcome.GRANTED : Outcome.UNKNOWN_CASE;
        }
        if (!party || !seesCase) {
            return Outcome.HIDDEN;
        }
        return switch (endpoint) {
            case READ, LIST -> Outcome.GRANTED;
            case EDIT, CANCEL -> writer && country.equals(REQUESTING) ? Outcome.GRANTED : Outcome.FORBIDDEN;
            case MOVE -> writer && country.equals(ADDRESSED) ? Outcome.GRANTED : Outcome.FORBIDDEN;
            case NAME_ASSIGNEE -> role == Role.LIAISON && country.equals(ADDRESSED) ? Outcome.GRANTED
                    : Outcome.FORBIDDEN;
            case COMMENT -> writer ? Outcome.GRANTED : Outcome.FORBIDDEN;
            case PROPOSE -> throw new IllegalStateException();
        };
    }

    @ParameterizedTest(name = "{0} as {1} of {2}, case visible {3} → {4}")
    @MethodSource("table")
    void accessFollowsTheRules(Endpoint endpoint, Role role, String country, boolean caseVisible,
            Outcome expected) {
        StubCase stubCase = cases.publish(StubCase.amber(REQUESTING, ADDRESSED, UNRELATED_SEEING_THE_CASE));
        String id = propose("fr-officer", ActionBody.on(stubCase.id()).to(ADDRESSED)).get("id").asString();
        if (!caseVisible) {
            cases.publish(stubCase.hiddenFromEverybody());
        }
        String user = role.user(country);
        String action = "/api/tasks/" + id;
        List<String> answered = operationsAnswered(user, id, stubCase.id());

        HttpResponse<String> response = switch (endpoint) {
            case READ -> as(user, "GET", action, null);
            case LIST -> as(user, "GET", "/api/tasks?caseId=" + stubCase.id(), null);
            case PROPOSE -> as(user, "POST", "/api/tasks", ActionBody.on(stubCase.id()).to(ADDRESSED).json());
            case EDIT -> as(user, "PATCH", action, "{\"priority\":\"URGENT\"}");
            case CANCEL -> as(user, "POST", action + "/cancellation", "{\"reason\":\"No longer needed.\"}");
            case MOVE -> move(user, id, ADDRESSED, "ACCEPTED", null);
            case NAME_ASSIGNEE -> as(user, "PUT", action + "/assignments/" + ADDRESSED + "/assignee",
                    "{\"username\":\"us-officer@us\"}");
            case COMMENT -> as(user, "POST", action + "/comments", "{\"text\":\"Noted.\"}");
        };

        String operation = switch (endpoint) {
            case READ, LIST -> null;
            case PROPOSE -> "list:PROPOSE";
            case EDIT -> "action:EDIT";
            case CANCEL -> "action:CANCEL";
            case COMMENT -> "action:COMMENT";
            case MOVE -> ADDRESSED + ":ACCEPT";
            case NAME_ASSIGNEE -> ADDRESSED + ":ASSIGN";
        };
        if (operation != null) {
            assertThat(answered.contains(operation))
                    .as("%s answered %s; the call answered %s", operation, answered, response.statusCode())
                    .isEqualTo(response.statusCode() < 300);
        }
        if (endpoint == Endpoint.LIST) {
            assertThat(response.statusCode()).isEqualTo(200);
            List<String> listed = ids(parse(response.body()));
            if (expected == Outcome.GRANTED) {
                assertThat(listed).containsExactly(id);
                assertThat(parse(response.body()).get("totalItems").asLong()).isEqualTo(1);
            } else {
                assertThat(listed).isEmpty();
                assertThat(parse(response.body()).get("totalItems").asLong()).isZero();
            }
            return;
        }
        switch (expected) {
            case GRANTED -> assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
            case FORBIDDEN -> {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
                assertProblem(response, "forbidden");
            }
            case HIDDEN -> {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
                assertProblem(response, "not-found");
                assertThat(response.body()).doesNotContain(stubCase.id());
            }
            case UNKNOWN_CASE -> {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
                assertProblem(response, "unknown-case");
            }
        }
        if (expected != Outcome.GRANTED && endpoint != Endpoint.READ
                && endpoint != Endpoint.PROPOSE) {
            assertThat(mongo.findById(id, Action.class).version()).as("a refused change changes nothing").isZero();
        }
    }

    /**
     * Every operation the caller is answered, before it calls: the case's action list's ({@code list:PROPOSE}), the
     * action's ({@code action:EDIT}) and each assignment's ({@code US:ACCEPT}); the single action's and the listed
     * one's must agree.
     */
    private List<String> operationsAnswered(String user, String actionId, String caseId) {
        List<String> answered = new ArrayList<>();
        JsonNode page = okJson(as(user, "GET", "/api/tasks?caseId=" + caseId, null));
        page.get("allowedOperations").forEach(operation -> answered.add("list:" + operation.asString()));
        HttpResponse<String> read = as(user, "GET", "/api/tasks/" + actionId, null);
        if (read.statusCode() == 404) {
            assertThat(ids(page)).isEmpty();
            return answered;
        }
        JsonNode action = okJson(read);
        action.get("allowedOperations").forEach(operation -> answered.add("action:" + operation.asString()));
        action.get("assignments").forEach(assignment -> assignment.get("allowedOperations").forEach(
                operation -> answered.add(assignment.get("country").asString() + ":" + operation.asString())));
        JsonNode listed = page.get("items").get(0);
        assertThat(listed.get("allowedOperations")).as("listed as answered")
                .isEqualTo(action.get("allowedOperations"));
        for (int i = 0; i < action.get("assignments").size(); i++) {
            assertThat(listed.get("assignments").get(i).get("allowedOperations")).as("listed as answered")
                    .isEqualTo(action.get("assignments").get(i).get("allowedOperations"));
        }
        return answered;
    }
}
