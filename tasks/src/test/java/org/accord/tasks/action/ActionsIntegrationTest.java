package org.accord.tasks.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.accord.tasks.ActionBody;
import org.accord.tasks.StubCase;
import org.accord.tasks.TasksApi;
import org.accord.tasks.events.ActionEvent;
import org.accord.tasks.events.ActionEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/** Coordinated actions as allies use them: proposing, each country's workflow, the per-case view, bad requests. */
class ActionsIntegrationTest extends TasksApi {

    @Autowired
    MongoTemplate mongo;

    @Test
    void aJointSanctionsDesignationShowsWhoAdoptedItAndWhoDeclined() {
        StubCase sharedWithThree = cases.publish(StubCase.amber("FR", "US", "CA", "GB"));

        HttpResponse<String> created = as("fr-officer", "POST", "/api/tasks",
                ActionBody.on(sharedWithThree.id()).type("SANCTIONS_DESIGNATION").to("US", "CA", "GB").json());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode action = parse(created.body());
        String id = action.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/tasks/" + id);
        assertThat(action.get("requestingCountry").asString()).isEqualTo("FR");
        assertThat(action.get("createdBy").asString()).isEqualTo("fr-officer@fr");
        assertThat(action.get("status").asString()).isEqualTo("OPEN");
        assertThat(statuses(action)).containsExactly(Map.entry("US", "PROPOSED"), Map.entry("CA", "PROPOSED"),
                Map.entry("GB", "PROPOSED"));

        assertThat(move("ca-liaison", id, "CA", "ACCEPTED", null).statusCode()).isEqualTo(200);
        assertThat(move("gb-officer", id, "GB", "DECLINED", "Our designation regime does not cover militias yet.")
                .statusCode()).isEqualTo(200);
        assertThat(move("us-liaison", id, "US", "ACCEPTED", null).statusCode()).isEqualTo(200);
        assertThat(move("us-officer", id, "US", "IN_PROGRESS", null).statusCode()).isEqualTo(200);
        HttpResponse<String> done = move("us-liaison", id, "US", "DONE", null);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);

        JsonNode perCase = list("fr-analyst", "caseId=" + sharedWithThree.id());
        assertThat(ids(perCase)).containsExactly(id);
        JsonNode listed = perCase.get("items").get(0);
        assertThat(statuses(listed)).containsExactly(Map.entry("US", "DONE"), Map.entry("CA", "ACCEPTED"),
                Map.entry("GB", "DECLINED"));
        assertThat(assignment(listed, "GB").get("reason").asString())
                .isEqualTo("Our designation regime does not cover militias yet.");
        assertThat(assignment(listed, "GB").has("history")).as("lists carry no histories").isFalse();

        JsonNode seenByCanada = okJson(as("ca-analyst", "GET", "/api/tasks/" + id, null));
        assertThat(statuses(seenByCanada)).isEqualTo(statuses(listed));
        JsonNode usHistory = assignment(seenByCanada, "US").get("history");
        assertThat(usHistory).hasSize(3);
        assertThat(usHistory.get(0).get("from").asString()).isEqualTo("PROPOSED");
        assertThat(usHistory.get(0).get("to").asString()).isEqualTo("ACCEPTED");
        assertThat(usHistory.get(0).get("by").asString()).isEqualTo("us-liaison@us");
        assertThat(usHistory.get(1).get("by").asString()).isEqualTo("us-officer@us");
        assertThat(usHistory.get(2).get("to").asString()).isEqualTo("DONE");
        assertThat(Instant.parse(usHistory.get(2).get("at").asString()))
                .isAfterOrEqualTo(Instant.parse(usHistory.get(0).get("at").asString()));

        HttpResponse<String> hiddenFromGermany = as("de-officer", "GET", "/api/tasks/" + id, null);
        assertThat(hiddenFromGermany.statusCode()).isEqualTo(404);
        assertProblem(hiddenFromGermany, "not-found");
        assertThat(ids(list("de-officer", "caseId=" + sharedWithThree.id()))).isEmpty();

