package org.accord.identity.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** The administrator's password of the tests' own Keycloak (the local launch makes one of its own). */
    public static final String TEST_PASSWORD = "admin";

    private final String keycloakUrl;
    private final String password;

    public KeycloakAdmin(String keycloakUrl) {
        this(keycloakUrl, TEST_PASSWORD);
    }

    public KeycloakAdmin(String keycloakUrl, String password) {
        this.keycloakUrl = keycloakUrl;
        this.password = password;
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

    /** The secret Keycloak holds for a confidential client, as its admin API shows it (JSON, the value in "value"). */
    public String clientSecret(String realm, String clientId) {
        BrowserSession.Page found = call("GET", "/admin/realms/" + realm + "/clients?clientId=" + clientId, null);
        expect(found, 200, "find client " + clientId);
        BrowserSession.Page secret = call("GET", "/admin/realms/" + realm + "/clients/" + firstId(found)
                + "/client-secret", null);
        expect(secret, 200, "read the secret of " + clientId);
        return secret.body();
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

    /**
     * Disables a user. Keycloak itself keeps a disabled user's sessions; the demo governments' realms end them and tell
     * every client back-channel through the project's Keycloak extension.
     */
    public void disableUser(String realm, String username) {
        String path = "/admin/realms/" + realm + "/users/" + userId(realm, username);
        BrowserSession.Page user = call("GET", path, null);
        expect(user, 200, "read " + username + " in " + realm);
        expect(call("PUT", path, user.body().replace("\"enabled\":true", "\"enabled\":false")), 204,
                "disable " + username + " in " + realm);
    }

    /** Ends every session of a user, as the administrator's "sign out": Keycloak tells each client back-channel. */
    public void endSessions(String realm, String username) {
        expect(call("POST", "/admin/realms/" + realm + "/users/" + userId(realm, username) + "/logout", null), 204,
                "end the sessions of " + username + " in " + realm);
    }

    /** Gives a user realm roles. */
    public void grantRealmRoles(String realm, String username, String... realmRoles) {
        grant(realm, userId(realm, username), realmRoles);
    }

    /** Takes realm roles away from a user. */
    public void revokeRealmRoles(String realm, String username, String... realmRoles) {
        expect(call("DELETE", "/admin/realms/" + realm + "/users/" + userId(realm, username) + "/role-mappings/realm",
                "[" + roleReferences(realm, realmRoles) + "]"), 204, "take " + String.join(", ", realmRoles)
                + " from " + username);
    }

    /** Creates a group whose members hold the given realm roles. */
    public void createGroup(String realm, String group, String... realmRoles) {
        BrowserSession.Page created = call("POST", "/admin/realms/" + realm + "/groups",
                "{\"name\": \"" + group + "\"}");
        expect(created, 201, "create group " + group + " in " + realm);
        String location = created.header("Location").orElseThrow();
        String groupId = location.substring(location.lastIndexOf('/') + 1);
        expect(call("POST", "/admin/realms/" + realm + "/groups/" + groupId + "/role-mappings/realm",
                "[" + roleReferences(realm, realmRoles) + "]"), 204, "map roles to group " + group);
    }

    /** Takes realm roles away from a group, and so from each of its members. */
    public void revokeGroupRoles(String realm, String group, String... realmRoles) {
        expect(call("DELETE", "/admin/realms/" + realm + "/groups/" + groupId(realm, group) + "/role-mappings/realm",
                "[" + roleReferences(realm, realmRoles) + "]"), 204, "take " + String.join(", ", realmRoles)
                + " from group " + group);
    }

    /** Makes a user a member of a group. */
    public void joinGroup(String realm, String username, String group) {
        expect(call("PUT", membership(realm, username, group), null), 204, "add " + username + " to " + group);
    }

    /** Takes a user out of a group. */
    public void leaveGroup(String realm, String username, String group) {
        expect(call("DELETE", membership(realm, username, group), null), 204,
                "take " + username + " out of " + group);
    }

    private String membership(String realm, String username, String group) {
        return "/admin/realms/" + realm + "/users/" + userId(realm, username) + "/groups/" + groupId(realm, group);
    }

    private String groupId(String realm, String group) {
        BrowserSession.Page found = call("GET", "/admin/realms/" + realm + "/groups?exact=true&search="
                + URLEncoder.encode(group, StandardCharsets.UTF_8), null);
        expect(found, 200, "find group " + group);
        return firstId(found);
    }

    /**
     * Links a national identity to an existing account of {@code realm}, as only an administrator can: the link an
     * account console would have made when a user connected a second identity provider to their account.
     */
    public void linkIdentity(String realm, String username, String provider, String nationalUsername) {
        String nationalId = userId(provider, nationalUsername);
        String body = """
                {"identityProvider": "%s", "userId": "%s", "userName": "%s"}
                """.formatted(provider, nationalId, nationalUsername);
        expect(call("POST", "/admin/realms/" + realm + "/users/" + userId(realm, username) + "/federated-identity/"
                + provider, body), 204, "link " + provider + " identity " + nationalUsername + " to " + username);
    }

    /** Creates an account directly in {@code realm} (no identity provider behind it) with the given country. */
    public void createAccount(String realm, String username, String country) {
        String body = """
                {"username": "%s", "enabled": true, "attributes": {"country": ["%s"]}}
                """.formatted(username, country);
        expect(call("POST", "/admin/realms/" + realm + "/users", body), 201, "create account " + username);
    }

    /** The user as Keycloak's admin API describes it (JSON), or empty when there is none of that name. */
    public Optional<String> user(String realm, String username) {
        BrowserSession.Page found = call("GET", "/admin/realms/" + realm + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
        expect(found, 200, "find " + username + " in " + realm);
        return ID.matcher(found.body()).find() ? Optional.of(found.body()) : Optional.empty();
    }

    /** The identity providers linked to a user's account, as Keycloak's admin API lists them (JSON). */
    public String linkedIdentities(String realm, String username) {
        BrowserSession.Page links = call("GET", "/admin/realms/" + realm + "/users/" + userId(realm, username)
                + "/federated-identity", null);
        expect(links, 200, "list the linked identities of " + username);
        return links.body();
    }

    /** The realm roles every new account of {@code realm} gets, and what they contain (JSON). */
    public String defaultRoles(String realm) {
        BrowserSession.Page composites = call("GET", "/admin/realms/" + realm + "/roles/default-roles-" + realm
                + "/composites", null);
        expect(composites, 200, "list the default roles of " + realm);
        return composites.body();
    }

    private String userId(String realm, String username) {
        return firstId(user(realm, username).orElseThrow(() -> new IllegalStateException("no user " + username
                + " in " + realm)));
    }

    private String roleReferences(String realm, String... realmRoles) {
        return List.of(realmRoles).stream().map(role -> {
            BrowserSession.Page found = call("GET", "/admin/realms/" + realm + "/roles/" + role, null);
            expect(found, 200, "find role " + role);
            return "{\"id\": \"" + firstId(found) + "\", \"name\": \"" + role + "\"}";
        }).collect(Collectors.joining(","));
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
        return firstId(page.body());
    }

    private static String firstId(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
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
                        "admin", "password", password)));
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
