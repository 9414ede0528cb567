package org.accord.identity.testing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keycloak's admin API as an administrator of the test server uses it (the bootstrap administrator of the master
 * realm): for tests that need a user or a client the checked-in realms do not have, such as a namesake in another
 * government's realm or a client the platform does not know.
 */
public final class KeycloakAdmin {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final String keycloakUrl;

    public KeycloakAdmin(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    /**
     * Creates an enabled user with a password, e-mail and names (so a brokered first sign-in needs no review page)
     * and the given realm roles.
     */
    public void createUser(String realm, String username, String password, String... realmRoles) {
        String body = """
                {"username": "%s", "enabled": true, "emailVerified": true, "email": "%s@%s.accord.example",
                 "firstName": "Test", "lastName": "User",
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """.formatted(username, username.replace('@', '.'), realm, password);
        BrowserSession.Page created = call("POST", "/admin/realms/" + realm + "/users", body);
        expect(created, 201, "create user " + username + " in " + realm);
        String location = created.header("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);
        if (realmRoles.length > 0) {
            grant(realm, userId, realmRoles);
        }
    }

    /** Creates a confidential client with the service-account grant, whose tokens carry the given audience. */
    public void createServiceClient(String realm, String clientId, String secret, String audience) {
        String body = """
                {"clientId": "%s", "enabled": true, "protocol": "openid-connect", "publicClient": false,
                 "clientAuthenticatorType": "client-secret", "secret": "%s", "standardFlowEnabled": false,
                 "directAccessGrantsEnabled": false, "serviceAccountsEnabled": true,
                 "protocolMappers": [{"name": "audience", "protocol": "openid-connect",
                   "protocolMapper": "oidc-audience-mapper",
                   "config": {"included.custom.audience": "%s", "access.token.claim": "true",
                              "id.token.claim": "false"}}]}
                """.formatted(clientId, secret, audience);
        expect(call("POST", "/admin/realms/" + realm + "/clients", body), 201, "create client " + clientId);
    }

    /** Adds a fixed claim to every token of a client, such as the {@code country} a partner system's carry. */
    public void addHardcodedClaim(String realm, String clientId, String claim, String value) {
        BrowserSession.Page found = call("GET", "/admin/realms/" + realm + "/clients?clientId=" + clientId, null);
        expect(found, 200, "find client " + clientId);
        String id = firstId(found);
        String body = """
                {"name": "%s", "protocol": "openid-connect", "protocolMapper": "oidc-hardcoded-claim-mapper",
                 "config": {"claim.name": "%s", "claim.value": "%s", "jsonType.label": "String",
                            "access.token.claim": "true", "id.token.claim": "false"}}
                """.formatted(claim, claim, value);
        expect(call("POST", "/admin/realms/" + realm + "/clients/" + id + "/protocol-mappers/models", body),
                201, "add claim " + claim + " to " + clientId);
    }

    /** Gives a client's service account realm roles. */
    public void grantServiceAccountRoles(String realm, String clientId, String... realmRoles) {
        BrowserSession.Page user = call("GET", "/admin/realms/" + realm + "/users?exact=true&username="
                + "service-account-" + clientId, null);
        expect(user, 200, "find the service account of " + clientId);
        grant(realm, firstId(user), realmRoles);
    }

    private void grant(String realm, String userId, String... realmRoles) {
        String roles = List.of(realmRoles).stream().map(role -> {
            BrowserSession.Page found = call("GET", "/admin/realms/" + realm + "/roles/" + role, null);
            expect(found, 200, "find role " + role);
            return "{\"id\": \"" + firstId(found) + "\", \"name\": \"" + role + "\"}";
        }).collect(Collectors.joining(","));
        expect(call("POST", "/admin/realms/" + realm + "/users/" + userId + "/role-mappings/realm", "[" + roles + "]"),
                204, "map roles " + String.join(", ", realmRoles));
    }

    private static String firstId(BrowserSession.Page page) {
        Matcher id = ID.matcher(page.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + page.body());
        }
        return id.group(1);
    }

    private BrowserSession.Page call(String method, String path, String json) {
        return new BrowserSession().send(method, URI.create(keycloakUrl + path),
                json == null ? null : "application/json", json,
                Map.of("Authorization", "Bearer " + adminToken()));
    }

    private String adminToken() {
        BrowserSession.Page answer = new BrowserSession().send("POST", keycloakUrl
                + "/realms/master/protocol/openid-connect/token", "application/x-www-form-urlencoded",
                BrowserSession.formBody(Map.of("grant_type", "password", "client_id", "admin-cli", "username",
                        "admin", "password", "admin")));
        Matcher matcher = ACCESS_TOKEN.matcher(answer.body());
        if (answer.status() != 200 || !matcher.find()) {
            throw new IllegalStateException("the Keycloak administrator could not sign in: " + answer.status());
        }
        return matcher.group(1);
    }

    private static void expect(BrowserSession.Page page, int status, String what) {
        if (page.status() != status) {
            throw new IllegalStateException(what + " answered " + page.status() + ": " + page.body());
        }
    }
}
