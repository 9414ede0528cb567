package org.accord.cases.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.accord.cases.CasesApi;
import org.accord.cases.casefile.Case;
import org.accord.cases.casefile.NewCaseBody;
import org.accord.cases.sharing.Tlp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The access rules as two tables, every call with a real token. One case per TLP, opened by fr-officer, shared with
 * CA (READ), DE (CONTRIBUTE) and the group EUROPE (CONTRIBUTE: GB, FR, DE), naming us-liaison@us, de-officer@de and
 * fr-analyst@fr. The first table says whether each caller may open a case and what it may do with each of them; the
 * second what every endpoint answers for that. The list shows each caller exactly the cases it may do anything with, and counts only them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseAccessIntegrationTest extends CasesApi {

    /** What a caller may do with one case. */
    enum Capability {
        /** Nothing: the case does not exist for the caller. */
        NONE("-"),
        /** Read it. */
        READ("R"),
        /** Read it and, being of the originating country, its audit. */
        AUDIT("A"),
        /** Read it, edit it, add to its timeline and assessments. */
        CONTRIBUTE("C"),
        /** Everything: also relabel, share and close. */
        ORIGINATOR("O");

        private final String code;

        Capability(String code) {
            this.code = code;
        }

        static Capability of(String code) {
            return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst().orElseThrow();
        }
    }

    /** Endpoint → the status for NONE, READ, AUDIT, CONTRIBUTE, ORIGINATOR. */
    private static final String ENDPOINTS = """
            GET case        | 404 | 200 | 200 | 200 | 200
            PATCH summary   | 404 | 403 | 403 | 200 | 200
            PATCH tlp       | 404 | 403 | 403 | 403 | 200
            PATCH close     | 404 | 403 | 403 | 403 | 200
            PUT sharing     | 404 | 403 | 403 | 403 | 200
            GET entries     | 404 | 200 | 200 | 200 | 200
            POST entry      | 404 | 403 | 403 | 201 | 201
            GET assessments | 404 | 200 | 200 | 200 | 200
            POST assessment | 404 | 403 | 403 | 201 | 201
            GET audit       | 404 | 404 | 200 | 404 | 200
            GET verification| 404 | 404 | 200 | 404 | 200
            """;

    private static final List<Tlp> LABELS = List.of(Tlp.values());

    /** An assessment scoring every factor 0. */
    private static final String CALM = IntStream.rangeClosed(1, 14)
            .mapToObj(i -> "\"RF" + i + "\":{\"score\":0,\"note\":\"No sign\"}")
            .collect(Collectors.joining(",", "{\"factors\":{", "}}"));

    private final MongoTemplate mongo = database();

    private final Map<Tlp, String> caseOf = new EnumMap<>(Tlp.class);
    private final Map<Tlp, NewCaseBody> bodyOf = new EnumMap<>(Tlp.class);

    private final String marker = "matrix-" + UUID.randomUUID();

    @BeforeAll
    void openOneCasePerLabel() {
        for (Tlp tlp : LABELS) {
            NewCaseBody body = NewCaseBody.labelled(tlp.name()).title(tlp + " case of the access table")
                    .sharedWithCountry("CA", "READ").sharedWithCountry("DE", "CONTRIBUTE")
                    .sharedWithGroup("EUROPE", "CONTRIBUTE")
                    .named("us-liaison@us", "de-officer@de", "fr-analyst@fr")
                    .tagged(marker);
            bodyOf.put(tlp, body);
            caseOf.put(tlp, open("fr-officer", body.json()).get("id").asString());
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # user      | relation to the cases                       | opens | CLEAR | GREEN | AMBER | AMBER_STRICT | RED
            fr-officer  | originator, owner                           | 201   | O     | O     | O     | O            | O
            fr-liaison  | originator, not an owner                    | 201   | O     | O     | O     | O            | -
            fr-analyst  | originator, analyst, named                  | 403   | A     | A     | A     | A            | A
            fr-systems  | originator's partner system                 | 201   | O     | O     | O     | O            | -
            ca-officer  | listed READ                                 | 201   | R     | R     | R     | R            | -
            ca-liaison  | listed READ                                 | 201   | R     | R     | R     | R            | -
            ca-analyst  | listed READ, analyst                        | 403   | R     | R     | R     | R            | -
            de-officer  | listed CONTRIBUTE, named                    | 201   | C     | C     | C     | C            | C
            de-liaison  | listed CONTRIBUTE                           | 201   | C     | C     | C     | C            | -
            de-analyst  | listed CONTRIBUTE, analyst                  | 403   | R     | R     | R     | R            | -
            gb-officer  | in a group listed CONTRIBUTE                | 201   | C     | C     | C     | C            | -
            gb-liaison  | in a group listed CONTRIBUTE                | 201   | C     | C     | C     | C            | -
            gb-analyst  | in a group listed CONTRIBUTE, analyst       | 403   | R     | R     | R     | R            | -
            us-officer  | unlisted                                    | 201   | R     | R     | -     | -            | -
            us-liaison  | unlisted, named                             | 201   | R     | R     | -     | -            | R
            us-analyst  | unlisted, analyst                           | 403   | R     | R     | -     | -            | -
            us-systems  | unlisted partner system                     | 201   | R     | R     | -     | -            | -
            """)
    void everyEndpointAnswersAsTheTablesSay(String user, String relation, int opens, String clear, String green,
            String amber, String amberStrict, String red) {
        Map<Tlp, Capability> capabilities = new EnumMap<>(Tlp.class);
        capabilities.put(Tlp.CLEAR, Capability.of(clear));
        capabilities.put(Tlp.GREEN, Capability.of(green));
        capabilities.put(Tlp.AMBER, Capability.of(amber));
        capabilities.put(Tlp.AMBER_STRICT, Capability.of(amberStrict));
        capabilities.put(Tlp.RED, Capability.of(red));

        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, Integer> answered = new LinkedHashMap<>();
        for (Tlp tlp : LABELS) {
            for (String row : ENDPOINTS.strip().split("\n")) {
                String[] cells = row.split("\\|");
                String endpoint = cells[0].trim();
                expected.put(tlp + " " + endpoint,
                        Integer.valueOf(cells[1 + capabilities.get(tlp).ordinal()].trim()));
                answered.put(tlp + " " + endpoint, call(endpoint, user, tlp));
            }
        }

        expected.put("POST case", opens);
        answered.put("POST case", as(user, "POST", "/api/cases", NewCaseBody.labelled("GREEN").json()).statusCode());

        assertThat(answered).as(user + ", " + relation).containsExactlyEntriesOf(expected);

        HttpResponse<String> listed = as(user, "GET", "/api/cases?size=100&q=" + marker, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode page = parse(listed.body());
        Set<String> visible = LABELS.stream().filter(tlp -> capabilities.get(tlp) != Capability.NONE)
                .map(caseOf::get).collect(Collectors.toSet());
        assertThat(ids(page)).as("the list of " + user).containsExactlyInAnyOrderElementsOf(visible);
        assertThat(page.get("totalItems").asLong()).as("the count of " + user).isEqualTo(visible.size());
    }

    private int call(String endpoint, String user, Tlp tlp) {
        String id = caseOf.get(tlp);
        return switch (endpoint) {
            case "GET case" -> as(user, "GET", "/api/cases/" + id, null).statusCode();
            case "PATCH summary" -> patch(user, id, "{\"summary\":\"Reviewed by " + user + "\"}").statusCode();
            case "PATCH tlp" -> {
                Tlp other = tlp == Tlp.CLEAR ? Tlp.GREEN : Tlp.CLEAR;
                int status = patch(user, id, "{\"tlp\":\"" + other + "\"}").statusCode();
                if (status == 200) {
                    assertThat(patch("fr-officer", id, "{\"tlp\":\"" + tlp + "\"}").statusCode()).isEqualTo(200);
                }
                yield status;
            }
            case "PATCH close" -> {
                int status = patch(user, id, "{\"status\":\"CLOSED\"}").statusCode();
                if (status == 200) {
                    assertThat(patch("fr-officer", id, "{\"status\":\"MONITORING\"}").statusCode()).isEqualTo(200);
                }
                yield status;
            }
            case "PUT sharing" -> as(user, "PUT", "/api/cases/" + id + "/sharing", bodyOf.get(tlp).sharingJson())
                    .statusCode();
            case "GET entries" -> as(user, "GET", "/api/cases/" + id + "/entries", null).statusCode();
            case "POST entry" -> as(user, "POST", "/api/cases/" + id + "/entries",
                    "{\"kind\":\"OBSERVATION\",\"text\":\"Seen by " + user
                            + "\",\"occurredAt\":\"2025-03-01T08:00:00Z\"}").statusCode();
            case "GET assessments" -> as(user, "GET", "/api/cases/" + id + "/assessments", null).statusCode();
            case "POST assessment" -> as(user, "POST", "/api/cases/" + id + "/assessments", CALM).statusCode();
            case "GET audit" -> as(user, "GET", "/api/cases/" + id + "/audit", null).statusCode();
            case "GET verification" -> as(user, "GET", "/api/cases/" + id + "/audit/verification", null)
                    .statusCode();
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private HttpResponse<String> patch(String user, String id, String body) {
        return as(user, "PATCH", "/api/cases/" + id, body, "If-Match", mongo.findById(id, Case.class).etag());
    }
}
