package org.accord.cases.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.accord.cases.CasesApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Changing a case: optimistic concurrency with ETag and If-Match, the editable fields, sharing, closing. */
class CaseChangesIntegrationTest extends CasesApi {

    private final MongoTemplate mongo = database();

    private JsonNode amberCase() {
        return open("fr-officer", NewCaseBody.labelled("AMBER").sharedWithCountry("CA", "READ")
                .sharedWithCountry("DE", "CONTRIBUTE").json());
    }

    private HttpResponse<String> patch(String user, String id, String ifMatch, String body) {
        return ifMatch == null ? as(user, "PATCH", "/api/cases/" + id, body)
                : as(user, "PATCH", "/api/cases/" + id, body, "If-Match", ifMatch);
    }

    @Test
    void aChangeNamesTheVersionItChangesAndLeavesOutTheFieldsItKeeps() {
        JsonNode opened = amberCase();
        String id = opened.get("id").asString();

        HttpResponse<String> withoutVersion = patch("fr-officer", id, null, "{\"title\":\"Renamed\"}");
        assertThat(withoutVersion.statusCode()).isEqualTo(428);
        assertProblem(withoutVersion, "precondition-required");

        HttpResponse<String> stale = patch("fr-officer", id, "\"7\"", "{\"title\":\"Renamed\"}");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertProblem(stale, "precondition-failed");
        assertThat(stale.headers().firstValue("ETag")).hasValue("\"0\"");

        HttpResponse<String> changed = patch("fr-officer", id, "\"0\"",
                "{\"title\":\"Renamed\",\"tags\":[\"darfur\",\"el-fasher\"]}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode renamed = parse(changed.body());
        assertThat(renamed.get("title").asString()).isEqualTo("Renamed");
        assertThat(renamed.get("tags").toString()).isEqualTo("[\"darfur\",\"el-fasher\"]");
        assertThat(renamed.get("summary")).isEqualTo(opened.get("summary"));
        assertThat(renamed.get("sharedWith")).isEqualTo(opened.get("sharedWith"));
        assertThat(renamed.get("version").asLong()).isEqualTo(1);

        HttpResponse<String> byContributor = patch("de-officer", id, "\"1\"",
                "{\"status\":\"ESCALATING\",\"summary\":\"\"}");
        assertThat(byContributor.statusCode()).isEqualTo(200);
        JsonNode escalating = parse(byContributor.body());
        assertThat(escalating.get("status").asString()).isEqualTo("ESCALATING");
        assertThat(escalating.get("summary").asString()).isEmpty();
        assertThat(escalating.get("updatedBy").asString()).isEqualTo("de-officer@de");
        assertThat(escalating.get("createdBy").asString()).isEqualTo("fr-officer@fr");

        HttpResponse<String> read = as("ca-officer", "GET", "/api/cases/" + id, null);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(((ObjectNode) parse(read.body())).without("allowedOperations"))
                .as("the same case, each caller with its own operations")
                .isEqualTo(((ObjectNode) escalating.deepCopy()).without("allowedOperations"));

        HttpResponse<String> lostUpdate = patch("fr-officer", id, "\"1\"", "{\"title\":\"Late\"}");
        assertThat(lostUpdate.statusCode()).isEqualTo(412);
        assertThat(lostUpdate.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(mongo.findById(id, Case.class).title()).isEqualTo("Renamed");
    }

    @Test
    void aChangeThatChangesNothingKeepsTheVersion() {
        String id = amberCase().get("id").asString();

        HttpResponse<String> same = patch("fr-officer", id, "\"0\"", "{\"tlp\":\"AMBER\",\"situationCountry\":\"SD\"}");

        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.headers().firstValue("ETag")).hasValue("\"0\"");
    }

    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                Arguments.of("{\"title\":\" \"}", List.of("title")),
                Arguments.of("{\"title\":null}", List.of("title")),
                Arguments.of("{\"title\":\"" + "x".repeat(201) + "\"}", List.of("title")),
                Arguments.of("{\"summary\":\"" + "x".repeat(10_001) + "\"}", List.of("summary")),
                Arguments.of("{\"situationCountry\":\"ZZ\"}", List.of("situationCountry")),
                Arguments.of("{\"status\":\"FROZEN\"}", List.of("status")),
                Arguments.of("{\"tlp\":\"PURPLE\"}", List.of("tlp")),
                Arguments.of("{\"tags\":[\"" + "t".repeat(51) + "\"]}", List.of("tags[0]")),
                Arguments.of("{\"title\":{\"$ne\":null}}", List.of("title")),
                Arguments.of("{\"sharedWith\":[]}", List.of("sharedWith")),
                Arguments.of("{\"originCountry\":\"US\"}", List.of("originCountry")),
                Arguments.of("{\"$set\":{\"originCountry\":\"US\"}}", List.of("$set")));
    }

    @ParameterizedTest
    @MethodSource("invalidChanges")
    void invalidChangesNameTheFieldsAndChangeNothing(String body, List<String> badFields) {
        String id = amberCase().get("id").asString();

        HttpResponse<String> response = patch("fr-officer", id, "\"0\"", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "invalid-input");
        assertThat(fields(response)).containsExactlyInAnyOrderElementsOf(badFields);
        Case stored = mongo.findById(id, Case.class);
        assertThat(stored.version()).isZero();
        assertThat(stored.originCountry()).isEqualTo("FR");
    }

    @Test
    void onlyTheOriginatingCountryRelabelsClosesAndReopens() {
        String id = amberCase().get("id").asString();

        HttpResponse<String> relabelByContributor = patch("de-officer", id, "\"0\"", "{\"tlp\":\"GREEN\"}");
        HttpResponse<String> closeByContributor = patch("de-officer", id, "\"0\"", "{\"status\":\"CLOSED\"}");
        assertThat(relabelByContributor.statusCode()).isEqualTo(403);
        assertProblem(relabelByContributor, "forbidden");
        assertThat(closeByContributor.statusCode()).isEqualTo(403);

        assertThat(patch("fr-liaison", id, "\"0\"", "{\"status\":\"CLOSED\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> editClosed = patch("de-officer", id, "\"1\"", "{\"title\":\"Still open?\"}");
        HttpResponse<String> editClosedByOriginator = patch("fr-officer", id, "\"1\"", "{\"title\":\"Still?\"}");
        assertThat(editClosed.statusCode()).isEqualTo(409);
        assertProblem(editClosed, "case-closed");
        assertThat(editClosedByOriginator.statusCode()).isEqualTo(409);

        HttpResponse<String> reopened = patch("fr-officer", id, "\"1\"",
                "{\"status\":\"ACTIVE_RESPONSE\",\"tlp\":\"GREEN\"}");
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(parse(reopened.body()).get("tlp").asString()).isEqualTo("GREEN");
        assertThat(as("us-analyst", "GET", "/api/cases/" + id, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theOriginatorSharesAndRecipientsNeverReshare() {
        String id = amberCase().get("id").asString();
        assertThat(as("us-officer", "GET", "/api/cases/" + id, null).statusCode()).isEqualTo(404);

        String toUs = NewCaseBody.labelled("AMBER").sharedWithCountry("CA", "READ")
                .sharedWithCountry("DE", "CONTRIBUTE").sharedWithCountry("US", "READ").sharingJson();
        HttpResponse<String> byReader = as("ca-officer", "PUT", "/api/cases/" + id + "/sharing", toUs);
        HttpResponse<String> byContributor = as("de-officer", "PUT", "/api/cases/" + id + "/sharing", toUs);
        assertThat(byReader.statusCode()).isEqualTo(403);
        assertProblem(byReader, "forbidden");
        assertThat(byContributor.statusCode()).isEqualTo(403);
        assertThat(as("us-officer", "GET", "/api/cases/" + id, null).statusCode()).isEqualTo(404);

        HttpResponse<String> shared = as("fr-officer", "PUT", "/api/cases/" + id + "/sharing", toUs);
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(shared.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(as("us-officer", "GET", "/api/cases/" + id, null).statusCode()).isEqualTo(200);

        String redToOneAnalyst = NewCaseBody.labelled("RED").named("ca-analyst@ca").sharingJson();
        HttpResponse<String> stale = as("fr-officer", "PUT", "/api/cases/" + id + "/sharing", redToOneAnalyst,
                "If-Match", "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        JsonNode red = okJson(as("fr-officer", "PUT", "/api/cases/" + id + "/sharing", redToOneAnalyst,
                "If-Match", "\"1\""));
        assertThat(red.get("tlp").asString()).isEqualTo("RED");
        assertThat(red.get("sharedWith").size()).isZero();
        assertThat(red.get("namedRecipients").toString()).isEqualTo("[\"ca-analyst@ca\"]");
        assertThat(as("ca-analyst", "GET", "/api/cases/" + id, null).statusCode()).isEqualTo(200);
        assertThat(as("ca-officer", "GET", "/api/cases/" + id, null).statusCode()).isEqualTo(404);
        assertThat(as("us-officer", "GET", "/api/cases/" + id, null).statusCode()).isEqualTo(404);
        assertThat(as("fr-liaison", "GET", "/api/cases/" + id, null).statusCode()).isEqualTo(404);
        assertThat(as("fr-officer", "GET", "/api/cases/" + id, null).statusCode()).isEqualTo(200);
    }

    @Test
    void invalidSharingIsRefusedAndChangesNothing() {
        String id = amberCase().get("id").asString();

        HttpResponse<String> response = as("fr-officer", "PUT", "/api/cases/" + id + "/sharing",
                "{\"tlp\":\"AMBER\",\"sharedWith\":[],\"owners\":[\"x\"]}");
        HttpResponse<String> withoutLabel = as("fr-officer", "PUT", "/api/cases/" + id + "/sharing",
                "{\"sharedWith\":[]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "invalid-input");
        assertThat(fields(response)).containsExactly("owners");
        assertThat(withoutLabel.statusCode()).isEqualTo(400);
        assertThat(fields(withoutLabel)).containsExactly("tlp");
        HttpResponse<String> badCountry = as("fr-officer", "PUT", "/api/cases/" + id + "/sharing",
                "{\"tlp\":\"AMBER\",\"sharedWith\":[{\"country\":\"CN\",\"access\":\"READ\"}]}");
        HttpResponse<String> badAccess = as("fr-officer", "PUT", "/api/cases/" + id + "/sharing",
                "{\"tlp\":\"AMBER\",\"sharedWith\":[{\"group\":\"ALLIES\",\"access\":\"OWN\"}]}");
        assertThat(fields(badCountry)).containsExactly("sharedWith[0].country");
        assertThat(fields(badAccess)).containsExactly("sharedWith[0].access");
        assertThat(mongo.findById(id, Case.class).version()).isZero();
    }

    @Test
    void aCaseTheCallerMayNotSeeCannotBeChangedAndLooksMissing() {
        String id = amberCase().get("id").asString();
        String missing = UUID.randomUUID().toString();

        for (String[] call : new String[][] { { "PATCH", "", "{\"title\":\"x\"}" },
                { "PUT", "/sharing", NewCaseBody.labelled("GREEN").sharingJson() } }) {
            HttpResponse<String> hidden = as("us-officer", call[0], "/api/cases/" + id + call[1], call[2],
                    "If-Match", "\"0\"", "X-Request-Id", "hidden-or-missing");
            HttpResponse<String> absent = as("us-officer", call[0], "/api/cases/" + missing + call[1], call[2],
                    "If-Match", "\"0\"", "X-Request-Id", "hidden-or-missing");
            assertThat(hidden.statusCode()).isEqualTo(404);
            assertProblem(hidden, "not-found");
            assertThat(hidden.body().replace(id, "{id}")).isEqualTo(absent.body().replace(missing, "{id}"));
        }
        assertThat(mongo.findById(id, Case.class).version()).isZero();
    }
}
