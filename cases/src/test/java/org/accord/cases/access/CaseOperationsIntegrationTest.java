package org.accord.cases.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.accord.cases.CasesApi;
import org.accord.cases.casefile.RiskFactor;
import org.accord.cases.casefile.NewCaseBody;
import org.accord.cases.sharing.Tlp;
import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer and the enforcement never disagree: for every caller of the policy's table, every label, and an open
 * and a closed case, the {@code allowedOperations} a case answers (single and listed) are exactly the calls that then
 * succeed for that caller.
 */
class CaseOperationsIntegrationTest extends CasesApi {

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = CaseOperationsTable.ROWS)
    void theOperationsAnsweredAreExactlyTheCallsThatSucceed(String relation, String user, String country,
            String role, String labels, String onOpen, String onClosed) {
        if (user.startsWith("xx-")) {
            return; // no identity provider signs such a user in; the policy's own test covers the row
        }
        for (Tlp tlp : Tlp.values()) {
            for (boolean closed : new boolean[] { false, true }) {
                String title = "Operations " + UUID.randomUUID();
                String caseId = openCase(title, tlp, closed);
                List<String> answered = answeredTo(user, caseId);

                assertThat(listedTo(user, caseId, title)).as("%s: the list answers as the case does", user)
                        .isEqualTo(answered);
                Set<CaseOperation> succeeded = EnumSet.noneOf(CaseOperation.class);
                for (CaseOperation operation : CaseOperation.values()) {
                    if (operation.appliesTo(closed) && attempt(user, caseId, tlp, operation)) {
                        succeeded.add(operation);
                    }
                }
                assertThat(succeeded.stream().map(Enum::name).collect(Collectors.toSet()))
                        .as("%s on a %s %s case: the calls that succeed", user, closed ? "closed" : "open", tlp)
                        .isEqualTo(Set.copyOf(answered));
            }
        }
    }

    private String openCase(String title, Tlp tlp, boolean closed) {
        String caseId = open("fr-officer", NewCaseBody.labelled(tlp.name()).title(title)
                .sharedWithCountry("CA", "READ").sharedWithGroup("EU", "CONTRIBUTE").named(usernameOf("gb-analyst"))
                .json()).get("id").asString();
        if (closed) {
            assertThat(as("fr-officer", "PATCH", "/api/cases/" + caseId, "{\"status\":\"CLOSED\"}", "If-Match", "*")
                    .statusCode()).isEqualTo(200);
        }
        return caseId;
    }

    /** The operations the single case answers the caller; none when the caller does not see it. */
    private List<String> answeredTo(String user, String caseId) {
        HttpResponse<String> read = as(user, "GET", "/api/cases/" + caseId, null);
        if (read.statusCode() == 404) {
            return List.of();
        }
        return names(okJson(read).get("allowedOperations"));
    }

    private List<String> listedTo(String user, String caseId, String title) {
        JsonNode page = okJson(as(user, "GET", "/api/cases?q=" + title.substring(title.indexOf(' ') + 1), null));
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asString().equals(caseId)) {
                return names(item.get("allowedOperations"));
            }
        }
        return List.of();
    }

    /** Makes the call the operation names, as a change that is not already made; true when it succeeded. */
    private boolean attempt(String user, String caseId, Tlp tlp, CaseOperation operation) {
        String path = "/api/cases/" + caseId;
        HttpResponse<String> response = switch (operation) {
            case UPDATE -> as(user, "PATCH", path, "{\"tags\":[\"" + UUID.randomUUID() + "\"]}", "If-Match", "*");
            case RELABEL -> as(user, "PATCH", path,
                    "{\"tlp\":\"" + (tlp == Tlp.CLEAR ? Tlp.GREEN : Tlp.CLEAR) + "\"}", "If-Match", "*");
            case SHARE -> as(user, "PUT", path + "/sharing", NewCaseBody.labelled(tlp.name())
                    .sharedWithCountry("CA", "READ").sharedWithGroup("EU", "CONTRIBUTE")
                    .named(usernameOf("gb-analyst")).sharingJson());
            case ADD_ENTRY -> as(user, "POST", path + "/entries",
                    "{\"kind\":\"OBSERVATION\",\"text\":\"Convoys seen at dawn.\","
                            + "\"occurredAt\":\"2025-03-02T10:15:00Z\"}");
            case ADD_ASSESSMENT -> as(user, "POST", path + "/assessments", assessment());
            case READ_AUDIT -> as(user, "GET", path + "/audit", null);
            case CLOSE -> as(user, "PATCH", path, "{\"status\":\"CLOSED\"}", "If-Match", "*");
            case REOPEN -> as(user, "PATCH", path, "{\"status\":\"MONITORING\"}", "If-Match", "*");
        };
        assertThat(response.statusCode()).as("%s %s: %s", user, operation, response.body())
                .isIn(200, 201, 403, 404, 409);
        return response.statusCode() < 300;
    }

    private static String assessment() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode factors = body.putObject("factors");
        for (RiskFactor factor : RiskFactor.values()) {
            factors.putObject(factor.name()).put("score", 1).put("note", "Observed");
        }
        return JSON.writeValueAsString(body);
    }

    /** The user's alliance username, as the token names it and named recipients hold it. */
    private static String usernameOf(String user) {
        return parse(TokenClaims.payload(tokenOf(user))).get("preferred_username").asString();
    }

    private static List<String> names(JsonNode operations) {
        List<String> names = new ArrayList<>();
        operations.forEach(operation -> names.add(operation.asString()));
        return names;
    }
}
