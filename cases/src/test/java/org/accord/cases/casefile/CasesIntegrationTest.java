package org.accord.cases.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.accord.cases.CasesApi;
import org.accord.identity.testing.TokenClaims;
import org.accord.support.testing.ServiceCalls;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Opening, reading and listing cases, and the service's answers to bad requests. */
class CasesIntegrationTest extends CasesApi {

    private final MongoTemplate mongo = database();

    @Autowired
    DerivedFieldsRefresh refresh;

    @Test
    void anAmberCaseSharedWithCanadaIsSeenByCanadaAndNotByTheUnitedStates() {
        long canadaBefore = list("ca-officer", "size=100").get("totalItems").asLong();
        long usBefore = list("us-officer", "size=100").get("totalItems").asLong();

        HttpResponse<String> created = send("POST", "/api/cases", tokenOf("fr-officer"),
                NewCaseBody.amberSharedWith("CA").json());

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode opened = NewCaseBody.parse(created.body());
        String id = opened.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/cases/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(opened.get("status").asString()).isEqualTo("MONITORING");
        assertThat(opened.get("tlp").asString()).isEqualTo("AMBER");
        assertThat(opened.get("originCountry").asString()).isEqualTo("FR");
        assertThat(opened.get("owners").toString()).isEqualTo("[\"fr-officer@fr\"]");
        assertThat(opened.get("createdBy").asString()).isEqualTo("fr-officer@fr");
        assertThat(opened.get("sharedWith").toString()).isEqualTo("[{\"country\":\"CA\",\"access\":\"READ\"}]");
        assertThat(opened.get("riskLevel").isNull()).isTrue();

        HttpResponse<String> seenByCanada = send("GET", "/api/cases/" + id, tokenOf("ca-officer"), null);
        assertThat(seenByCanada.statusCode()).isEqualTo(200);
        assertThat(seenByCanada.headers().firstValue("ETag")).hasValue("\"0\"");
        JsonNode canadaSees = NewCaseBody.parse(seenByCanada.body());
        assertThat(opened.get("allowedOperations").toString()).as("the originator may do everything with it")
                .isEqualTo("[\"UPDATE\",\"RELABEL\",\"SHARE\",\"ADD_ENTRY\",\"ADD_ASSESSMENT\",\"READ_AUDIT\","
                        + "\"CLOSE\"]");
        assertThat(canadaSees.get("allowedOperations").size()).as("Canada reads it and may do nothing else").isZero();
        assertThat(((ObjectNode) canadaSees).without("allowedOperations"))
                .isEqualTo(((ObjectNode) opened.deepCopy()).without("allowedOperations"));

        JsonNode canadaList = list("ca-officer", "size=100");
        assertThat(canadaList.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(canadaList.get("totalItems").asLong()).isEqualTo(canadaBefore + 1);

        HttpResponse<String> hiddenFromUs = send("GET", "/api/cases/" + id, tokenOf("us-officer"), null,
                "X-Request-Id", "hidden-or-missing");
        String missingId = UUID.randomUUID().toString();
        HttpResponse<String> missing = send("GET", "/api/cases/" + missingId, tokenOf("us-officer"), null,
                "X-Request-Id", "hidden-or-missing");
        assertThat(hiddenFromUs.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertProblem(hiddenFromUs, "not-found");
        assertThat(hiddenFromUs.body().replace(id, "{id}")).isEqualTo(missing.body().replace(missingId, "{id}"));

        JsonNode usList = list("us-officer", "size=100");
        assertThat(ids(usList)).doesNotContain(id);
        assertThat(usList.get("totalItems").asLong()).isEqualTo(usBefore);
    }

    @Test
    void listsAreNewestFirstAndPaged() {
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            opened.add(NewCaseBody.parse(send("POST", "/api/cases", tokenOf("fr-officer"),
                    NewCaseBody.labelled("GREEN").title("Green case " + i).json()).body()).get("id").asString());
        }

        JsonNode first = list("us-officer", "page=0&size=2");
        JsonNode second = list("us-officer", "page=1&size=2");

        assertThat(ids(first)).containsExactly(opened.get(2), opened.get(1));
        assertThat(ids(second).get(0)).isEqualTo(opened.get(0));
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("totalItems").asLong()).isEqualTo(second.get("totalItems").asLong())
                .isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = { "size=0", "size=101", "page=-1", "size=many" })
    void pageParametersOutOfRangeAreRefused(String query) {
        HttpResponse<String> response = send("GET", "/api/cases?" + query, tokenOf("ca-officer"), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "invalid-input");
        assertThat(fields(response)).containsExactly(query.substring(0, query.indexOf('=')));
    }

