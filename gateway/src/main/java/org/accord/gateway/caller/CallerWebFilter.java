package org.accord.gateway.caller;

import java.util.Optional;

import org.accord.identity.AllianceUser;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;

/**
 * Works out who calls {@code /api/**}, as the alliance realm vouches for it: a partner system's own bearer token,
 * or the access token kept in a browser user's session (renewed when it has expired), read by the same decoder.
 * The caller is left in the exchange for the access rules and {@code /api/me}. A session whose tokens can no
 * longer be had (the sign-in at Keycloak ended) is closed and answered as signed out.
 */
public final class CallerWebFilter implements WebFilter {

    public static final String CALLER_ATTRIBUTE = "org.accord.gateway.caller";
    private static final String TOKEN_ATTRIBUTE = "org.accord.gateway.caller.token";

    private final ServerWebExchangeMatcher apiPaths = ServerWebExchangeMatchers.pathMatchers("/api/**");
    private final ReactiveOAuth2AuthorizedClientManager sessionTokens;
    private final ReactiveJwtDecoder decoder;
    private final ServerAuthenticationEntryPoint signedOut;

    public CallerWebFilter(ReactiveOAuth2AuthorizedClientManager sessionTokens, ReactiveJwtDecoder decoder,
            ServerAuthenticationEntryPoint signedOut) {
        this.sessionTokens = sessionTokens;
        this.decoder = decoder;
        this.signedOut = signedOut;
    }

    /** The caller worked out for this request, if it is an API request by someone signed in. */
    public static Optional<AllianceUser> caller(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(CALLER_ATTRIBUTE));
    }

    /** The verified access token behind {@link #caller}, for the platform's access rules. */
    public static Optional<Jwt> callerToken(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(TOKEN_ATTRIBUTE));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return apiPaths.matches(exchange)
                .filter(ServerWebExchangeMatcher.MatchResult::isMatch)
                .flatMap(match -> ReactiveSecurityContextHolder.getContext())
                .mapNotNull(SecurityContext::getAuthentication)
                .flatMap(authentication -> accessToken(authentication, exchange))
                .doOnNext(token -> {
                    exchange.getAttributes().put(CALLER_ATTRIBUTE, AllianceUser.from(token));
                    exchange.getAttributes().put(TOKEN_ATTRIBUTE, token);
                })
                .then(Mono.defer(() -> chain.filter(exchange)))
                .onErrorResume(SessionTokensGone.class, gone -> exchange.getSession()
                        .flatMap(WebSession::invalidate)
                        .then(signedOut.commence(exchange, gone)));
    }

    private Mono<Jwt> accessToken(Authentication authentication, ServerWebExchange exchange) {
        if (authentication instanceof JwtAuthenticationToken bearer) {
            return Mono.just(bearer.getToken());
        }
        if (authentication instanceof OAuth2AuthenticationToken session) {
            OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
                    .withClientRegistrationId(session.getAuthorizedClientRegistrationId())
                    .principal(session)
                    .attribute(ServerWebExchange.class.getName(), exchange)
                    .build();
            return sessionTokens.authorize(request)
                    .switchIfEmpty(Mono.error(() -> new SessionTokensGone(null)))
                    .flatMap(client -> decoder.decode(client.getAccessToken().getTokenValue()))
                    .onErrorMap(error -> error instanceof OAuth2AuthorizationException
                            || error instanceof BadJwtException, SessionTokensGone::new);
        }
        return Mono.empty();
    }

    private static final class SessionTokensGone extends AuthenticationException {

        SessionTokensGone(Throwable cause) {
            super("The session no longer holds a usable access token", cause);
        }
    }
}
