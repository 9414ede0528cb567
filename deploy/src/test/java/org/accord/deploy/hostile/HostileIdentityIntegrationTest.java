package org.accord.deploy.hostile;

import static org.accord.deploy.hostile.LaunchedPlatform.api;
import static org.accord.deploy.hostile.LaunchedPlatform.assertAuditIntactAndListing;
import static org.accord.deploy.hostile.LaunchedPlatform.bearer;
import static org.accord.deploy.hostile.LaunchedPlatform.json;
import static org.accord.deploy.hostile.LaunchedPlatform.logins;
import static org.accord.deploy.hostile.LaunchedPlatform.platform;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.accord.identity.testing.BrowserSession;
import org.accord.identity.testing.KeycloakAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * Attacks on who the platform takes a caller for: another government's directory standing in for a French user, an
 * account of a member country without a platform role, and a client of the alliance realm the platform does not know.
 */
@ExtendWith(LaunchedPlatform.class)
class HostileIdentityIntegrationTest {

    /**
     * Germany's directory holds a user with the national username of a French user who has not signed in yet. The
     * German signs in first, then France opens a RED case for the French user: the German never sees it, and the
     * French user, signing in afterwards, is a person of their own who does.
     */
    @Test
    void aNamesakeInAnotherGovernmentsDirectoryCannotTakeOverAPersonsRedCases() {
        String name = "fr-attache-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin admin = logins().admin();
        admin.createUser("fr", name, "attache-fr", "officer");
        admin.createUser("de", name, "attache-de", "officer");

        BrowserSession impostor = logins().gatewaySession("de", name, "attache-de");
        JsonNode impostorAccount = json(impostor.get(api("/me")));
        BrowserSession france = logins().gatewaySession("fr-officer");
        BrowserSession.Page bare = france.sendJson("POST", api("/cases"), redCaseNaming(name, name));
        BrowserSession.Page opened = france.sendJson("POST", api("/cases"), redCaseNaming(name, name + "@fr"));

        assertThat(impostorAccount.path("username").asString()).isEqualTo(name + "@de");
        assertThat(bare.status()).as("a bare name stands for nobody: %s", bare.body()).isEqualTo(400);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseId = json(opened).path("id").asString();
        BrowserSession.Page seenByImpostor = impostor.get(api("/cases/" + caseId));
        assertThat(seenByImpostor.status()).isEqualTo(404);
        assertThat(json(impostor.get(api("/cases?q=" + name))).path("totalItems").asLong()).isZero();

        BrowserSession french = logins().gatewaySession("fr", name, "attache-fr");
        JsonNode frenchAccount = json(french.get(api("/me")));
        assertThat(frenchAccount.path("username").asString()).isEqualTo(name + "@fr");
        assertThat(frenchAccount.path("subject").asString()).isNotEqualTo(impostorAccount.path("subject").asString());
        BrowserSession.Page seenByFrench = french.get(api("/cases/" + caseId));
        assertThat(seenByFrench.status()).as(seenByFrench.body()).isEqualTo(200);
        assertThat(json(seenByFrench).path("namedRecipients").toString()).isEqualTo("[\"" + name + "@fr\"]");
        assertAuditIntactAndListing(france, caseId, "DE");
    }

    /** A French account the French directory gives no platform role learns who it is, and nothing else. */
    @Test
    void anAccountWithoutAPlatformRoleReadsAndChangesNothing() {
        BrowserSession france = logins().gatewaySession("fr-officer");
        String caseId = openToEveryMember(france);
        BrowserSession visitor = logins().gatewaySession("fr-visitor");

        BrowserSession.Page me = visitor.get(api("/me"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(json(me).path("roles").size()).isZero();
        for (BrowserSession.Page refused : List.of(visitor.get(api("/cases")), visitor.get(api("/cases/" + caseId)),
                visitor.get(api("/cases/" + caseId + "/audit")), visitor.get(api("/tasks?caseId=" + caseId)),
                visitor.get(api("/notifications")), visitor.get(api("/countries")),
                visitor.sendJson("POST", api("/cases/" + caseId + "/entries"), "{\"text\":\"seen\"}"),
                visitor.sendJson("PUT", api("/cases/" + caseId + "/sharing"), "{\"tlp\":\"RED\"}"))) {
            assertThat(refused.status()).as(refused.uri() + " " + refused.body()).isEqualTo(403);
            assertThat(json(refused).path("type").asString()).endsWith("/problems/forbidden");
        }
        String token = logins().userToken("fr-visitor");
        for (String url : List.of(api("/cases/" + caseId), platform().url("cases") + "/api/cases/" + caseId,
                platform().url("tasks") + "/api/tasks?caseId=" + caseId,
                platform().url("notifications") + "/api/notifications")) {
            HttpResponse<String> refused = bearer("GET", url, token, null, null);
            assertThat(refused.statusCode()).as(url + " " + refused.body()).isEqualTo(403);
        }
        BrowserSession.Page unchanged = france.get(api("/cases/" + caseId));
        assertThat(json(unchanged).path("tlp").asString()).isEqualTo("GREEN");
        assertThat(json(unchanged).path("version").asLong()).isZero();
        assertAuditIntactAndListing(france, caseId, "FR");
    }

    /**
     * A client of the alliance realm that the platform does not know, though it carries the platform's audience, a
     * member country and the officer and operator roles: no door opens to it, at the gateway or at a service.
     */
    @Test
    void aTokenOfAClientThePlatformDoesNotKnowOpensNothing() {
        BrowserSession france = logins().gatewaySession("fr-officer");
        String caseId = openToEveryMember(france);
        String stranger = logins().unknownClientToken("FR", "officer", "operator");

        for (String url : List.of(api("/me"), api("/cases/" + caseId),
                platform().url("cases") + "/api/cases/" + caseId,
                platform().url("cases") + "/internal/cases/" + caseId + "/audience",
                platform().url("notifications") + "/api/notifications")) {
            HttpResponse<String> refused = bearer("GET", url, stranger, null, null);
            assertThat(refused.statusCode()).as(url + " " + refused.body()).isEqualTo(401);
        }
        assertAuditIntactAndListing(france, caseId, "FR");
    }

    private static String redCaseNaming(String title, String recipient) {
        return """
                {"title": "For %s only", "summary": "", "situationCountry": "SD", "tlp": "RED", "sharedWith": [],
                 "namedRecipients": ["%s"], "tags": []}
                """.formatted(title, recipient);
    }

    /** A GREEN case the originator opens to every member, its id. */
    private static String openToEveryMember(BrowserSession originator) {
        BrowserSession.Page opened = originator.sendJson("POST", api("/cases"), """
                {"title": "Open to every member", "summary": "", "situationCountry": "SD", "tlp": "GREEN",
                 "sharedWith": [], "namedRecipients": [], "tags": []}
                """);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return json(opened).path("id").asString();
    }
}
