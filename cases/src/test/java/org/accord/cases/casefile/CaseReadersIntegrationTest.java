package org.accord.cases.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.accord.cases.CasesApi;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /internal/cases/{id}/readers} (and its older address {@code /audience}): notifications asks it with its
 * own service token at delivery time, and tasks before it addresses an action, and learn who may see the case now; every other caller is refused: users, even
 * the case's owners, cases' own client and the operators'.
 */
class CaseReadersIntegrationTest extends CasesApi {

    private static String serviceToken() {
        return logins().serviceToken("notifications");
    }

    @Test
    void theAudienceFollowsTheSharingAsItIsNow() {
        String id = open("fr-officer", NewCaseBody.labelled("AMBER").title("Shelling of Tawila")
                .sharedWithCountry("CA", "READ").sharedWithCountry("DE", "CONTRIBUTE").json()).get("id").asString();

        JsonNode shared = audience(id);
        assertThat(shared.get("caseId").asString()).isEqualTo(id);
        assertThat(shared.get("title").asString()).isEqualTo("Shelling of Tawila");
        assertThat(shared.get("tlp").asString()).isEqualTo("AMBER");
        assertThat(shared.get("status").asString()).isEqualTo("MONITORING");
        assertThat(shared.get("originCountry").asString()).isEqualTo("FR");
        assertThat(shared.get("countries").toString()).isEqualTo("[\"CA\",\"DE\",\"FR\"]");
        assertThat(shared.get("users").toString()).isEqualTo("[]");

        assertThat(as("fr-officer", "PUT", "/api/cases/" + id + "/sharing", NewCaseBody.labelled("AMBER")
                .sharedWithCountry("CA", "READ").sharingJson()).statusCode()).isEqualTo(200);
        assertThat(audience(id).get("countries").toString()).isEqualTo("[\"CA\",\"FR\"]");

        assertThat(as("fr-officer", "PUT", "/api/cases/" + id + "/sharing", NewCaseBody.labelled("RED")
                .named("gb-analyst@gb").sharingJson()).statusCode()).isEqualTo(200);
        JsonNode red = audience(id);
        assertThat(red.get("countries").toString()).isEqualTo("[]");
        assertThat(red.get("users").toString()).isEqualTo("[\"fr-officer@fr\",\"gb-analyst@gb\"]");

        assertThat(as("fr-officer", "PUT", "/api/cases/" + id + "/sharing", NewCaseBody.labelled("GREEN")
                .sharingJson()).statusCode()).isEqualTo(200);
        assertThat(audience(id).get("countries").toString()).isEqualTo("[\"CA\",\"DE\",\"FR\",\"GB\",\"US\"]");
    }

    @Test
    void onlyTheServicesThatAddressOrNotifyPeopleMayAsk() {
        String id = open("fr-officer", NewCaseBody.labelled("GREEN").json()).get("id").asString();
        String path = "/internal/cases/" + id + "/audience";

        HttpResponse<String> owner = as("fr-officer", "GET", path, null);
        assertThat(owner.statusCode()).isEqualTo(403);
        assertProblem(owner, "forbidden");
        assertThat(as("fr-systems", "GET", path, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", path, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", path, logins().serviceToken("tasks"), null).statusCode()).isEqualTo(200);
        assertThat(send("GET", path, serviceToken(), null).statusCode()).isEqualTo(200);
        for (String other : List.of(logins().serviceToken("cases"), logins().operatorToken())) {
            HttpResponse<String> refused = send("GET", path, other, null);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertProblem(refused, "forbidden");
            assertThat(refused.body()).doesNotContain("countries").doesNotContain("originCountry");
        }
        HttpResponse<String> unknown = send("GET", "/internal/cases/0123456789abcdef01234567/audience",
                logins().serviceToken("cases"), null);
        assertThat(unknown.statusCode()).as("refused alike, whether the case exists or not").isEqualTo(403);
    }

    @Test
    void anUnknownCaseIsANotFoundProblem() {
        HttpResponse<String> missing = send("GET", "/internal/cases/0123456789abcdef01234567/audience",
                serviceToken(), null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertProblem(missing, "not-found");
    }

    @Test
    void theReadersAddressAnswersAsTheOlderAudienceAddress() {
        String id = open("fr-officer", NewCaseBody.labelled("AMBER").title("Convoy at Kutum")
                .sharedWithCountry("GB", "READ").json()).get("id").asString();
        String unknown = "0123456789abcdef01234567";

        for (String token : List.of(serviceToken(), logins().serviceToken("tasks"), logins().serviceToken("cases"))) {
            for (String caseId : List.of(id, unknown)) {
                HttpResponse<String> older = send("GET", "/internal/cases/" + caseId + "/audience", token, null);
                HttpResponse<String> readers = send("GET", "/internal/cases/" + caseId + "/readers", token, null);
                assertThat(readers.statusCode()).isEqualTo(older.statusCode());
                // A problem names the address asked in its instance, so only its type is the same.
                JsonNode same = older.statusCode() == 200 ? parse(older.body()) : parse(older.body()).get("type");
                assertThat(older.statusCode() == 200 ? parse(readers.body()) : parse(readers.body()).get("type"))
                        .isEqualTo(same);
            }
        }
        HttpResponse<String> owner = as("fr-officer", "GET", "/internal/cases/" + id + "/readers", null);
        assertThat(owner.statusCode()).isEqualTo(403);
        assertProblem(owner, "forbidden");
        assertThat(send("GET", "/internal/cases/" + id + "/readers", null, null).statusCode()).isEqualTo(401);
        assertThat(parse(send("GET", "/internal/cases/" + id + "/readers", serviceToken(), null).body())
                .get("countries").toString()).isEqualTo("[\"FR\",\"GB\"]");
    }

    private JsonNode audience(String id) {
        HttpResponse<String> response = send("GET", "/internal/cases/" + id + "/audience", serviceToken(), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(response.body());
    }
}
