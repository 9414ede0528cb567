package org.accord.gateway.login;

import java.util.Map;

import org.accord.identity.AllianceIdentityProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.server.session.InMemoryReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/** The browser's sign-in at the alliance realm: the gateway's client there and which session holds which sign-in. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginClientProperties.class)
public class SignInConfiguration {

    /** The alliance realm's registration, named in the sign-in's and the back-channel logout's addresses. */
    public static final String REGISTRATION_ID = "alliance";

    /**
     * The alliance realm's endpoints are written out rather than discovered, so the gateway starts while Keycloak is
     * still starting. PKCE is required although the client is confidential: it ties the code to the browser that
     * started the sign-in, so a code slipped into another browser's callback is useless.
     */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(AllianceIdentityProperties identity,
            LoginClientProperties client) {
        String issuer = identity.issuerUri();
        String endpoints = issuer + "/protocol/openid-connect";
        return new InMemoryReactiveClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Alliance")
                .clientId(client.id())
                .clientSecret(client.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .issuerUri(issuer)
                .authorizationUri(endpoints + "/auth")
                .tokenUri(client.tokenUri() != null ? client.tokenUri().toString() : endpoints + "/token")
                .jwkSetUri(identity.jwkSetUri())
                .userInfoUri(endpoints + "/userinfo")
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", endpoints + "/logout"))
                .build());
    }

    /** Which browser session holds which Keycloak sign-in, so the back-channel logout can end the right ones. */
    @Bean
    ReactiveOidcSessionRegistry signIns() {
        return new InMemoryReactiveOidcSessionRegistry();
    }
}
