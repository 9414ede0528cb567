package org.accord.identity.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.accord.identity.AllianceUsername;
import org.accord.identity.secrets.DemoSecrets;

/**
 * Real tokens from the test Keycloak: user tokens through the brokered browser login (alliance → national realm
 * login form → back, authorization code with PKCE, no shortcut grant), partner-system and service tokens through
 * client credentials, and national-realm tokens that the platform must refuse.
 */
public final class AllianceLogins {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String keycloakUrl;
    private final String gatewayUrl;
    private final String adminPassword;

    /**
     * @param keycloakUrl the Keycloak base URL, e.g. {@code http://localhost:8180}
     * @param gatewayUrl  the gateway base URL the realm's redirect URIs name
     */
    public AllianceLogins(String keycloakUrl, String gatewayUrl) {
        this(keycloakUrl, gatewayUrl, KeycloakAdmin.TEST_PASSWORD);
    }

    /** @param adminPassword the password of that Keycloak's {@code admin} account */
    public AllianceLogins(String keycloakUrl, String gatewayUrl, String adminPassword) {
        this.keycloakUrl = keycloakUrl;
        this.gatewayUrl = gatewayUrl;
        this.adminPassword = adminPassword;
    }

    private String issuer() {
        return issuer("alliance");
    }

    private String issuer(String realm) {
        return keycloakUrl + "/realms/" + realm;
    }

    /** The administrator of the same Keycloak, for users and clients the checked-in realms do not have. */
    public KeycloakAdmin admin() {
        return new KeycloakAdmin(keycloakUrl, adminPassword);
    }

    /** Signs in a demo user through the gateway these logins were made for. */
    public BrowserSession gatewaySession(String username) {
        return gatewaySession(gatewayUrl, username);
    }

    /** The demo password of a demo user: {@code fr-officer} → {@code demo-fr}. */
    public static String demoPassword(String username) {
        return "demo-" + countryOf(username);
    }

    public static String countryOf(String username) {
        return username.substring(0, username.indexOf('-'));
    }

    /**
     * The name the alliance realm gives a demo user on first sign-in: the national username with the identity
     * provider's alias, {@code fr-officer} → {@code fr-officer@fr}.
     */
    public static String allianceUsername(String username) {
        return AllianceUsername.of(username, countryOf(username));
    }

    /** Signs in through the gateway's {@code /login/{cc}}, as a person in a browser would, and returns the session. */
    public BrowserSession gatewaySession(String gatewayUrl, String username) {
        return gatewaySession(gatewayUrl, countryOf(username), username, demoPassword(username));
    }

    /**
     * Signs in through the gateway these logins were made for as any user of a national realm, on the login form of
     * {@code country} ({@code de}), whatever the username looks like.
     */
    public BrowserSession gatewaySession(String country, String username, String password) {
        return gatewaySession(gatewayUrl, country, username, password);
    }

    private BrowserSession gatewaySession(String gatewayUrl, String country, String username, String password) {
        BrowserSession browser = new BrowserSession();
        URI gateway = URI.create(gatewayUrl);
        BrowserSession.Page loginPage = browser.follow(gatewayUrl + "/login/" + country, uri -> false);
        BrowserSession.Page landed = browser.submitLogin(loginPage, username, password, uri -> false);
        if (landed.uri().getPort() != gateway.getPort() || landed.status() != 200) {
            throw new IllegalStateException("login of " + username + " ended at " + landed.uri() + " with "
                    + landed.status());
        }
        return browser;
    }

    /** An alliance access token for a demo user, through the brokered login of the gateway's client. */
    public String userToken(String username) {
        return userToken(countryOf(username), username, demoPassword(username));
    }

    /** An alliance access token for any user of {@code country}'s national realm, through the brokered login. */
    public String userToken(String country, String username, String password) {
        String redirect = gatewayUrl + "/login/oauth2/code/alliance";
        Grant grant = authorizationCode(issuer(), "accord-gateway", redirect, username, password,
                Map.of("kc_idp_hint", country));
        return exchange(issuer(), "accord-gateway", DemoSecrets.byVariable().get("ACCORD_GATEWAY_SECRET"), redirect,
                grant);
    }

