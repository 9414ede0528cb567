package org.accord.tasks.directory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.accord.identity.AllianceIdentityProperties;
import org.accord.support.token.ServiceTokenAutoConfiguration;
import org.accord.support.token.ServiceTokenProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

/**
 * How tasks reads the alliance realm's users, against a stand-in for Keycloak's token endpoint and admin API that
 * answers as Keycloak 26 does ({@code GET /admin/realms/alliance/users?username=…&exact=true}).
 */
class AllianceDirectoryTest {

    private static final String TOKEN_PATH = "/realms/alliance/protocol/openid-connect/token";
    private static final String USERS_PATH = "/admin/realms/alliance/users";
    private static WireMockServer keycloak;

    private AllianceDirectory directory;

    @BeforeAll
    static void start() {
        keycloak = new WireMockServer(options().dynamicPort().containerThreads(8).jettyAcceptors(1));
        keycloak.start();
    }

    @AfterAll
    static void stop() {
        keycloak.stop();
    }

    @BeforeEach
    void aRealmWithUsersOfFranceAndCanada() {
        keycloak.resetAll();
        keycloak.stubFor(post(TOKEN_PATH).willReturn(okJson(
                "{\"access_token\":\"service-token\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
        user("fr-liaison@fr", "FR", true);
        user("ca-officer@ca", "CA", true);
        user("fr-retired@fr", "FR", false);
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).atPriority(10).willReturn(okJson("[]")));
        directory = new AllianceDirectory(new DirectoryProperties(Duration.ofMillis(500), Duration.ofSeconds(1), 4),
                new AllianceIdentityProperties(keycloak.baseUrl() + "/realms/alliance", null, null, null),
                serviceToken());
    }

    @AfterEach
    void close() throws Exception {
        directory.close();
    }

    /** Tasks' own token as the service configures it, signing in at the stand-in. */
    private static ClientHttpRequestInterceptor serviceToken() {
        ClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(ClientRegistration
                .withRegistrationId(ServiceTokenAutoConfiguration.REGISTRATION)
                .clientId("accord-tasks")
                .clientSecret("accord-tasks-secret")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(keycloak.baseUrl() + TOKEN_PATH)
                .build());
        OAuth2AuthorizedClientService tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
        ServiceTokenAutoConfiguration configuration = new ServiceTokenAutoConfiguration();
        return configuration.serviceToken(configuration.serviceTokens(registrations, tokens,
                new ServiceTokenProperties(Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(1))),
                tokens);
    }

    private static void user(String username, String country, boolean enabled) {
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).atPriority(1)
                .withQueryParam("username", equalTo(username))
                .withQueryParam("exact", equalTo("true"))
                .withHeader("Authorization", equalTo("Bearer service-token"))
                .willReturn(okJson("[{\"id\":\"" + username + "-id\",\"username\":\"" + username
                        + "\",\"enabled\":" + enabled + ",\"attributes\":{\"country\":[\"" + country + "\"]}}]")));
    }

    @Test
    void aUserOfTheCountryIsFoundAsTheRealmSpellsIt() {
        // Keycloak keeps usernames in lower case and searches them so.
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).atPriority(1)
                .withQueryParam("username", equalTo("FR-Liaison@FR"))
                .willReturn(okJson("[{\"username\":\"fr-liaison@fr\",\"enabled\":true,"
                        + "\"attributes\":{\"country\":[\"FR\"]}}]")));

        assertThat(directory.userOf("fr-liaison@fr", "FR")).hasValue("fr-liaison@fr");
        assertThat(directory.userOf("FR-Liaison@FR", "FR")).hasValue("fr-liaison@fr");
    }

    @Test
    void aUserOfAnotherCountryAnUnknownAndADisabledOneAreNotUsersOfTheCountry() {
        assertThat(directory.userOf("ca-officer@ca", "FR")).isEmpty();
        assertThat(directory.userOf("nobody", "FR")).isEmpty();
        assertThat(directory.userOf("fr-retired@fr", "FR")).isEmpty();
    }

    @Test
    void aNameOfAnotherIdentityProviderOrABareNameIsNobodyOfTheCountryWithoutAsking() {
        user("fr-liaison@de", "FR", true);

        assertThat(directory.userOf("fr-liaison@de", "FR")).isEmpty();
        assertThat(directory.userOf("ca-officer@ca", "FR")).isEmpty();
        assertThat(directory.userOf("fr-liaison", "FR")).isEmpty();
        assertThat(directory.userOf("fr-liaison@fr ", "FR")).isEmpty();
        keycloak.verify(0, getRequestedFor(urlPathEqualTo(USERS_PATH)));
    }

    @Test
    void theServiceAccountSignsInOnceAndKeepsItsToken() {
        directory.userOf("fr-liaison@fr", "FR");
        directory.userOf("ca-officer@ca", "CA");

        keycloak.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing(
                        "grant_type=client_credentials"))
                .withRequestBody(containing(
                        "client_id=accord-tasks")));
        keycloak.verify(2, getRequestedFor(urlPathEqualTo(USERS_PATH)));
    }

    @Test
    void aUsernameIsSentAsOneQueryValue() {
        assertThat(directory.userOf("fr-liaison@fr&exact=false&username=ca-officer@ca", "CA")).isEmpty();

        keycloak.verify(getRequestedFor(urlPathEqualTo(USERS_PATH))
                .withQueryParam("username", equalTo("fr-liaison@fr&exact=false&username=ca-officer@ca"))
                .withQueryParam("exact", equalTo("true")));
    }

    @Test
    void aServiceAccountWithoutTheRightToViewUsersCannotTell() {
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).atPriority(0).willReturn(aResponse().withStatus(403)
                .withBody("{\"error\":\"HTTP 403 Forbidden\"}")));

        assertThatThrownBy(() -> directory.userOf("fr-liaison@fr", "FR"))
                .isInstanceOf(DirectoryUnavailableException.class).hasMessageContaining("403");
    }

    @Test
    void aRefusedSignInOrAnUnreachableRealmCannotTellEither() {
        keycloak.stubFor(post(TOKEN_PATH).atPriority(0).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"unauthorized_client\"}")));
        assertThatThrownBy(() -> directory.userOf("fr-liaison@fr", "FR"))
                .isInstanceOf(DirectoryUnavailableException.class);

        keycloak.stubFor(post(TOKEN_PATH).atPriority(0).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> directory.userOf("fr-liaison@fr", "FR"))
                .isInstanceOf(DirectoryUnavailableException.class);
    }

    @Test
    void aSlowRealmIsCutOffAtTheResponseTimeout() {
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).atPriority(0).willReturn(okJson("[]")
                .withFixedDelay(3_000)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> directory.userOf("fr-liaison@fr", "FR"))
                .isInstanceOf(DirectoryUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void theAdminResourceFollowsFromTheIssuer() {
        assertThat(DirectoryProperties.adminUri("https://id.example.org/auth/realms/alliance"))
                .hasToString("https://id.example.org/auth/admin/realms/alliance");
    }
}