    @Test
    void analystsCannotOpenCases() {
        long stored = mongo.count(new Query(), Case.class);

        HttpResponse<String> response = send("POST", "/api/cases", tokenOf("fr-analyst"),
                NewCaseBody.labelled("GREEN").json());

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, "forbidden");
        assertThat(mongo.count(new Query(), Case.class)).isEqualTo(stored);
    }

    static Stream<Arguments> invalidCases() {
        return Stream.of(
                Arguments.of(NewCaseBody.labelled("GREEN").title(" "), List.of("title")),
                Arguments.of(NewCaseBody.labelled("GREEN").title("x".repeat(201)), List.of("title")),
                Arguments.of(NewCaseBody.labelled("GREEN").set("summary", "x".repeat(10_001)), List.of("summary")),
                Arguments.of(NewCaseBody.labelled("GREEN").set("situationCountry", "ZZ"), List.of("situationCountry")),
                Arguments.of(NewCaseBody.labelled("GREEN").set("situationCountry", "sd"), List.of("situationCountry")),
                Arguments.of(NewCaseBody.labelled("PURPLE"), List.of("tlp")),
                Arguments.of(NewCaseBody.labelled("GREEN").without("tlp").title(""), List.of("tlp", "title")),
                Arguments.of(NewCaseBody.labelled("AMBER").sharedWithCountry("CN", "READ"),
                        List.of("sharedWith[0].country")),
                Arguments.of(NewCaseBody.labelled("AMBER").sharedWithGroup("NATO", "READ"),
                        List.of("sharedWith[0].group")),
                Arguments.of(NewCaseBody.labelled("AMBER").sharedWith("CA", "EU", "READ"), List.of("sharedWith[0]")),
                Arguments.of(NewCaseBody.labelled("AMBER").sharedWithCountry("CA", "WRITE"),
                        List.of("sharedWith[0].access")),
                Arguments.of(NewCaseBody.labelled("AMBER").repeat("tags", "t", 51), List.of("tags")),
                Arguments.of(NewCaseBody.labelled("AMBER").set("tags",
                        NewCaseBody.parse("[\"" + "t".repeat(51) + "\"]")), List.of("tags[0]")),
                Arguments.of(NewCaseBody.labelled("RED").named(IntStream.range(0, 101)
                        .mapToObj(i -> "user" + i + "@fr").toArray(String[]::new)),
                        List.of("namedRecipients")),
                // a named recipient is a user of a member country's identity provider, named as the alliance names them
                Arguments.of(NewCaseBody.labelled("RED").named("fr-officer"), List.of("namedRecipients[0]")),
                Arguments.of(NewCaseBody.labelled("RED").named("fr-officer@fr", "fr-officer@cn"),
                        List.of("namedRecipients[1]")),
                Arguments.of(NewCaseBody.labelled("RED").named("FR-Officer@FR"), List.of("namedRecipients[0]")),
                Arguments.of(NewCaseBody.labelled("RED").named("service-account-fr-systems"),
                        List.of("namedRecipients[0]")),
                Arguments.of(manySharingEntries(), List.of("sharedWith")),
                Arguments.of(NewCaseBody.labelled("GREEN").set("title", NewCaseBody.parse("{\"$ne\":null}")),
                        List.of("title")));
    }

    private static NewCaseBody manySharingEntries() {
        NewCaseBody body = NewCaseBody.labelled("AMBER");
        for (int i = 0; i < 51; i++) {
            body.sharedWithCountry("CA", "READ");
        }
        return body;
    }

    @ParameterizedTest
    @MethodSource("invalidCases")
    void invalidInputNamesTheFieldsToFixAndStoresNothing(NewCaseBody body, List<String> badFields) {
        long stored = mongo.count(new Query(), Case.class);

        HttpResponse<String> response = send("POST", "/api/cases", tokenOf("fr-officer"), body.json());

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "invalid-input");
        assertThat(fields(response)).containsExactlyInAnyOrderElementsOf(badFields);
        assertThat(mongo.count(new Query(), Case.class)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = { "colour", "originCountry", "status", "owners" })
    void unknownFieldsAreRefused(String field) {
        long stored = mongo.count(new Query(), Case.class);

        HttpResponse<String> response = send("POST", "/api/cases", tokenOf("fr-officer"),
                NewCaseBody.labelled("GREEN").set(field, "US").json());

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "invalid-input");
        assertThat(fields(response)).containsExactly(field);
        assertThat(mongo.count(new Query(), Case.class)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"title\": ", "[1, 2]", "" })
    void malformedBodiesAreRefused(String body) {
        HttpResponse<String> response = send("POST", "/api/cases", tokenOf("fr-officer"), body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "malformed-json");
    }

    @Test
    void bodiesOverOneMebibyteAreRefusedWhetherOrNotTheyDeclareTheirLength() throws Exception {
        long stored = mongo.count(new Query(), Case.class);
        byte[] large = NewCaseBody.labelled("GREEN").set("summary", "x".repeat(1_100_000)).json()
                .getBytes(StandardCharsets.UTF_8);
        String uri = "http://localhost:" + port + "/api/cases";

        HttpResponse<String> declared = send("POST", "/api/cases", tokenOf("fr-officer"),
                new String(large, StandardCharsets.UTF_8));
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + tokenOf("fr-officer"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build(),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : List.of(declared, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertProblem(response, "payload-too-large");
        }
        assertThat(mongo.count(new Query(), Case.class)).isEqualTo(stored);
    }

    @Test
    void aCaseStoredBeforeListsMatchedTheAudienceIsListedAfterTheRefresh() {
        String marker = "stored-" + UUID.randomUUID();
        Date then = Date.from(Instant.parse("2024-06-01T00:00:00Z"));
        ObjectId id = new ObjectId();
        mongo.getCollection("cases").insertOne(new Document("_id", id).append("title", "Stored earlier")
                .append("summary", "").append("situationCountry", "SD").append("status", "MONITORING")
                .append("tlp", "AMBER").append("sharedWith", List.of(new Document("country", "CA")
                        .append("access", "READ")))
                .append("namedRecipients", List.of()).append("owners", List.of("fr-officer@fr"))
                .append("tags", List.of(marker)).append("originCountry", "FR").append("createdBy", "fr-officer@fr")
                .append("createdAt", then).append("updatedBy", "fr-officer@fr").append("updatedAt", then)
                .append("version", 0L));
        assertThat(list("ca-officer", "q=" + marker).get("totalItems").asLong()).isZero();

        assertThat(refresh.refresh()).isEqualTo(1);

        assertThat(ids(list("ca-officer", "q=" + marker))).containsExactly(id.toHexString());
        assertThat(list("us-officer", "q=" + marker).get("totalItems").asLong()).isZero();
        assertThat(send("GET", "/api/cases/" + id.toHexString(), tokenOf("ca-officer"), null).statusCode())
                .isEqualTo(200);
        assertThat(refresh.refresh()).isZero();
    }

    @Test
    void requestsWithoutAValidAllianceTokenAreUnauthenticated() {
        String partnerSystem = logins().systemsToken("fr");
        assertThat(send("GET", "/api/cases", partnerSystem, null).statusCode()).isEqualTo(200);

        for (String token : new String[] { null, logins().nationalToken("fr-officer"),
                TokenClaims.withPayloadEdited(partnerSystem, "\"country\":\"FR\"", "\"country\":\"US\"") }) {
            HttpResponse<String> response = send("GET", "/api/cases", token, null);
            assertThat(response.statusCode()).isEqualTo(401);
            assertProblem(response, "unauthenticated");
        }
    }

    @Test
    void serviceTokensHaveNoCountryAndUserTokensNoInternalAccess() {
        HttpResponse<String> service = send("GET", "/api/cases", logins().serviceToken("tasks"), null);
        HttpResponse<String> internal = send("GET", "/internal/x", tokenOf("ca-officer"), null);
        HttpResponse<String> partnerInternal = send("GET", "/internal/x", tokenOf("ca-systems"), null);

        assertThat(service.statusCode()).isEqualTo(403);
        assertProblem(service, "forbidden");
        assertThat(internal.statusCode()).isEqualTo(403);
        assertProblem(internal, "forbidden");
        assertThat(partnerInternal.statusCode()).isEqualTo(403);
    }

    @Test
    void aUserWithoutAPlatformRoleIsRefusedEverythingAndChangesNothing() {
        String id = open("fr-officer", NewCaseBody.labelled("GREEN").json()).get("id").asString();
        long stored = mongo.count(new Query(), Case.class);
        String visitor = tokenOf("fr-visitor");

        for (HttpResponse<String> response : List.of(send("GET", "/api/cases", visitor, null),
                send("GET", "/api/cases/" + id, visitor, null),
                send("GET", "/api/cases/" + id + "/audit", visitor, null),
                send("POST", "/api/cases", visitor, NewCaseBody.labelled("GREEN").json()),
                send("GET", "/internal/cases/" + id + "/audience", visitor, null))) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertProblem(response, "forbidden");
        }
        assertThat(mongo.count(new Query(), Case.class)).isEqualTo(stored);
    }

    @Test
    void tokensOfAClientThePlatformDoesNotKnowAreUnauthenticated() {
        String stranger = logins().unknownClientToken("FR", "officer", "operator");

        for (String path : List.of("/api/cases", "/internal/cases/0123456789abcdef01234567/audience")) {
            HttpResponse<String> response = send("GET", path, stranger, null);
            assertThat(response.statusCode()).isEqualTo(401);
            assertProblem(response, "unauthenticated");
        }
    }

    @Test
    void unknownAddressesAndMethodsAnswerWithProblems() {
        HttpResponse<String> unknown = send("GET", "/api/no-such-address", tokenOf("ca-officer"), null);
        HttpResponse<String> wrongMethod = send("DELETE", "/api/cases", tokenOf("ca-officer"), null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown, "not-found");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertProblem(wrongMethod, "method-not-allowed");
    }

    @Test
    void healthIsOpenOnTheManagementPortAndIncludesTheDatabase() {
        HttpResponse<String> response = ServiceCalls.send(managementPort, "GET", "/actuator/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = NewCaseBody.parse(response.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
    }

    private JsonNode list(String username, String query) {
        HttpResponse<String> response = send("GET", "/api/cases?" + query, tokenOf(username), null);
        assertThat(response.statusCode()).isEqualTo(200);
        return NewCaseBody.parse(response.body());
    }
}
