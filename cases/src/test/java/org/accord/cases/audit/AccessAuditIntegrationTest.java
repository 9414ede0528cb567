package org.accord.cases.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.accord.cases.CasesApi;
import org.accord.cases.casefile.NewCaseBody;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The originating country's access audit: what it records, who may read it, and that an entry edited in the
 * database breaks its hash chain.
 */
class AccessAuditIntegrationTest extends CasesApi {

    private final MongoTemplate mongo = database();

    private String amberCase() {
        return open("fr-officer", NewCaseBody.labelled("AMBER").sharedWithCountry("CA", "READ").json())
                .get("id").asString();
    }

    private JsonNode audit(String user, String caseId, String query) {
        return okJson(as(user, "GET", "/api/cases/" + caseId + "/audit" + query, null));
    }

    private JsonNode verification(String caseId) {
        return okJson(as("fr-officer", "GET", "/api/cases/" + caseId + "/audit/verification", null));
    }

    private static List<String> lines(JsonNode page) {
        List<String> lines = new ArrayList<>();
        // A platform service reads in no country's name: its entries show "-" there.
        page.get("items").forEach(item -> lines.add(item.get("sequence").asLong() + " " + item.get("user").asString()
                + " " + (item.get("country").isNull() ? "-" : item.get("country").asString()) + " "
                + item.get("action").asString() + " " + item.get("outcome").asString()));
        return lines;
    }