        HttpResponse<String> addressedToGermany = as("fr-officer", "POST", "/api/tasks",
                ActionBody.on(sharedWithThree.id()).to("US", "DE").json());
        assertThat(addressedToGermany.statusCode()).isEqualTo(422);
        assertProblem(addressedToGermany, "country-cannot-see-case");
        assertThat(parse(addressedToGermany.body()).get("countries").toString()).isEqualTo("[\"DE\"]");
        assertThat(parse(addressedToGermany.body()).get("detail").asString()).contains("DE");
    }

    @Test
    void everyChangeRecordsItsEventInTheSameDocument() {
        StubCase shared = cases.publish(StubCase.amber("FR", "US", "CA"));
        String id = propose("fr-officer", ActionBody.on(shared.id()).to("US", "CA")).get("id").asString();
        move("us-liaison", id, "US", "ACCEPTED", null);
        move("ca-officer", id, "CA", "DECLINED", "No legal basis.");
        okJson(as("fr-officer", "POST", "/api/tasks/" + id + "/comments", "{\"text\":\"Thanks, Canada.\"}"));

        Action stored = mongo.findById(id, Action.class);

        assertThat(stored.outbox()).extracting(ActionEvent::type).containsExactly(ActionEventType.ActionProposed,
                ActionEventType.AssignmentChanged, ActionEventType.AssignmentChanged, ActionEventType.CommentAdded);
        assertThat(stored.outbox()).extracting(ActionEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(stored.eventSequence()).isEqualTo(4);
        assertThat(stored.outbox()).allSatisfy(event -> {
            assertThat(UUID.fromString(event.id())).isNotNull();
            assertThat(event.actionId()).isEqualTo(id);
            assertThat(event.caseId()).isEqualTo(shared.id());
        });
        assertThat(new HashSet<>(stored.outbox().stream().map(ActionEvent::id).toList())).hasSize(4);
        ActionEvent proposed = stored.outbox().get(0);
        assertThat(proposed.countries()).containsExactly("US", "CA");
        assertThat(proposed.actor()).isEqualTo("fr-officer@fr");
        assertThat(proposed.actorCountry()).isEqualTo("FR");
        ActionEvent declined = stored.outbox().get(2);
        assertThat(declined.country()).isEqualTo("CA");
        assertThat(declined.from()).isEqualTo("PROPOSED");
        assertThat(declined.to()).isEqualTo("DECLINED");
        assertThat(declined.reason()).isEqualTo("No legal basis.");
        assertThat(stored.outbox().get(3).commentId()).isEqualTo(stored.comments().get(0).id());

        Action again = mongo.findById(id, Action.class);
        assertThat(again.outbox()).extracting(ActionEvent::id)
                .as("ids are given once, at the write, and stay").isEqualTo(stored.outbox().stream()
                        .map(ActionEvent::id).toList());
    }

    @Test
    void changesMadeAtOnceEachRecordOneEventNumberedWithoutGaps() throws Exception {
        StubCase shared = cases.publish(StubCase.green("FR"));
        String id = propose("fr-officer", ActionBody.on(shared.id()).to("US", "CA", "GB", "DE")).get("id")
                .asString();
        List<String> movers = List.of("us-liaison", "ca-liaison", "gb-liaison", "de-liaison");
        movers.forEach(TasksApi::tokenOf);

        List<CompletableFuture<HttpResponse<String>>> running = movers.stream()
                .map(user -> CompletableFuture.supplyAsync(() -> move(user, id,
                        user.substring(0, 2).toUpperCase(), "ACCEPTED", null)))
                .toList();
        List<Integer> answers = running.stream().map(CompletableFuture::join)
                .map(HttpResponse::statusCode).toList();

        assertThat(answers).isSubsetOf(200, 409);
        Action stored = mongo.findById(id, Action.class);
        long accepted = answers.stream().filter(status -> status == 200).count();
        assertThat(stored.assignments().stream().filter(a -> a.status() == AssignmentStatus.ACCEPTED).count())
                .isEqualTo(accepted);
        assertThat(stored.outbox()).hasSize(1 + (int) accepted);
        assertThat(stored.outbox()).extracting(ActionEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 1 + accepted).boxed().toList());
        assertThat(stored.eventSequence()).isEqualTo(1 + accepted);
    }

    @Test
    void assignmentsMoveOnlyAlongTheWorkflow() {
        StubCase shared = cases.publish(StubCase.amber("FR", "US"));
        String id = propose("fr-officer", ActionBody.on(shared.id()).to("US")).get("id").asString();

        HttpResponse<String> skipping = move("us-officer", id, "US", "DONE", null);
        assertThat(skipping.statusCode()).isEqualTo(409);
        assertProblem(skipping, "illegal-transition");

        assertThat(move("us-officer", id, "US", "ACCEPTED", null).statusCode()).isEqualTo(200);
        assertThat(move("us-officer", id, "US", "ACCEPTED", null).statusCode()).isEqualTo(409);
        assertThat(move("us-officer", id, "US", "IN_PROGRESS", null).statusCode()).isEqualTo(200);
        HttpResponse<String> blocked = move("us-officer", id, "US", "BLOCKED", "Waiting for the legal opinion.");
        assertThat(blocked.statusCode()).isEqualTo(200);
        assertThat(assignment(parse(blocked.body()), "US").get("reason").asString())
                .isEqualTo("Waiting for the legal opinion.");
        assertThat(move("us-officer", id, "US", "DONE", null).statusCode()).isEqualTo(409);
        HttpResponse<String> resumed = move("us-officer", id, "US", "IN_PROGRESS", null);
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(assignment(parse(resumed.body()), "US").get("reason").isNull()).isTrue();
        assertThat(move("us-officer", id, "US", "DONE", null).statusCode()).isEqualTo(200);

        HttpResponse<String> afterDone = move("us-officer", id, "US", "IN_PROGRESS", null);
        assertThat(afterDone.statusCode()).isEqualTo(409);
        assertProblem(afterDone, "illegal-transition");
        assertThat(statuses(okJson(as("us-officer", "GET", "/api/tasks/" + id, null)))).containsEntry("US", "DONE");
    }

    @Test
    void decliningOrBlockingNeedsAReason() {
        StubCase shared = cases.publish(StubCase.amber("FR", "US"));
        String id = propose("fr-officer", ActionBody.on(shared.id()).to("US")).get("id").asString();

        for (String reason : new String[] { null, "  " }) {
            HttpResponse<String> response = move("us-liaison", id, "US", "DECLINED", reason);
            assertThat(response.statusCode()).isEqualTo(400);
            assertProblem(response, "invalid-input");
            assertThat(fields(response)).containsExactly("reason");
        }
        assertThat(statuses(okJson(as("us-liaison", "GET", "/api/tasks/" + id, null)))).containsEntry("US",
                "PROPOSED");
    }

    @Test
    void aCountryThatLosesSightOfTheCaseLosesSightOfItsActions() {
        StubCase shared = cases.publish(StubCase.amber("FR", "US", "CA"));
        String id = propose("fr-officer", ActionBody.on(shared.id()).to("US", "CA")).get("id").asString();
        assertThat(as("ca-officer", "GET", "/api/tasks/" + id, null).statusCode()).isEqualTo(200);
        assertThat(ids(list("ca-officer", "caseId=" + shared.id()))).containsExactly(id);
        long canadaTotal = list("ca-officer", "size=100").get("totalItems").asLong();

        cases.publish(shared.narrowedTo("US"));

        HttpResponse<String> hidden = as("ca-officer", "GET", "/api/tasks/" + id, null);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertProblem(hidden, "not-found");
        assertThat(ids(list("ca-officer", "caseId=" + shared.id()))).isEmpty();
        JsonNode canadaList = list("ca-officer", "size=100");
        assertThat(ids(canadaList)).doesNotContain(id);
        assertThat(canadaList.get("totalItems").asLong()).isEqualTo(canadaTotal - 1);
        assertThat(move("ca-officer", id, "CA", "ACCEPTED", null).statusCode()).isEqualTo(404);
        assertThat(as("us-officer", "GET", "/api/tasks/" + id, null).statusCode()).isEqualTo(200);
        assertThat(as("fr-officer", "GET", "/api/tasks/" + id, null).statusCode()).isEqualTo(200);
    }

    @Test
    void listsNeitherShowNorCountActionsOnCasesTheCallerCannotSee() {
        StubCase visible = cases.publish(StubCase.amber("GB", "DE"));
        StubCase hidden = cases.publish(StubCase.amber("GB", "DE"));
        List<String> onVisible = Stream.of(1, 2, 3)
                .map(i -> propose("gb-officer", ActionBody.on(visible.id()).to("DE").title("Visible " + i))
                        .get("id").asString())
                .toList();
        List<String> onHidden = Stream.of(1, 2)
                .map(i -> propose("gb-officer", ActionBody.on(hidden.id()).to("DE").title("Hidden " + i))
                        .get("id").asString())
                .toList();
        long before = list("de-analyst", "country=DE&size=100").get("totalItems").asLong();
        cases.publish(hidden.narrowedTo());

        JsonNode first = list("de-analyst", "country=DE&page=0&size=2");
        JsonNode all = list("de-analyst", "country=DE&size=100");

        assertThat(all.get("totalItems").asLong()).isEqualTo(before - 2);
        assertThat(first.get("totalItems").asLong()).isEqualTo(before - 2);
        assertThat(ids(all)).containsAll(onVisible).doesNotContainAnyElementsOf(onHidden);
        assertThat(ids(first)).containsExactly(onVisible.get(2), onVisible.get(1));
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(ids(list("gb-officer", "caseId=" + hidden.id()))).containsExactlyElementsOf(
                List.of(onHidden.get(1), onHidden.get(0)));
    }

    @Test
    void listFiltersSpeakOfOneAssignment() {
        StubCase shared = cases.publish(StubCase.green("US"));
        String declinedByCanada = propose("us-officer", ActionBody.on(shared.id()).to("CA", "GB")).get("id")
                .asString();
        String acceptedByCanada = propose("us-officer", ActionBody.on(shared.id()).to("CA", "GB")).get("id")
                .asString();
        move("ca-liaison", declinedByCanada, "CA", "DECLINED", "Not our priority.");
        move("gb-liaison", declinedByCanada, "GB", "ACCEPTED", null);
        move("ca-liaison", acceptedByCanada, "CA", "ACCEPTED", null);
        String scope = "caseId=" + shared.id();

        assertThat(ids(list("us-officer", scope + "&country=CA&status=DECLINED"))).containsExactly(declinedByCanada);
        assertThat(ids(list("us-officer", scope + "&country=CA&status=ACCEPTED"))).containsExactly(acceptedByCanada);
        assertThat(ids(list("us-officer", scope + "&status=ACCEPTED"))).containsExactly(acceptedByCanada,
                declinedByCanada);
        assertThat(ids(list("us-officer", scope + "&country=GB&status=PROPOSED"))).containsExactly(acceptedByCanada);
        assertThat(ids(list("us-officer", scope + "&country=DE"))).isEmpty();
        assertThat(list("us-officer", scope).get("totalItems").asLong()).isEqualTo(2);
        assertThat(ids(list("fr-officer", scope))).as("France is no party to them").isEmpty();
    }

    @Test
    void theRequestingCountryEditsAndCancels() {
        StubCase shared = cases.publish(StubCase.amber("FR", "US"));
        JsonNode proposed = propose("fr-officer", ActionBody.on(shared.id()).to("US"));
        String id = proposed.get("id").asString();
        Instant later = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        HttpResponse<String> edited = as("fr-liaison", "PATCH", "/api/tasks/" + id,
                "{\"title\":\"Designate the militia's financiers\",\"dueDate\":\"" + later + "\"}",
                "If-Match", "\"0\"");

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(edited.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode after = parse(edited.body());
        assertThat(after.get("title").asString()).isEqualTo("Designate the militia's financiers");
        assertThat(Instant.parse(after.get("dueDate").asString())).isEqualTo(later);
        assertThat(after.get("description").asString()).isEqualTo(proposed.get("description").asString());
        assertThat(after.get("updatedBy").asString()).isEqualTo("fr-liaison@fr");

        HttpResponse<String> stale = as("fr-officer", "PATCH", "/api/tasks/" + id, "{\"priority\":\"LOW\"}",
                "If-Match", "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertProblem(stale, "precondition-failed");
        assertThat(stale.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> cancelled = as("fr-officer", "POST", "/api/tasks/" + id + "/cancellation",
                "{\"reason\":\"Superseded by the EU listing.\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        JsonNode cancelledAction = parse(cancelled.body());
        assertThat(cancelledAction.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelledAction.get("cancellation").get("reason").asString())
                .isEqualTo("Superseded by the EU listing.");

        HttpResponse<String> moveAfterCancel = move("us-officer", id, "US", "ACCEPTED", null);
        assertThat(moveAfterCancel.statusCode()).isEqualTo(409);
        assertProblem(moveAfterCancel, "action-cancelled");
        assertThat(as("fr-officer", "PATCH", "/api/tasks/" + id, "{\"priority\":\"LOW\"}").statusCode())
                .isEqualTo(409);

        assertThat(mongo.findById(id, Action.class).outbox()).extracting(ActionEvent::type).containsExactly(
                ActionEventType.ActionProposed, ActionEventType.ActionUpdated, ActionEventType.ActionCancelled);
        assertThat(mongo.findById(id, Action.class).outbox().get(1).changedFields()).containsExactly("title",
                "dueDate");
    }

    @Test
    void everyPartyCommentsAndReadsTheComments() {
        StubCase shared = cases.publish(StubCase.amber("FR", "US"));
        String id = propose("fr-officer", ActionBody.on(shared.id()).to("US")).get("id").asString();

        HttpResponse<String> comment = as("us-liaison", "POST", "/api/tasks/" + id + "/comments",
                "{\"text\":\"Our Treasury needs the evidence annex.\"}");

        assertThat(comment.statusCode()).isEqualTo(201);
        JsonNode added = parse(comment.body());
        assertThat(added.get("author").asString()).isEqualTo("us-liaison@us");
        assertThat(added.get("country").asString()).isEqualTo("US");
        JsonNode seenByFrance = okJson(as("fr-analyst", "GET", "/api/tasks/" + id, null));
        assertThat(seenByFrance.get("comments")).hasSize(1);
        assertThat(seenByFrance.get("comments").get(0).get("text").asString())
                .isEqualTo("Our Treasury needs the evidence annex.");
        assertThat(seenByFrance.get("comments").get(0).get("id").asString()).isEqualTo(added.get("id").asString());
    }

    @Test
    void casesIsAskedWithTheCallersOwnToken() {
        StubCase shared = cases.publish(StubCase.amber("FR", "US"));
        String id = propose("fr-officer", ActionBody.on(shared.id()).to("US")).get("id").asString();

        as("us-analyst", "GET", "/api/tasks/" + id, null);

        assertThat(cases.bearersAsking(shared.id())).containsExactlyInAnyOrder("Bearer " + tokenOf("fr-officer"),
                "Bearer " + tokenOf("us-analyst"));
    }

    @Test
    void aCaseTheCallerCannotSeeCannotCarryItsActions() {
        StubCase notShared = cases.publish(StubCase.amber("GB"));
        long stored = mongo.count(new Query(), Action.class);

        for (String caseId : new String[] { notShared.id(), "0123456789abcdef01234567" }) {
            HttpResponse<String> response = as("fr-officer", "POST", "/api/tasks",
                    ActionBody.on(caseId).to("FR").json());
            assertThat(response.statusCode()).isEqualTo(422);
            assertProblem(response, "unknown-case");
            assertThat(parse(response.body()).get("detail").asString()).doesNotContain(caseId);
        }
        assertThat(mongo.count(new Query(), Action.class)).isEqualTo(stored);
    }

    @Test
    void aCaseSharedWithAGroupReachesItsMembersOnly() {
        StubCase europe = cases.publish(StubCase.amberSharedWithGroup("FR", "EU", "FR", "DE"));

        assertThat(as("fr-officer", "POST", "/api/tasks", ActionBody.on(europe.id()).to("DE").json()).statusCode())
                .isEqualTo(201);
        HttpResponse<String> toAmerica = as("fr-officer", "POST", "/api/tasks",
                ActionBody.on(europe.id()).to("DE", "US", "CA").json());
        assertThat(toAmerica.statusCode()).isEqualTo(422);
        assertThat(parse(toAmerica.body()).get("countries").toString()).isEqualTo("[\"US\",\"CA\"]");
    }

    static Stream<Arguments> invalidActions() {
        String caseId = "0123456789abcdef01234567";
        return Stream.of(
                Arguments.of(ActionBody.on(caseId).to("US").title(" "), List.of("title")),
                Arguments.of(ActionBody.on(caseId).to("US").title("x".repeat(201)), List.of("title")),
                Arguments.of(ActionBody.on(caseId).to("US").set("description", "x".repeat(10_001)),
                        List.of("description")),
                Arguments.of(ActionBody.on(caseId).to("US").type("AIRSTRIKE"), List.of("type")),
                Arguments.of(ActionBody.on(caseId).to("US").set("priority", "CRITICAL"), List.of("priority")),
                Arguments.of(ActionBody.on(caseId).to("US").set("priority", parse("3")), List.of("priority")),
                Arguments.of(ActionBody.on(caseId).to("US").set("title", parse("42")), List.of("title")),
                Arguments.of(ActionBody.on(caseId).to(), List.of("countries")),
                Arguments.of(ActionBody.on(caseId).to("US", "CN"), List.of("countries[1]")),
                Arguments.of(ActionBody.on(caseId).to("us"), List.of("countries[0]")),
                Arguments.of(ActionBody.on(caseId).to(Stream.generate(() -> "US").limit(51).toArray(String[]::new)),
                        List.of("countries")),
                Arguments.of(ActionBody.on(caseId).to("US").set("dueDate", "2020-01-01T00:00:00Z"),
                        List.of("dueDate")),
                Arguments.of(ActionBody.on(caseId).to("US").set("dueDate", "next week"), List.of("dueDate")),
                Arguments.of(ActionBody.on(caseId).to("US").without("dueDate").without("type"),
                        List.of("dueDate", "type")),
                Arguments.of(ActionBody.on(caseId).to("US").set("requestingCountry", "US"),
                        List.of("requestingCountry")));
    }

    @ParameterizedTest
    @MethodSource("invalidActions")
    void invalidActionsNameTheFieldsToFixAndStoreNothing(ActionBody body, List<String> badFields) {
        long stored = mongo.count(new Query(), Action.class);

        HttpResponse<String> response = as("fr-officer", "POST", "/api/tasks", body.json());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response, "invalid-input");
        assertThat(fields(response)).containsExactlyInAnyOrderElementsOf(badFields);
        assertThat(mongo.count(new Query(), Action.class)).isEqualTo(stored);
    }

    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                Arguments.of("transitions", "{\"to\":\"ADOPTED\"}", List.of("to")),
                Arguments.of("transitions", "{}", List.of("to")),
                Arguments.of("transitions", "{\"to\":1}", List.of("to")),
                Arguments.of("transitions", "{\"to\":\"BLOCKED\",\"reason\":\"" + "x".repeat(2001) + "\"}",
                        List.of("reason")),
                Arguments.of("transitions", "{\"to\":\"ACCEPTED\",\"by\":\"someone\"}", List.of("by")),
                Arguments.of("comments", "{\"text\":\"\"}", List.of("text")),
                Arguments.of("comments", "{\"text\":\"" + "x".repeat(4001) + "\"}", List.of("text")),
                Arguments.of("patch", "{\"title\":null}", List.of("title")),
                Arguments.of("patch", "{\"title\":\"  \"}", List.of("title")),
                Arguments.of("patch", "{\"priority\":\"SOON\"}", List.of("priority")),
                Arguments.of("patch", "{\"requestingCountry\":\"US\"}", List.of("requestingCountry")),
                Arguments.of("cancellation", "{}", List.of("reason")));
    }

    @ParameterizedTest
    @MethodSource("invalidChanges")
    void invalidChangesAreRefusedWithTheFieldsToFix(String what, String body, List<String> badFields) {
        StubCase shared = cases.publish(StubCase.amber("FR", "US"));
        String id = propose("fr-officer", ActionBody.on(shared.id()).to("US", "FR")).get("id").asString();
        String path = switch (what) {
            case "transitions" -> "/api/tasks/" + id + "/assignments/FR/transitions";
            case "patch" -> "/api/tasks/" + id;
            default -> "/api/tasks/" + id + "/" + what;
        };

        HttpResponse<String> response = as("fr-officer", what.equals("patch") ? "PATCH" : "POST", path, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response, "invalid-input");
        assertThat(fields(response)).containsExactlyElementsOf(badFields);
        assertThat(mongo.findById(id, Action.class).version()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "size=0", "size=101", "page=-1", "size=many",
            "status=ADOPTED", "country=fr", "status%5B%24ne%5D=DONE", "status=DONE&status=DECLINED",
            "overdue=perhaps" })
    void listParametersOutOfRangeAreRefused(String query) {
        HttpResponse<String> response = as("ca-officer", "GET", "/api/tasks?" + query, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response, "invalid-input");
        assertThat(fields(response)).hasSize(1);
    }

    @Test
    void malformedJsonIsAProblemToo() {
        HttpResponse<String> response = as("fr-officer", "POST", "/api/tasks", "{\"caseId\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "malformed-json");
    }

    @Test
    void assignmentsOfCountriesNotAddressedDoNotExist() {
        StubCase shared = cases.publish(StubCase.green("FR"));
        String id = propose("fr-officer", ActionBody.on(shared.id()).to("US")).get("id").asString();

        HttpResponse<String> response = move("gb-officer", id, "GB", "ACCEPTED", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, "not-found");
        assertThat(move("us-officer", id, "us", "ACCEPTED", null).statusCode()).isEqualTo(400);
    }

    private static JsonNode assignment(JsonNode action, String country) {
        for (JsonNode assignment : action.get("assignments")) {
            if (assignment.get("country").asString().equals(country)) {
                return assignment;
            }
        }
        throw new AssertionError("no assignment of " + country + " in " + action);
    }

}
