package org.accord.tasks.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.accord.tasks.ActionBody;
import org.accord.tasks.StubCase;
import org.accord.tasks.TasksApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The operations an action and an assignment answer follow its state as the calls do: in every status of the
 * workflow, on an open and a cancelled action, the moves and the naming of an assignee the addressed country's
 * liaison is offered are exactly those that then succeed, and so are editing, cancelling and commenting for the
 * requesting country's officer.
 */
class WorkflowOperationsIntegrationTest extends TasksApi {

    private static final String ADDRESSED = "US";

    @ParameterizedTest(name = "{0}, action cancelled {1}")
    @CsvSource({
            "'', false", "'', true",
            "ACCEPTED, false", "ACCEPTED, true",
            "DECLINED, false",
            "ACCEPTED IN_PROGRESS, false",
            "ACCEPTED IN_PROGRESS BLOCKED, false",
            "ACCEPTED IN_PROGRESS DONE, false", "ACCEPTED IN_PROGRESS DONE, true" })
    void theOperationsAnsweredAreTheCallsThatSucceed(String path, boolean cancelled) {
        StubCase stubCase = cases.publish(StubCase.amber("FR", ADDRESSED));
        List<String> steps = path.isBlank() ? List.of() : List.of(path.trim().split("\\s+"));

        Set<AssignmentOperation> offered = EnumSet.noneOf(AssignmentOperation.class);
        okJson(as("us-liaison", "GET", "/api/tasks/" + actionIn(stubCase, steps, cancelled), null))
                .get("assignments").get(0).get("allowedOperations")
                .forEach(operation -> offered.add(AssignmentOperation.valueOf(operation.asString())));
        Set<AssignmentOperation> succeeded = EnumSet.noneOf(AssignmentOperation.class);
        for (AssignmentOperation operation : AssignmentOperation.values()) {
            String id = actionIn(stubCase, steps, cancelled);
            HttpResponse<String> response = operation.to()
                    .map(to -> move("us-liaison", id, ADDRESSED, to.name(), to.needsReason() ? "Waiting." : null))
                    .orElseGet(() -> as("us-liaison", "PUT", "/api/tasks/" + id + "/assignments/" + ADDRESSED
                            + "/assignee", "{\"username\":\"us-officer@us\"}"));
            assertThat(response.statusCode()).as("%s: %s", operation, response.body()).isIn(200, 409);
            if (response.statusCode() == 200) {
                succeeded.add(operation);
            }
        }
        assertThat(succeeded).as("after %s", steps).isEqualTo(offered);

        Set<ActionOperation> offeredOnAction = EnumSet.noneOf(ActionOperation.class);
        okJson(as("fr-officer", "GET", "/api/tasks/" + actionIn(stubCase, steps, cancelled), null))
                .get("allowedOperations")
                .forEach(operation -> offeredOnAction.add(ActionOperation.valueOf(operation.asString())));
        Set<ActionOperation> succeededOnAction = EnumSet.noneOf(ActionOperation.class);
        for (ActionOperation operation : ActionOperation.values()) {
            String action = "/api/tasks/" + actionIn(stubCase, steps, cancelled);
            HttpResponse<String> response = switch (operation) {
                case EDIT -> as("fr-officer", "PATCH", action, "{\"priority\":\"URGENT\"}");
                case CANCEL -> as("fr-officer", "POST", action + "/cancellation", "{\"reason\":\"Overtaken.\"}");
                case COMMENT -> as("fr-officer", "POST", action + "/comments", "{\"text\":\"Noted.\"}");
            };
            assertThat(response.statusCode()).as("%s: %s", operation, response.body()).isIn(200, 201, 409);
            if (response.statusCode() < 300) {
                succeededOnAction.add(operation);
            }
        }
        assertThat(succeededOnAction).isEqualTo(offeredOnAction);
    }

    /** A fresh action of France addressed to the United States, its assignment moved along {@code steps}. */
    private String actionIn(StubCase stubCase, List<String> steps, boolean cancelled) {
        String id = propose("fr-officer", ActionBody.on(stubCase.id()).to(ADDRESSED)).get("id").asString();
        for (String step : steps) {
            String reason = AssignmentStatus.valueOf(step).needsReason() ? "Not now." : null;
            assertThat(move("us-officer", id, ADDRESSED, step, reason).statusCode()).isEqualTo(200);
        }
        if (cancelled) {
            assertThat(as("fr-officer", "POST", "/api/tasks/" + id + "/cancellation", "{\"reason\":\"Overtaken.\"}")
                    .statusCode()).isEqualTo(200);
        }
        return id;
    }
}
