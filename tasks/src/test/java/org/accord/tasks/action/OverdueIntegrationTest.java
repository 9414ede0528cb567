package org.accord.tasks.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

import org.accord.tasks.ActionBody;
import org.accord.tasks.StubCase;
import org.accord.tasks.TasksApi;
import org.accord.tasks.events.ActionEvent;
import org.accord.tasks.events.ActionEventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/** Assignments still open after the due date: shown as overdue, found by the list, reported once. */
class OverdueIntegrationTest extends TasksApi {

    private static final Duration SHORT_TERM = Duration.ofSeconds(3);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OverdueSweep sweep;

    @BeforeEach
    void signInFirst() {
        // Sign-ins take their time; the short terms below are measured without them.
        List.of("fr-officer", "us-officer", "us-liaison", "ca-liaison", "gb-liaison", "gb-officer", "de-officer")
                .forEach(TasksApi::tokenOf);
    }

    @Test
    void anOpenAssignmentPastTheDueDateIsOverdueAndReportedOnce() throws Exception {
        StubCase shared = cases.publish(StubCase.amber("FR", "US", "CA", "GB"));
        String id = propose("fr-officer", ActionBody.on(shared.id()).to("US", "CA", "GB")
                .set("dueDate", dueIn(SHORT_TERM))).get("id").asString();
        move("ca-liaison", id, "CA", "DECLINED", "Not in our remit.");
        move("gb-liaison", id, "GB", "ACCEPTED", null);
        String scope = "caseId=" + shared.id();
        assertThat(ids(list("fr-officer", scope + "&overdue=true"))).isEmpty();
        sweep.sweep();
        assertThat(overdueEvents(id)).isEmpty();

        waitFor(SHORT_TERM);

        JsonNode action = okJson(as("us-officer", "GET", "/api/tasks/" + id, null));
        assertThat(action.get("overdue").asBoolean()).isTrue();
        assertThat(overdue(action)).containsExactly("US", "GB");
        assertThat(ids(list("fr-officer", scope + "&overdue=true"))).containsExactly(id);
        assertThat(ids(list("fr-officer", scope + "&overdue=true&country=US"))).containsExactly(id);
        assertThat(ids(list("fr-officer", scope + "&overdue=true&country=CA"))).as("declined is not owed").isEmpty();
        assertThat(ids(list("fr-officer", scope + "&overdue=true&status=DECLINED"))).isEmpty();
        assertThat(ids(list("fr-officer", scope + "&overdue=true&status=ACCEPTED"))).containsExactly(id);

        sweep.sweep();
        sweep.sweep();

        List<ActionEvent> reported = overdueEvents(id);
        assertThat(reported).extracting(ActionEvent::country).containsExactlyInAnyOrder("US", "GB");
        assertThat(reported).allSatisfy(event -> {
            assertThat(event.actor()).isNull();
            assertThat(event.dueDate()).isEqualTo(Instant.parse(action.get("dueDate").asString()));
        });
        Action stored = mongo.findById(id, Action.class);
        assertThat(stored.outbox()).extracting(ActionEvent::sequence)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(stored.updatedBy()).as("the sweep is no user's change").isEqualTo("gb-liaison@gb");

        move("us-liaison", id, "US", "ACCEPTED", null);
        move("gb-liaison", id, "GB", "IN_PROGRESS", null);
        move("gb-liaison", id, "GB", "DONE", null);
        sweep.sweep();
        assertThat(overdueEvents(id)).as("still owed by the US, but already reported").hasSize(2);
        assertThat(overdue(okJson(as("us-officer", "GET", "/api/tasks/" + id, null)))).containsExactly("US");
    }

    @Test
    void aNewDueDateStartsANewTerm() throws Exception {
        StubCase shared = cases.publish(StubCase.amber("DE", "GB"));
        String id = propose("de-officer", ActionBody.on(shared.id()).to("GB").set("dueDate", dueIn(SHORT_TERM)))
                .get("id").asString();
        waitFor(SHORT_TERM);
        sweep.sweep();
        assertThat(overdueEvents(id)).hasSize(1);

        okJson(as("de-officer", "PATCH", "/api/tasks/" + id, "{\"dueDate\":\"" + dueIn(SHORT_TERM) + "\"}"));
        assertThat(overdue(okJson(as("gb-officer", "GET", "/api/tasks/" + id, null)))).isEmpty();
        sweep.sweep();
        assertThat(overdueEvents(id)).hasSize(1);

        waitFor(SHORT_TERM);
        sweep.sweep();
        assertThat(overdueEvents(id)).hasSize(2);
    }

    @Test
    void aCancelledActionIsOwedByNobody() throws Exception {
        StubCase shared = cases.publish(StubCase.amber("DE", "GB"));
        String id = propose("de-officer", ActionBody.on(shared.id()).to("GB").set("dueDate", dueIn(SHORT_TERM)))
                .get("id").asString();
        okJson(as("de-officer", "POST", "/api/tasks/" + id + "/cancellation", "{\"reason\":\"Overtaken.\"}"));
        waitFor(SHORT_TERM);

        sweep.sweep();

        assertThat(overdueEvents(id)).isEmpty();
        assertThat(okJson(as("gb-officer", "GET", "/api/tasks/" + id, null)).get("overdue").asBoolean()).isFalse();
        assertThat(ids(list("gb-officer", "caseId=" + shared.id() + "&overdue=true"))).isEmpty();
    }

    @Test
    void sweepsRunningAtOnceReportEachAssignmentOnce() throws Exception {
        StubCase shared = cases.publish(StubCase.amber("US", "CA", "GB", "FR"));
        String id = propose("us-officer", ActionBody.on(shared.id()).to("CA", "GB", "FR")
                .set("dueDate", dueIn(SHORT_TERM))).get("id").asString();
        waitFor(SHORT_TERM);

        List<CompletableFuture<Integer>> sweeps = List.of(CompletableFuture.supplyAsync(sweep::sweep),
                CompletableFuture.supplyAsync(sweep::sweep), CompletableFuture.supplyAsync(sweep::sweep));
        for (CompletableFuture<Integer> running : sweeps) {
            running.get();
        }
        sweep.sweep();

        assertThat(overdueEvents(id)).extracting(ActionEvent::country).containsExactlyInAnyOrder("CA", "GB", "FR");
    }

    private List<ActionEvent> overdueEvents(String id) {
        return mongo.findById(id, Action.class).outbox().stream()
                .filter(event -> event.type() == ActionEventType.ActionOverdue)
                .toList();
    }

    private static List<String> overdue(JsonNode action) {
        return StreamSupport.stream(action.get("assignments").spliterator(), false)
                .filter(assignment -> assignment.get("overdue").asBoolean())
                .map(assignment -> assignment.get("country").asString())
                .toList();
    }

    private static String dueIn(Duration term) {
        return Instant.now().plus(term).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static void waitFor(Duration term) throws InterruptedException {
        Thread.sleep(term.plusMillis(300).toMillis());
    }
}
