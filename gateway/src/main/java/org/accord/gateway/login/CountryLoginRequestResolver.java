package org.accord.gateway.login;

import java.util.Locale;

import org.accord.identity.CountryRegistry;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /login/{cc}} starts the sign-in at the alliance realm with {@code kc_idp_hint=cc}, so Keycloak goes
 * straight to that member government's identity provider instead of showing a chooser. Addresses of countries that
 * are not members resolve to nothing (and so end as 404); {@code /oauth2/authorization/{registrationId}} still works.
 */
public final class CountryLoginRequestResolver implements ServerOAuth2AuthorizationRequestResolver {

    static final String IDENTITY_PROVIDER_HINT = "kc_idp_hint";

    private final ServerWebExchangeMatcher countryLogin = new PathPatternParserServerWebExchangeMatcher(
            "/login/{country}", HttpMethod.GET);
    private final DefaultServerOAuth2AuthorizationRequestResolver standard;
    private final CountryRegistry registry;
    private final String registrationId;

    public CountryLoginRequestResolver(ReactiveClientRegistrationRepository registrations, CountryRegistry registry,
            String registrationId) {
        this.standard = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        this.registry = registry;
        this.registrationId = registrationId;
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
        return countryLogin.matches(exchange)
                .filter(ServerWebExchangeMatcher.MatchResult::isMatch)
                .mapNotNull(match -> identityProvider((String) match.getVariables().get("country")))
                .flatMap(alias -> standard.resolve(exchange, registrationId)
                        .map(request -> OAuth2AuthorizationRequest.from(request)
                                .additionalParameters(parameters -> parameters.put(IDENTITY_PROVIDER_HINT, alias))
                                .build()))
                .switchIfEmpty(Mono.defer(() -> standard.resolve(exchange)));
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
        return standard.resolve(exchange, clientRegistrationId);
    }

    /** The alliance realm names each national identity provider by the member's code in lower case. */
    private String identityProvider(String country) {
        return registry.isMember(country.toUpperCase(Locale.ROOT)) ? country.toLowerCase(Locale.ROOT) : null;
    }
}
