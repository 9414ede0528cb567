package org.accord.cases.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accord.cases.CasesApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;

/**
 * Filtering, searching, sorting and paging the case list, always within what the caller may see. Five cases carry a
 * tag of their own, so a search for it finds exactly them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListIntegrationTest extends CasesApi {

    private final String marker = "list-" + UUID.randomUUID();
    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    void openFiveCases() {
        ids.put("alpha", openTagged("fr-officer", NewCaseBody.labelled("GREEN").title("Alpha")));
        ids.put("bravo", openTagged("fr-officer", NewCaseBody.labelled("GREEN").title("Bravo")
                .set("situationCountry", "MM")));
        ids.put("charlie", openTagged("fr-officer", NewCaseBody.labelled("AMBER").title("Charlie")
                .sharedWithCountry("CA", "READ")));
        ids.put("delta", openTagged("ca-officer", NewCaseBody.labelled("CLEAR").title("Delta (a+)+$ .*")));
        ids.put("echo", openTagged("fr-officer", NewCaseBody.labelled("AMBER_STRICT").title("Echo")
                .sharedWithCountry("US", "READ")));
        patchStatus("bravo", "ESCALATING");
        patchStatus("echo", "ACTIVE_RESPONSE");
    }

    private String openTagged(String user, NewCaseBody body) {
        return open(user, body.tagged("darfur", marker).json()).get("id").asString();
    }

    private void patchStatus(String name, String status) {
        assertThat(as("fr-officer", "PATCH", "/api/cases/" + ids.get(name), "{\"status\":\"" + status + "\"}",
                "If-Match", "\"0\"").statusCode()).isEqualTo(200);
    }

    private JsonNode list(String user, String query) {
        HttpResponse<String> response = as(user, "GET", "/api/cases?" + query, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(response.body());
    }

    /** The names of the listed cases among the five, in the order listed. */
    private List<String> names(JsonNode page) {
        return ids(page).stream().map(id -> ids.entrySet().stream().filter(e -> e.getValue().equals(id))
                .map(Map.Entry::getKey).findFirst().orElse("another case")).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            us-officer | ''                                   | alpha bravo delta echo
            us-officer | &status=ESCALATING                   | bravo
            us-officer | &situationCountry=SD                 | alpha delta echo
            us-officer | &tlp=AMBER                           | ''
            fr-officer | &tlp=AMBER                           | charlie
            ca-analyst | &tlp=AMBER                           | charlie
            us-officer | &situationCountry=SD&status=MONITORING | alpha delta
            fr-officer | &tlp=AMBER_STRICT&status=ACTIVE_RESPONSE | echo
            ca-officer | &tlp=AMBER_STRICT                    | ''
            de-officer | ''                                   | alpha bravo delta
            us-officer | &riskLevel=HIGH                      | ''
            """)
    void filtersCombineWithWhatTheCallerMaySee(String user, String filters, String expected) {
        JsonNode page = list(user, "q=" + marker + filters + "&sort=title,asc");

        List<String> names = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
        assertThat(names(page)).containsExactlyElementsOf(names);
        assertThat(page.get("totalItems").asLong()).isEqualTo(names.size());
    }

    @Test
    void searchTextIsLiteralAndCaseInsensitive() {
        assertThat(names(list("us-officer", "q=" + encode("(a+)+$ .*")))).containsExactly("delta");
        assertThat(names(list("us-officer", "q=" + encode(".*")))).containsExactly("delta");
        assertThat(names(list("us-officer", "q=" + encode(marker.toUpperCase()) + "&sort=title,asc")))
                .containsExactly("alpha", "bravo", "delta", "echo");
        assertThat(list("us-officer", "q=" + encode("{\"$ne\":null}")).get("totalItems").asLong()).isZero();
        assertThat(list("us-officer", "q=" + encode("^.*$")).get("totalItems").asLong()).isZero();
        long start = System.nanoTime();
        assertThat(list("us-officer", "q=" + encode("(a|aa)+(b|bb)+" + "a".repeat(150) + "!"))
                .get("totalItems").asLong()).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds for a pattern bomb").isLessThan(2_000);
    }

    @Test
    void sortsByTheAllowedFieldsInBothDirections() {
        String search = "q=" + marker;
        assertThat(names(list("fr-officer", search + "&sort=title,asc")))
                .containsExactly("alpha", "bravo", "charlie", "delta", "echo");
        assertThat(names(list("fr-officer", search + "&sort=title")))
                .containsExactly("alpha", "bravo", "charlie", "delta", "echo");
        assertThat(names(list("fr-officer", search + "&sort=title,desc")))
                .containsExactly("echo", "delta", "charlie", "bravo", "alpha");
        assertThat(names(list("fr-officer", search + "&sort=createdAt,asc")))
                .containsExactly("alpha", "bravo", "charlie", "delta", "echo");
        assertThat(names(list("fr-officer", search + "&sort=createdAt")))
                .containsExactly("echo", "delta", "charlie", "bravo", "alpha");
        assertThat(names(list("fr-officer", search + "&sort=updatedAt,desc")).subList(0, 2))
                .containsExactly("echo", "bravo");
        assertThat(names(list("fr-officer", search))).isEqualTo(names(list("fr-officer", search
                + "&sort=updatedAt,desc")));
        List<String> byStatus = names(list("fr-officer", search + "&sort=status,asc"));
        assertThat(byStatus.subList(0, 3)).containsExactlyInAnyOrder("alpha", "charlie", "delta");
        assertThat(byStatus.subList(3, 5)).containsExactly("bravo", "echo");
        assertThat(names(list("fr-officer", search + "&sort=status,desc")).subList(0, 2))
                .containsExactly("echo", "bravo");
    }

    @Test
    void pagesCountEveryMatchAndOnlyMatches() {
        String search = "q=" + marker + "&sort=title,asc&size=2";

        JsonNode first = list("us-officer", search + "&page=0");
        JsonNode second = list("us-officer", search + "&page=1");
        JsonNode beyond = list("us-officer", search + "&page=2");

        assertThat(names(first)).containsExactly("alpha", "bravo");
        assertThat(names(second)).containsExactly("delta", "echo");
        assertThat(beyond.get("items").size()).isZero();
        for (JsonNode page : List.of(first, second, beyond)) {
            assertThat(page.get("totalItems").asLong()).isEqualTo(4);
            assertThat(page.get("size").asInt()).isEqualTo(2);
        }
        assertThat(first.get("items").get(0).has("entries")).isFalse();
        assertThat(first.get("items").get(0).has("outbox")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            status=FROZEN                          | status
            situationCountry=ZZ                    | situationCountry
            tlp=PURPLE                             | tlp
            riskLevel=EXTREME                      | riskLevel
            sort=summary,desc                      | sort
            sort=title,sideways                    | sort
            sort=title;drop                        | sort
            status%5B%24ne%5D=x                    | status[$ne]
            q%5B%24regex%5D=.*                     | q[$regex]
            %24where=sleep(1000)                   | $where
            status=MONITORING&status=CLOSED        | status
            """)
    void unknownRepeatedAndInvalidParametersAreRefused(String query, String field) {
        HttpResponse<String> response = as("us-officer", "GET", "/api/cases?" + query, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "invalid-input");
        assertThat(fields(response)).containsExactly(field);
    }

    @Test
    void searchTextHasALimit() {
        HttpResponse<String> response = as("us-officer", "GET", "/api/cases?q=" + "x".repeat(201), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("q");
    }
}