    /** A token of the national realm itself, which the platform must not accept. */
    public String nationalToken(String username) {
        String realm = countryOf(username);
        String redirect = issuer() + "/broker/" + realm + "/endpoint";
        Grant grant = authorizationCode(issuer(realm), "alliance-broker", redirect, username,
                demoPassword(username), Map.of());
        return exchange(issuer(realm), "alliance-broker", realm + "-broker-secret", redirect, grant);
    }

    /** A partner system's token: {@code fr} → client {@code fr-systems}, country FR, role officer. */
    public String systemsToken(String country) {
        return clientCredentials(country + "-systems", country + "-systems-secret");
    }

    /**
     * A platform service's own token: {@code cases} → client {@code accord-cases}, with the roles of what that service
     * calls, no country.
     */
    public String serviceToken(String service) {
        String variable = "ACCORD_" + service.toUpperCase(Locale.ROOT) + "_SECRET";
        return clientCredentials("accord-" + service, DemoSecrets.byVariable().get(variable));
    }

    /** The operators' token: client {@code accord-operators}, role operator, no country. */
    public String operatorToken() {
        return clientCredentials("accord-operators", DemoSecrets.byVariable().get("ACCORD_OPERATORS_SECRET"));
    }

    /**
     * A token of a client of the alliance realm that the platform does not know, made for the occasion: it carries the
     * platform's audience, a country and realm roles as a partner system's would, and the platform must refuse it.
     */
    public String unknownClientToken(String country, String... realmRoles) {
        String client = "unknown-" + randomUrlSafe().substring(0, 10).toLowerCase(Locale.ROOT);
        String secret = client + "-secret";
        KeycloakAdmin admin = admin();
        admin.createServiceClient("alliance", client, secret, "accord");
        admin.addHardcodedClaim("alliance", client, "country", country);
        admin.grantServiceAccountRoles("alliance", client, realmRoles);
        return clientCredentials(client, secret);
    }

    public String clientCredentials(String clientId, String secret) {
        BrowserSession.Page response = new BrowserSession().send("POST", issuer()
                + "/protocol/openid-connect/token", "application/x-www-form-urlencoded",
                BrowserSession.formBody(Map.of("grant_type", "client_credentials", "client_id", clientId,
                        "client_secret", secret)));
        return accessToken(response);
    }

    private record Grant(String code, String verifier) {
    }

    private Grant authorizationCode(String issuer, String clientId, String redirect, String username,
            String password, Map<String, String> extra) {
        String verifier = randomUrlSafe();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("redirect_uri", redirect);
        query.put("state", randomUrlSafe());
        query.put("nonce", randomUrlSafe());
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        query.putAll(extra);
        BrowserSession browser = new BrowserSession();
        BrowserSession.Page loginPage = browser.follow(issuer + "/protocol/openid-connect/auth?" + encode(query),
                uri -> uri.toString().startsWith(redirect));
        BrowserSession.Page back = browser.submitLogin(loginPage, username, password,
                uri -> uri.toString().startsWith(redirect));
        if (!back.uri().toString().startsWith(redirect)) {
            throw new IllegalStateException("login of " + username + " did not come back to " + redirect
                    + " but ended at " + back.uri());
        }
        return new Grant(queryParameter(back.uri(), "code"), verifier);
    }

    private String exchange(String issuer, String clientId, String secret, String redirect, Grant grant) {
        BrowserSession.Page response = new BrowserSession().send("POST", issuer + "/protocol/openid-connect/token",
                "application/x-www-form-urlencoded",
                BrowserSession.formBody(Map.of("grant_type", "authorization_code", "code", grant.code(), "redirect_uri",
                        redirect, "client_id", clientId, "client_secret", secret, "code_verifier",
                        grant.verifier())));
        return accessToken(response);
    }

    private static String accessToken(BrowserSession.Page response) {
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.status() != 200 || !matcher.find()) {
            throw new IllegalStateException("Keycloak gave no token: " + response.status() + " " + response.body());
        }
        return matcher.group(1);
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in " + uri);
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomUrlSafe() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
