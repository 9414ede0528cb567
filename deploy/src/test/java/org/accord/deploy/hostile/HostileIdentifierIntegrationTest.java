package org.accord.deploy.hostile;

import static org.accord.deploy.hostile.LaunchedPlatform.api;
import static org.accord.deploy.hostile.LaunchedPlatform.assertAuditIntactAndListing;
import static org.accord.deploy.hostile.LaunchedPlatform.json;
import static org.accord.deploy.hostile.LaunchedPlatform.logins;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.accord.identity.testing.BrowserSession;
import org.accord.support.testing.SameAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canada, a contributor to a French AMBER case, writes every id it sends in another spelling than the platform's
 * (upper or mixed case, padded, overlong): each call answers exactly as an id that does not exist, nothing is
 * changed, France's audit stays intact and lists only Canada's real accesses, and the case's list of actions shows
 * every action Canada made.
 */
@ExtendWith(LaunchedPlatform.class)
class HostileIdentifierIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);

    private final BrowserSession france = logins().gatewaySession("fr-officer");
    private final BrowserSession canada = logins().gatewaySession("ca-officer");

    @Test
    void everyOtherSpellingOfAnIdAnswersAsAMissingOneAndLeavesTheAuditIntact() throws InterruptedException {
        String caseId = json(france.sendJson("POST", api("/cases"), "{\"title\":\"Shelling of the camp\","
                + "\"summary\":\"Reports of shelling.\",\"situationCountry\":\"SD\",\"tlp\":\"AMBER\","
                + "\"sharedWith\":[{\"country\":\"CA\",\"access\":\"CONTRIBUTE\"}]}")).get("id").asString();
        assertThat(canada.get(api("/cases/" + caseId)).status()).isEqualTo(200);
        BrowserSession.Page proposed = canada.sendJson("POST", api("/tasks"), newAction(caseId));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String actionId = json(proposed).get("id").asString();
        String itemId = eventually(() -> inboxItemAbout(caseId));

        int actionsMade = 1; // the one proposed above; every other spelling made none
        for (Map.Entry<String, String> spelling : spellings(caseId).entrySet()) {
            attempt("case " + spelling.getKey(), spelling.getValue(), caseId, id -> canada.get(api("/cases/" + id)));
            attempt("edit " + spelling.getKey(), spelling.getValue(), caseId, id -> canada.sendJson("PATCH",
                    api("/cases/" + id), "{\"title\":\"Taken over\"}"));
            attempt("timeline " + spelling.getKey(), spelling.getValue(), caseId, id -> canada.get(
                    api("/cases/" + id + "/entries")));
            attempt("new entry " + spelling.getKey(), spelling.getValue(), caseId, id -> canada.sendJson("POST",
                    api("/cases/" + id + "/entries"), "{\"kind\":\"OBSERVATION\",\"text\":\"Seen.\","
                            + "\"occurredAt\":\"2025-03-02T10:15:00Z\"}"));
            attempt("assessments " + spelling.getKey(), spelling.getValue(), caseId, id -> canada.get(
                    api("/cases/" + id + "/assessments")));
            attempt("new assessment " + spelling.getKey(), spelling.getValue(), caseId, id -> canada.sendJson(
                    "POST", api("/cases/" + id + "/assessments"), assessment()));
            attempt("audit " + spelling.getKey(), spelling.getValue(), caseId, id -> canada.get(
                    api("/cases/" + id + "/audit")));
            attempt("actions of the case " + spelling.getKey(), spelling.getValue(), caseId, id -> canada.get(
                    api("/tasks?caseId=" + id)));
            attemptInBody("new action " + spelling.getKey(), spelling.getValue(), caseId, raw -> canada.sendJson(
                    "POST", api("/tasks"), newAction(raw)));
        }
        for (Map.Entry<String, String> spelling : spellings(actionId).entrySet()) {
            attempt("action " + spelling.getKey(), spelling.getValue(), actionId, id -> canada.get(
                    api("/tasks/" + id)));
            attempt("edit action " + spelling.getKey(), spelling.getValue(), actionId, id -> canada.sendJson(
                    "PATCH", api("/tasks/" + id), "{\"title\":\"Renamed\"}"));
            attempt("comment " + spelling.getKey(), spelling.getValue(), actionId, id -> canada.sendJson("POST",
                    api("/tasks/" + id + "/comments"), "{\"text\":\"Ready.\"}"));
            attempt("accept " + spelling.getKey(), spelling.getValue(), actionId, id -> canada.sendJson("POST",
                    api("/tasks/" + id + "/assignments/CA/transitions"), "{\"to\":\"ACCEPTED\"}"));
            attempt("cancel " + spelling.getKey(), spelling.getValue(), actionId, id -> canada.sendJson("POST",
                    api("/tasks/" + id + "/cancellation"), "{\"reason\":\"Overtaken.\"}"));
        }
        for (Map.Entry<String, String> spelling : spellings(itemId).entrySet()) {
            attempt("mark read " + spelling.getKey(), spelling.getValue(), itemId, id -> canada.send("POST",
                    api("/notifications/" + id + "/read"), null, null));
        }

        JsonNode action = json(canada.get(api("/tasks/" + actionId)));
        assertThat(action.get("title").asString()).as("the action is as proposed").isEqualTo("Designate the "
                + "commanders");
        assertThat(action.get("comments").size()).isZero();
        assertThat(action.get("status").asString()).isEqualTo("OPEN");
        JsonNode theCase = json(france.get(api("/cases/" + caseId)));
        assertThat(theCase.get("title").asString()).isEqualTo("Shelling of the camp");
        assertThat(theCase.get("entries").size()).isZero();
        assertThat(inboxItem(itemId).get("read").asBoolean()).as("the item is still unread").isFalse();

        assertAuditIntactAndListing(france, caseId, "CA");
        JsonNode actions = json(france.get(api("/tasks?caseId=" + caseId)));
        assertThat(actions.get("totalItems").asInt()).as("every action Canada made, under the case's own id")
                .isEqualTo(actionsMade);
        assertThat(actions.get("items").get(0).get("caseId").asString()).isEqualTo(caseId);
        List<String> named = new ArrayList<>();
        json(canada.get(api("/tasks?size=100"))).get("items")
                .forEach(item -> named.add(item.get("caseId").asString()));
        assertThat(named)
                .as("Canada's actions name the case only as the platform writes its id")
                .allSatisfy(id -> assertThat(id).matches("[0-9a-f]{24}"));
    }

    /** The spelling in the address answers exactly as a well-formed id that names nothing. */
    private void attempt(String what, String spelling, String canonical, Function<String, BrowserSession.Page> call) {
        BrowserSession.Page missing = paced(call, missingLike(canonical));
        BrowserSession.Page attack = paced(call, URLEncoder.encode(spelling, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        assertSame(what, attack, missing);
    }

    /** The spelling as a body field answers exactly as a well-formed id that names nothing. */
    private void attemptInBody(String what, String spelling, String canonical,
            Function<String, BrowserSession.Page> call) {
        assertSame(what, paced(call, spelling), paced(call, missingLike(canonical)));
    }

    /** The call's answer, waiting as told by the gateway's rate limit: the attack makes many calls in a row. */
    private static BrowserSession.Page paced(Function<String, BrowserSession.Page> call, String id) {
        BrowserSession.Page page = call.apply(id);
        for (int round = 0; page.status() == 429 && round < 20; round++) {
            long seconds = page.header("Retry-After").map(Long::parseLong).orElse(1L);
            try {
                Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            page = call.apply(id);
        }
        return page;
    }

    private static void assertSame(String what, BrowserSession.Page attack, BrowserSession.Page missing) {
        SameAnswer.assertSameBody(what, attack.status(), attack.body(), missing.status(), missing.body());
    }

    private static String missingLike(String canonical) {
        return canonical.contains("-") ? UUID.randomUUID().toString()
                : String.format("%024x", new BigInteger(96, RANDOM));
    }

    private static Map<String, String> spellings(String canonical) {
        Map<String, String> spellings = new LinkedHashMap<>();
        spellings.put("upper-case", canonical.toUpperCase());
        StringBuilder mixed = new StringBuilder();
        boolean upper = true;
        for (char c : canonical.toCharArray()) {
            mixed.append(Character.isLetter(c) && (upper = !upper) ? Character.toUpperCase(c) : c);
        }
        spellings.put("mixed-case", mixed.toString());
        spellings.put("padded", " " + canonical + " ");
        spellings.put("tab-padded", canonical + "\t");
        spellings.put("zero-padded", "00" + canonical);
        spellings.put("overlong", canonical + "a");
        return spellings;
    }

    private static String newAction(String caseId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("caseId", caseId).put("type", "SANCTIONS_DESIGNATION").put("title", "Designate the commanders")
                .put("dueDate", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("priority", "HIGH");
        body.putArray("countries").add("CA").add("FR");
        return JSON.writeValueAsString(body);
    }

    private static String assessment() {
        StringBuilder factors = new StringBuilder("{\"factors\":{");
        for (int i = 1; i <= 14; i++) {
            factors.append(i > 1 ? "," : "").append("\"RF").append(i).append("\":{\"score\":1,\"note\":\"Seen.\"}");
        }
        return factors.append("}}").toString();
    }

    private String inboxItemAbout(String caseId) {
        for (JsonNode item : json(canada.get(api("/notifications?size=100"))).get("items")) {
            if (caseId.equals(item.get("caseId").asString())) {
                return item.get("id").asString();
            }
        }
        return null;
    }

    private JsonNode inboxItem(String itemId) {
        for (JsonNode item : json(canada.get(api("/notifications?size=100"))).get("items")) {
            if (itemId.equals(item.get("id").asString())) {
                return item;
            }
        }
        throw new AssertionError("no inbox item " + itemId);
    }

    private static String eventually(Supplier<String> read) throws InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY_WAIT);
        String found = read.get();
        while (found == null) {
            assertThat(Instant.now()).as("Canada's inbox item about the case").isBefore(deadline);
            Thread.sleep(500);
            found = read.get();
        }
        return found;
    }
}
