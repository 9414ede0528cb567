package org.accord.cases;

import static org.accord.support.testing.SameAnswer.assertSameAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.accord.cases.casefile.NewCaseBody;
import org.accord.support.testing.IdInputs;
import org.accord.support.testing.IdSpellings;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every id the cases service takes, in any spelling but the one it makes (lower-case ObjectId hex, lower-case UUID),
 * is answered exactly as an id that does not exist, and nothing is read, audited or changed for it. The inputs come
 * from the service's own request mappings, so a new endpoint that takes an id fails here until it is in the table.
 */
class IdentifierSpellingIntegrationTest extends CasesApi {

    private static final String CALLER = "fr-officer";

    /** A call to one id input: the id in the spelling given, answered as the service answers it. */
    private record Attempt(int canonicalStatus, BiFunction<IdentifierSpellingIntegrationTest, String,
            HttpResponse<String>> call) {
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private final Map<String, Attempt> table = new LinkedHashMap<>();

    IdentifierSpellingIntegrationTest() {
        table.put("GET /api/cases/{id} PATH id", new Attempt(200, (test, id) -> test.as(CALLER, "GET",
                "/api/cases/" + id, null)));
        table.put("PATCH /api/cases/{id} PATH id", new Attempt(200, (test, id) -> test.as(CALLER, "PATCH",
                "/api/cases/" + id, "{\"title\":\"Renamed\"}", "If-Match", "\"0\"")));
        table.put("PUT /api/cases/{id}/sharing PATH id", new Attempt(200, (test, id) -> test.as(CALLER, "PUT",
                "/api/cases/" + id + "/sharing", NewCaseBody.labelled("AMBER").sharedWithCountry("CA", "CONTRIBUTE")
                        .sharedWithCountry("DE", "READ").sharingJson())));
        table.put("GET /api/cases/{caseId}/entries PATH caseId", new Attempt(200, (test, id) -> test.as(CALLER,
                "GET", "/api/cases/" + id + "/entries", null)));
        table.put("POST /api/cases/{caseId}/entries PATH caseId", new Attempt(201, (test, id) -> test.as(CALLER,
                "POST", "/api/cases/" + id + "/entries", "{\"kind\":\"OBSERVATION\",\"text\":\"Checkpoints closed."
                        + "\",\"occurredAt\":\"2025-03-02T10:15:00Z\"}")));
        table.put("GET /api/cases/{caseId}/assessments PATH caseId", new Attempt(200, (test, id) -> test.as(CALLER,
                "GET", "/api/cases/" + id + "/assessments", null)));
        table.put("POST /api/cases/{caseId}/assessments PATH caseId", new Attempt(201, (test, id) -> test.as(CALLER,
                "POST", "/api/cases/" + id + "/assessments", assessment())));
        table.put("GET /api/cases/{caseId}/audit PATH caseId", new Attempt(200, (test, id) -> test.as(CALLER, "GET",
                "/api/cases/" + id + "/audit", null)));
        table.put("GET /api/cases/{caseId}/audit/verification PATH caseId", new Attempt(200, (test, id) -> test.as(
                CALLER, "GET", "/api/cases/" + id + "/audit/verification", null)));
        table.put("GET /internal/cases/{id}/audience PATH id", new Attempt(200, (test, id) -> test.send("GET",
                "/internal/cases/" + id + "/audience", logins().serviceToken("notifications"), null)));
        table.put("GET /internal/cases/{id}/readers PATH id", new Attempt(200, (test, id) -> test.send("GET",
                "/internal/cases/" + id + "/readers", logins().serviceToken("notifications"), null)));
    }

    private static String assessment() {
        StringBuilder factors = new StringBuilder("{\"factors\":{");
        for (int i = 1; i <= 14; i++) {
            factors.append(i > 1 ? "," : "").append("\"RF").append(i).append("\":{\"score\":1,\"note\":\"Seen.\"}");
        }
        return factors.append("}}").toString();
    }

    @Test
    void everyIdInputOfTheServiceIsInTheTable() {
        List<String> inputs = IdInputs.of(mappings, "POST /internal/relay/parked/");

        assertThat(table.keySet()).as("id inputs of the request mappings not covered here")
                .containsExactlyInAnyOrderElementsOf(inputs);
    }

    @Test
    void anyOtherSpellingOfACaseIdIsACaseThatDoesNotExistAndLeavesNoTrace() {
        String caseId = open(CALLER, NewCaseBody.labelled("AMBER").sharedWithCountry("CA", "CONTRIBUTE").json())
                .get("id").asString();
        String missing = new ObjectId().toHexString();

        table.forEach((input, attempt) -> {
            HttpResponse<String> absent = attempt.call().apply(this, missing);
            assertThat(absent.statusCode()).as(input + " for a case that does not exist").isEqualTo(404);
            Map<String, Object> before = state(caseId);
            IdSpellings.of(caseId).forEach((spelling, id) -> assertSameAnswer(input + " with a " + spelling + " id",
                    attempt.call().apply(this, IdSpellings.inPath(id)), absent));
            assertThat(state(caseId)).as(input + ": nothing changed, nothing audited").isEqualTo(before);
            HttpResponse<String> canonical = attempt.call().apply(this, caseId);
            assertThat(canonical.statusCode()).as(input + " with the case's own id: " + canonical.body())
                    .isEqualTo(attempt.canonicalStatus());
        });
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

    /** What any call could have left behind: the case as stored, every audit entry and chain, parked events. */
    private static Map<String, Object> state(String caseId) {
        Document stored = database().getCollection("cases").find(new Document("_id", new ObjectId(caseId)))
                .first();
        return Map.of("case", stored == null ? "none" : stored.toJson(),
                "audit entries", database().count(new Query(), "caseAudit"),
                "audit chains", database().count(new Query(), "caseAuditTrails"),
                "parked events", database().count(new Query(), "relayParked"));
    }
}
