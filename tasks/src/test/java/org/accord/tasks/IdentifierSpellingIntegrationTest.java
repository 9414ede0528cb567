package org.accord.tasks;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.accord.support.testing.SameAnswer.assertSameAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.accord.support.id.IdKind;
import org.accord.support.testing.IdInputs;
import org.accord.support.testing.IdSpellings;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * Every id tasks takes, in any spelling but the one the platform makes (lower-case ObjectId hex, lower-case UUID), is
 * answered exactly as an id that does not exist, and nothing is changed or stored for it: an action id in the
 * address is an action that does not exist, a case id in a new action a case the caller cannot see, a case id in
 * the list's filter a case without actions. The inputs come from the service's own request mappings, so a new
 * endpoint that takes an id fails here until it is in the table.
 */
class IdentifierSpellingIntegrationTest extends TasksApi {

    /** A call to one id input with the id in the spelling given (already fit for its place). */
    private record Attempt(BiFunction<IdentifierSpellingIntegrationTest, String, HttpResponse<String>> call) {
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Autowired
    private MongoTemplate mongo;

    /** By action id; the cancellation comes last, since a cancelled action changes no more. */
    private final Map<String, Attempt> actionTable = new LinkedHashMap<>();

    IdentifierSpellingIntegrationTest() {
        actionTable.put("GET /api/tasks/{id} PATH id", new Attempt((test, id) -> test.as("fr-officer", "GET",
                "/api/tasks/" + id, null)));
        actionTable.put("PATCH /api/tasks/{id} PATH id", new Attempt((test, id) -> test.as("fr-officer", "PATCH",
                "/api/tasks/" + id, "{\"title\":\"Renamed\"}")));
        actionTable.put("POST /api/tasks/{id}/assignments/{country}/transitions PATH id", new Attempt((test, id) ->
                test.as("fr-officer", "POST", "/api/tasks/" + id + "/assignments/FR/transitions",
                        "{\"to\":\"ACCEPTED\"}")));
        actionTable.put("PUT /api/tasks/{id}/assignments/{country}/assignee PATH id", new Attempt((test, id) ->
                test.as("fr-liaison", "PUT", "/api/tasks/" + id + "/assignments/FR/assignee",
                        "{\"username\":\"fr-officer\"}")));
        actionTable.put("POST /api/tasks/{id}/comments PATH id", new Attempt((test, id) -> test.as("fr-officer",
                "POST", "/api/tasks/" + id + "/comments", "{\"text\":\"Our regime is ready.\"}")));
        actionTable.put("GET /internal/actions/{id}/parties PATH id", new Attempt((test, id) -> test.send("GET",
                "/internal/actions/" + id + "/parties", logins().serviceToken("notifications"), null)));
        actionTable.put("POST /api/tasks/{id}/cancellation PATH id", new Attempt((test, id) -> test.as(
                "fr-officer", "POST", "/api/tasks/" + id + "/cancellation", "{\"reason\":\"Overtaken.\"}")));
    }

    @Test
    void everyIdInputOfTheServiceIsInTheTable() {
        List<String> inputs = IdInputs.of(mappings, "POST /internal/relay/parked/");

        assertThat(inputs).as("id inputs of the request mappings; the tests below cover exactly these")
                .containsExactlyInAnyOrderElementsOf(concat(actionTable.keySet(),
                        List.of("GET /api/tasks QUERY caseId", "POST /api/tasks BODY caseId")));
    }

    @Test
    void anyOtherSpellingOfAnActionIdIsAnActionThatDoesNotExistAndChangesNothing() {
        StubCase stubCase = cases.publish(StubCase.amber("FR", "CA"));
        String actionId = propose("fr-officer", ActionBody.on(stubCase.id()).to("FR", "CA")).get("id").asString();
        String missing = new ObjectId().toHexString();

        actionTable.forEach((input, attempt) -> {
            HttpResponse<String> absent = attempt.call().apply(this, missing);
            assertThat(absent.statusCode()).as(input + " for an action that does not exist").isEqualTo(404);
            Map<String, Object> before = state(actionId);
            IdSpellings.of(actionId).forEach((spelling, id) -> assertSameAnswer(input + " with a " + spelling
                    + " id", attempt.call().apply(this, IdSpellings.inPath(id)), absent));
            assertThat(state(actionId)).as(input + ": nothing changed").isEqualTo(before);
            HttpResponse<String> canonical = attempt.call().apply(this, actionId);
            assertThat(canonical.statusCode()).as(input + " with the action's own id: " + canonical.body())
                    .isNotEqualTo(404);
        });
    }