    @Test
    void aServiceReadingWhoMaySeeTheCaseIsRecordedInItsOwnNameAndTheChainHolds() {
        String caseId = amberCase();
        String audience = "/internal/cases/" + caseId + "/audience";

        assertThat(send("GET", audience, logins().serviceToken("notifications"), null).statusCode()).isEqualTo(200);
        assertThat(send("GET", audience, logins().serviceToken("tasks"), null).statusCode()).isEqualTo(200);
        assertThat(send("GET", audience, logins().serviceToken("cases"), null).statusCode()).isEqualTo(403);

        JsonNode page = audit("fr-officer", caseId, "");
        assertThat(lines(page)).containsExactly(
                "5 fr-officer@fr FR READ_AUDIT GRANTED",
                "4 service:accord-cases - READ_AUDIENCE DENIED_FORBIDDEN",
                "3 service:accord-tasks - READ_AUDIENCE GRANTED",
                "2 service:accord-notifications - READ_AUDIENCE GRANTED",
                "1 fr-officer@fr FR OPEN GRANTED");
        assertThat(page.get("items").get(3).get("caseVersion").asLong()).isEqualTo(0);
        JsonNode verified = verification(caseId);
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("entries").asLong()).isEqualTo(6);
    }

    @Test
    void everyReadChangeShareAndDeniedAttemptIsRecorded() {
        String caseId = amberCase();
        as("ca-officer", "GET", "/api/cases/" + caseId, null);
        as("us-officer", "GET", "/api/cases/" + caseId, null);
        as("ca-officer", "PATCH", "/api/cases/" + caseId, "{\"title\":\"x\"}", "If-Match", "\"0\"");
        as("fr-liaison", "PATCH", "/api/cases/" + caseId, "{\"title\":\"Renamed\"}", "If-Match", "\"0\"");
        as("fr-officer", "PUT", "/api/cases/" + caseId + "/sharing",
                NewCaseBody.labelled("AMBER").sharedWithCountry("CA", "READ").sharedWithCountry("GB", "READ")
                        .sharingJson());
        as("gb-analyst", "GET", "/api/cases/" + caseId + "/entries", null);
        as("ca-analyst", "GET", "/api/cases/" + caseId + "/audit", null);

        JsonNode page = audit("fr-analyst", caseId, "");

        assertThat(lines(page)).containsExactly(
                "9 fr-analyst@fr FR READ_AUDIT GRANTED",
                "8 ca-analyst@ca CA READ_AUDIT DENIED_NOT_VISIBLE",
                "7 gb-analyst@gb GB READ_ENTRIES GRANTED",
                "6 fr-officer@fr FR SHARE GRANTED",
                "5 fr-liaison@fr FR UPDATE GRANTED",
                "4 ca-officer@ca CA UPDATE DENIED_FORBIDDEN",
                "3 us-officer@us US READ DENIED_NOT_VISIBLE",
                "2 ca-officer@ca CA READ GRANTED",
                "1 fr-officer@fr FR OPEN GRANTED");
        assertThat(page.get("totalItems").asLong()).isEqualTo(9);
        JsonNode items = page.get("items");
        assertThat(items.get(3).get("caseVersion").asLong()).isEqualTo(2);
        assertThat(items.get(4).get("caseVersion").asLong()).isEqualTo(1);
        assertThat(items.get(5).get("caseVersion").isNull()).isTrue();
        assertThat(items.get(8).get("previousHash").asString()).isEqualTo("0".repeat(64));
        for (int i = 0; i < items.size() - 1; i++) {
            assertThat(items.get(i).get("previousHash")).isEqualTo(items.get(i + 1).get("hash"));
            assertThat(Instant.parse(items.get(i).get("at").asString()))
                    .isAfterOrEqualTo(Instant.parse(items.get(i + 1).get("at").asString()));
        }
    }

    @Test
    void onlyTheOriginatingCountryReadsTheAuditAndOthersCannotTellItExists() {
        String caseId = amberCase();
        String missing = UUID.randomUUID().toString();

        assertThat(as("fr-liaison", "GET", "/api/cases/" + caseId + "/audit", null).statusCode()).isEqualTo(200);
        assertThat(as("fr-systems", "GET", "/api/cases/" + caseId + "/audit/verification", null).statusCode())
                .isEqualTo(200);
        for (String path : List.of("/audit", "/audit/verification")) {
            for (String outsider : List.of("ca-officer", "us-officer")) {
                HttpResponse<String> refused = as(outsider, "GET", "/api/cases/" + caseId + path, null,
                        "X-Request-Id", "hidden-or-missing");
                HttpResponse<String> absent = as(outsider, "GET", "/api/cases/" + missing + path, null,
                        "X-Request-Id", "hidden-or-missing");
                assertThat(refused.statusCode()).isEqualTo(404);
                assertProblem(refused, "not-found");
                assertThat(refused.body().replace(caseId, "{id}")).isEqualTo(absent.body().replace(missing, "{id}"));
            }
        }
    }

    @Test
    void theAuditIsPagedNewestFirst() {
        String caseId = amberCase();
        for (int i = 0; i < 5; i++) {
            as("ca-officer", "GET", "/api/cases/" + caseId, null);
        }

        JsonNode first = audit("fr-officer", caseId, "?size=3");
        JsonNode second = audit("fr-officer", caseId, "?size=3&page=1");
        JsonNode third = audit("fr-officer", caseId, "?size=3&page=2");
        JsonNode beyond = audit("fr-officer", caseId, "?size=3&page=5");

        assertThat(lines(first)).containsExactly("7 fr-officer@fr FR READ_AUDIT GRANTED",
                "6 ca-officer@ca CA READ GRANTED", "5 ca-officer@ca CA READ GRANTED");
        assertThat(lines(second)).extracting(line -> line.split(" ")[0]).containsExactly("5", "4", "3");
        assertThat(lines(third)).extracting(line -> line.split(" ")[0]).containsExactly("3", "2", "1");
        assertThat(beyond.get("items").size()).isZero();
        assertThat(third.get("totalItems").asLong()).isEqualTo(9);
        assertThat(as("fr-officer", "GET", "/api/cases/" + caseId + "/audit?size=101", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void anEntryEditedInTheDatabaseBreaksTheChain() {
        String caseId = amberCase();
        as("ca-officer", "GET", "/api/cases/" + caseId, null);
        as("us-officer", "GET", "/api/cases/" + caseId, null);
        as("ca-liaison", "GET", "/api/cases/" + caseId, null);
        JsonNode intact = verification(caseId);
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("entries").asLong()).isEqualTo(5);
        assertThat(intact.get("brokenAt").isNull()).isTrue();

        // Someone with database access hides that the United States tried to read the case.
        mongo.getCollection("caseAudit").updateOne(new Document("_id", AuditEntry.idOf(caseId, 3)),
                new Document("$set", new Document("country", "CA").append("username", "ca-officer@ca")
                        .append("outcome", "GRANTED")));

        JsonNode broken = verification(caseId);
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("brokenAt").asLong()).isEqualTo(3);
        assertThat(broken.get("problem").asString()).isEqualTo("the entry's content does not match its hash");

        // Recomputing the edited entry's own hash moves the break to the entry after it.
        AuditEntry edited = mongo.findById(AuditEntry.idOf(caseId, 3), AuditEntry.class);
        mongo.getCollection("caseAudit").updateOne(new Document("_id", edited.id()),
                new Document("$set", new Document("hash", edited.computedHash())));
        JsonNode stillBroken = verification(caseId);
        assertThat(stillBroken.get("intact").asBoolean()).isFalse();
        assertThat(stillBroken.get("brokenAt").asLong()).isEqualTo(4);
        assertThat(stillBroken.get("problem").asString()).isEqualTo("the entry does not name its predecessor's hash");
    }

    @Test
    void aRemovedEntryBreaksTheChain() {
        String caseId = amberCase();
        as("us-officer", "GET", "/api/cases/" + caseId, null);
        as("ca-officer", "GET", "/api/cases/" + caseId, null);

        mongo.getCollection("caseAudit").deleteOne(new Document("_id", AuditEntry.idOf(caseId, 2)));

        JsonNode broken = verification(caseId);
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("brokenAt").asLong()).isEqualTo(2);
        assertThat(broken.get("problem").asString()).isEqualTo("the entry is missing");
    }

    @Test
    void aWriterStoppedBeforeMovingTheHeadLeavesTheChainWhole() {
        String caseId = amberCase();
        as("ca-officer", "GET", "/api/cases/" + caseId, null);
        // As if the writer of entry 2 stopped after adding it, before moving the head.
        AuditEntry first = mongo.findById(AuditEntry.idOf(caseId, 1), AuditEntry.class);
        mongo.getCollection("caseAuditTrails").replaceOne(new Document("_id", caseId),
                new Document("_id", caseId).append("length", 1L).append("lastHash", first.hash()));

        as("ca-liaison", "GET", "/api/cases/" + caseId, null);
        JsonNode checked = verification(caseId);

        assertThat(checked.get("intact").asBoolean()).isTrue();
        assertThat(checked.get("entries").asLong()).isEqualTo(4);
        assertThat(lines(audit("fr-officer", caseId, "?size=3"))).containsExactly(
                "5 fr-officer@fr FR READ_AUDIT GRANTED", "4 fr-officer@fr FR VERIFY_AUDIT GRANTED",
                "3 ca-liaison@ca CA READ GRANTED");
    }

    @Test
    void concurrentReadersExtendOneUnbrokenChain() throws Exception {
        String caseId = amberCase();
        String token = tokenOf("ca-officer");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                reads.add(pool.submit(() -> send("GET", "/api/cases/" + caseId, token, null).statusCode()));
            }
            for (Future<Integer> read : reads) {
                assertThat(read.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        JsonNode checked = verification(caseId);

        assertThat(checked.get("intact").asBoolean()).isTrue();
        assertThat(checked.get("entries").asLong()).isEqualTo(42);
        assertThat(audit("fr-officer", caseId, "").get("totalItems").asLong()).isEqualTo(43);
    }
}
