package org.accord.deploy.hostile;

import static org.accord.deploy.hostile.LaunchedPlatform.api;
import static org.accord.deploy.hostile.LaunchedPlatform.bearer;
import static org.accord.deploy.hostile.LaunchedPlatform.json;
import static org.accord.deploy.hostile.LaunchedPlatform.logins;
import static org.accord.deploy.hostile.LaunchedPlatform.platform;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.accord.identity.testing.BrowserSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Attacks with the platform's own credentials, as someone holding one service's secret (or the operators') would
 * make them inside the network: each service's token is refused wherever its service has no business, the operators'
 * token opens parked events and nothing else, an event forged with the real tasks token is parked and reaches nobody,
 * and every reading of a case by a service is on the originator's audit.
 */
@ExtendWith(LaunchedPlatform.class)
class HostileServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);

    @Test
    void eachPlatformTokenIsRefusedWhereItsHolderHasNoBusiness() {
        BrowserSession france = logins().gatewaySession("fr-officer");
        String caseId = openAmberCase(france, "Forced returns from the camps", "CA");
        String audience = platform().url("cases") + "/internal/cases/" + caseId + "/audience";
        String events = platform().url("notifications") + "/internal/events";
        String cases = logins().serviceToken("cases");
        String tasks = logins().serviceToken("tasks");
        String notifications = logins().serviceToken("notifications");
        String operators = logins().operatorToken();

        for (String token : List.of(cases, operators)) {
            HttpResponse<String> refused = bearer("GET", audience, token, null, null);
            assertRefused(refused);
            assertThat(refused.body()).doesNotContain("Forced returns");
        }
        String caseEvent = event("CaseUpdated", caseId, null, Map.of("changedFields", List.of("title")));
        for (String token : List.of(tasks, notifications, operators)) {
            assertRefused(bearer("POST", events, token, "application/json", caseEvent));
        }
        String actionEvent = event("ActionProposed", caseId, "0123456789abcdef01234567",
                Map.of("countries", List.of("CA")));
        for (String token : List.of(cases, notifications, operators)) {
            assertRefused(bearer("POST", events, token, "application/json", actionEvent));
        }
        for (String parked : List.of(platform().url("cases") + "/internal/relay/parked",
                platform().url("tasks") + "/internal/relay/parked",
                platform().url("notifications") + "/internal/events/parked")) {
            for (String token : List.of(cases, tasks, notifications)) {
                assertRefused(bearer("GET", parked, token, null, null));
            }
            HttpResponse<String> listed = bearer("GET", parked, operators, null, null);
            assertThat(listed.statusCode()).as(parked + ": " + listed.body()).isEqualTo(200);
        }
        assertThat(bearer("GET", api("/cases/" + caseId), operators, null, null).statusCode())
                .as("the operators' token opens nothing of the API").isIn(401, 403);

        JsonNode audit = auditOf(france, caseId);
        assertThat(entries(audit, "service:accord-cases", "DENIED_FORBIDDEN")).isPositive();
        assertThat(entries(audit, "service:accord-operators", "DENIED_FORBIDDEN")).isPositive();
        assertChainIntact(france, caseId);
    }

    @Test
    void aProposalForgedWithTheRealTasksTokenIsParkedAndReachesNobody() throws InterruptedException {
        BrowserSession france = logins().gatewaySession("fr-officer");
        BrowserSession germany = logins().gatewaySession("de-officer");
        String caseId = openAmberCase(france, "Detention of aid workers", "CA", "DE");
        String actionId = propose(france, caseId, "CA");
        String forged = event("ActionProposed", caseId, actionId, Map.of("countries", List.of("DE"),
                "dueDate", Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        String forgedId = JSON.readTree(forged).get("id").asString();

        HttpResponse<String> taken = bearer("POST", platform().url("notifications") + "/internal/events",
                logins().serviceToken("tasks"), "application/json", forged);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(202);

        String operators = logins().operatorToken();
        JsonNode parked = eventually("the forged proposal parked", () -> parkedEvent(forgedId, operators));
        assertThat(parked.get("failure").asString())
                .isEqualTo("refused: the action " + actionId + " is addressed to [CA], not to [DE]");
        assertThat(itemsAbout(germany, forgedId)).as("Germany hears nothing of it").isZero();
        assertThat(itemsAbout(logins().gatewaySession("ca-officer"), forgedId)).isZero();

        HttpResponse<String> redriven = bearer("POST", platform().url("notifications") + "/internal/events/"
                + forgedId + "/redrive", operators, null, null);
        assertThat(redriven.statusCode()).as("the operators redrive it: " + redriven.body()).isEqualTo(204);
        JsonNode again = eventually("parked again after the redrive", () -> {
            JsonNode event = parkedEvent(forgedId, operators);
            return event != null && event.hasNonNull("failedAt")
                    && Instant.parse(event.get("parkedAt").asString()).isAfter(Instant.parse(parked.get("parkedAt")
                            .asString())) ? event : null;
        });
        assertThat(again.get("failure").asString()).isEqualTo(parked.get("failure").asString());
        assertThat(itemsAbout(germany, forgedId)).as("nor after the redrive").isZero();
        assertChainIntact(france, caseId);
    }

    @Test
    void everyReadingOfACaseByAServiceIsOnTheOriginatorsAudit() throws InterruptedException {
        BrowserSession france = logins().gatewaySession("fr-officer");
        String caseId = openAmberCase(france, "Attacks on a hospital", "GB");

        eventually("notifications' reading on the audit", () -> entries(auditOf(france, caseId),
                "service:accord-notifications", "GRANTED") > 0 ? caseId : null);
        HttpResponse<String> read = bearer("GET", platform().url("cases") + "/internal/cases/" + caseId
                + "/audience", logins().serviceToken("tasks"), null, null);
        assertThat(read.statusCode()).isEqualTo(200);

        assertThat(entries(auditOf(france, caseId), "service:accord-tasks", "GRANTED")).isEqualTo(1);
        assertChainIntact(france, caseId);
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("type").asString()).isEqualTo("https://accord.example/problems/forbidden");
    }

    private static String openAmberCase(BrowserSession originator, String title, String... sharedWith) {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", title + " " + UUID.randomUUID().toString().substring(0, 6))
                .put("summary", "Witnesses describe it in detail.").put("situationCountry", "SD").put("tlp", "AMBER");
        for (String country : sharedWith) {
            body.withArray("sharedWith").addObject().put("country", country).put("access", "READ");
        }
        body.putArray("namedRecipients");
        body.putArray("tags");
        BrowserSession.Page opened = originator.sendJson("POST", api("/cases"), JSON.writeValueAsString(body));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return json(opened).get("id").asString();
    }

    /**
     * Proposes the action and answers its id. The gateway gives tasks five seconds; on a loaded machine the first
     * proposal may take longer, so a proposal the gateway gave up on is looked for before it is made again.
     */
    private static String propose(BrowserSession proposer, String caseId, String... countries) {
        for (int attempt = 1;; attempt++) {
            BrowserSession.Page proposed = proposer.sendJson("POST", api("/tasks"), newAction(caseId, countries));
            if (proposed.status() == 201) {
                return json(proposed).get("id").asString();
            }
            assertThat(proposed.status()).as(proposed.body()).isEqualTo(504);
            assertThat(attempt).as("proposals the gateway gave up on").isLessThan(3);
            BrowserSession.Page listed = proposer.get(api("/tasks?caseId=" + caseId));
            if (listed.status() == 200 && json(listed).get("totalItems").asLong() > 0) {
                return json(listed).get("items").get(0).get("id").asString();
            }
        }
    }

    private static String newAction(String caseId, String... countries) {
        ObjectNode body = JSON.createObjectNode();
        body.put("caseId", caseId).put("type", "DIPLOMATIC_DEMARCHE").put("title", "Joint démarche")
                .put("dueDate", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("priority", "HIGH");
        for (String country : countries) {
            body.withArray("countries").add(country);
        }
        return JSON.writeValueAsString(body);
    }

    /** An event as a relay would post it, with a new id and a sequence no real event of the case or action has. */
    private static String event(String type, String caseId, String actionId, Map<String, Object> fields) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", UUID.randomUUID().toString()).put("type", type).put("occurredAt", Instant.now().toString())
                .put("caseId", caseId).put("sequence", 90).put("actor", "fr-officer@fr").put("actorCountry", "FR");
        if (actionId != null) {
            event.put("taskId", actionId);
        }
        fields.forEach((field, value) -> event.set(field, JSON.valueToTree(value)));
        return JSON.writeValueAsString(event);
    }

    private static JsonNode parkedEvent(String eventId, String operators) {
        HttpResponse<String> list = bearer("GET", platform().url("notifications") + "/internal/events/parked",
                operators, null, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode item : json(list).get("items")) {
            if (eventId.equals(item.get("id").asString())) {
                return item;
            }
        }
        return null;
    }

    private static long itemsAbout(BrowserSession reader, String eventId) {
        long found = 0;
        for (JsonNode item : json(reader.get(api("/notifications?size=100"))).get("items")) {
            found += eventId.equals(item.get("eventId").asString()) ? 1 : 0;
        }
        return found;
    }

    private static JsonNode auditOf(BrowserSession originator, String caseId) {
        BrowserSession.Page audit = originator.get(api("/cases/" + caseId + "/audit?size=100"));
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        return json(audit);
    }

    private static long entries(JsonNode audit, String user, String outcome) {
        long found = 0;
        for (JsonNode entry : audit.path("items")) {
            found += user.equals(entry.path("user").asString()) && "READ_AUDIENCE".equals(entry.path("action")
                    .asString()) && outcome.equals(entry.path("outcome").asString()) ? 1 : 0;
        }
        return found;
    }

    private static void assertChainIntact(BrowserSession originator, String caseId) {
        BrowserSession.Page verification = originator.get(api("/cases/" + caseId + "/audit/verification"));
        assertThat(verification.status()).as(verification.body()).isEqualTo(200);
        assertThat(json(verification).path("intact").asBoolean()).as(verification.body()).isTrue();
    }

    private static <T> T eventually(String what, Supplier<T> read) throws InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY_WAIT);
        T found = read.get();
        while (found == null) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(500);
            found = read.get();
        }
        return found;
    }
}