    /** Even were cases to find the case under another spelling, tasks neither asks it nor stores that spelling. */
    @Test
    void aNewActionOnAnyOtherSpellingOfACaseIdIsOnACaseTheCallerCannotSee() {
        StubCase stubCase = cases.publish(StubCase.amber("FR", "CA"));
        StubMapping anySpelling = cases.server().stubFor(get(urlPathMatching("(?i)/api/cases/.*"
                + Pattern.quote(stubCase.id()) + ".*")).atPriority(7).willReturn(WireMock.okJson(stubCase.json())));
        try {
            HttpResponse<String> absent = as("fr-officer", "POST", "/api/tasks",
                    ActionBody.on(new ObjectId().toHexString()).to("CA").json());
            assertThat(absent.statusCode()).isEqualTo(422);
            long stored = mongo.count(new Query(), "actions");

            IdSpellings.of(stubCase.id()).forEach((spelling, id) -> assertSameAnswer("a " + spelling + " case id",
                    as("fr-officer", "POST", "/api/tasks", ActionBody.on(id).to("CA").json()), absent));
            assertSameAnswer("a case id as an object", as("fr-officer", "POST", "/api/tasks",
                    ActionBody.on(stubCase.id()).set("caseId", JSON.createObjectNode().put("$oid", stubCase.id()))
                            .to("CA").json()), absent);

            assertThat(mongo.count(new Query(), "actions")).as("no action stored").isEqualTo(stored);
            assertThat(cases.callsAbout(stubCase.id())).as("cases was not asked").isZero();
            assertThat(mongo.count(new Query(Criteria.where("caseId").not().regex("^" + IdKind.Format.OBJECT_ID
                    + "$")), "actions")).as("actions stored under a case id in another spelling").isZero();
            assertThat(as("fr-officer", "POST", "/api/tasks", ActionBody.on(stubCase.id()).to("CA").json())
                    .statusCode()).isEqualTo(201);
        } finally {
            cases.server().removeStub(anySpelling);
        }
    }

    @Test
    void theActionListFilteredByAnyOtherSpellingOfACaseIdListsNothing() {
        StubCase stubCase = cases.publish(StubCase.amber("FR", "CA"));
        propose("fr-officer", ActionBody.on(stubCase.id()).to("CA"));
        HttpResponse<String> absent = as("fr-officer", "GET", "/api/tasks?caseId=" + new ObjectId().toHexString(),
                null);
        assertThat(parse(absent.body()).get("totalItems").asLong()).isZero();

        IdSpellings.of(stubCase.id()).forEach((spelling, id) -> assertSameAnswer("a " + spelling + " case id",
                as("fr-officer", "GET", "/api/tasks?caseId=" + IdSpellings.inPath(id), null), absent));
        assertThat(list("fr-officer", "caseId=" + stubCase.id()).get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void anyOtherSpellingOfAParkedEventIdIsAnEventThatIsNotParked() {
        String token = logins().operatorToken();
        String eventId = UUID.randomUUID().toString();
        HttpResponse<String> absent = send("POST", "/internal/relay/parked/" + eventId + "/redrive", token, null);
        assertThat(absent.statusCode()).isEqualTo(404);

        IdSpellings.of(eventId).forEach((spelling, id) -> assertSameAnswer("a " + spelling + " event id",
                send("POST", "/internal/relay/parked/" + IdSpellings.inPath(id) + "/redrive", token, null), absent));
    }

    /** The action as stored, how many actions there are, and parked events. */
    private Map<String, Object> state(String actionId) {
        Document stored = mongo.getCollection("actions").find(new Document("_id", new ObjectId(actionId))).first();
        return Map.of("action", stored == null ? "none" : stored.toJson(),
                "actions", mongo.count(new Query(), "actions"),
                "parked events", mongo.count(new Query(), "relayParked"));
    }

    private static List<String> concat(Collection<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
