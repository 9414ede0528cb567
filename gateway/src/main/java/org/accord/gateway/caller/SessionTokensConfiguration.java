package org.accord.gateway.caller;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;

/** A signed-in browser's tokens: kept in its session, renewed shortly before they end. */
@Configuration(proxyBeanMethods = false)
class SessionTokensConfiguration {

    /**
     * How long before its end a session's access token is renewed. The alliance realm's tokens live two minutes, so a
     * session asks Keycloak at least once a minute while it is used, and a sign-in that has ended there is noticed
     * within that minute even where the back-channel logout did not reach this instance.
     */
    private static final Duration TOKEN_RENEWAL = Duration.ofSeconds(60);

    /** Tokens live in the user's session and die with it. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /**
     * Used by the token relay and the caller filter alike: hands out the session's access token and renews it with the
     * refresh token shortly before it expires, once for all the session's requests that need it at that moment.
     */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
                registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .provider(new SharedTokenRefresh(TOKEN_RENEWAL, TOKEN_RENEWAL, Clock.systemUTC()))
                .build());
        return manager;
    }
}
