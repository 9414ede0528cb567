package org.accord.gateway;

import java.net.URI;
import java.util.function.Predicate;

import org.accord.gateway.caller.CallerWebFilter;
import org.accord.gateway.edge.EdgeProperties;
import org.accord.gateway.edge.SameOriginRequests;
import org.accord.gateway.edge.SecurityHeaders;
import org.accord.gateway.edge.XsrfHeaderOnly;
import org.accord.gateway.login.CountryLoginRequestResolver;
import org.accord.gateway.login.RequestedPage;
import org.accord.gateway.login.SignInConfiguration;
import org.accord.gateway.login.SignInEndedAtKeycloak;
import org.accord.gateway.login.SignOutRedirectStrategy;
import org.accord.gateway.problem.ProblemResponses;
import org.accord.gateway.webclient.WebClientPages;
import org.accord.identity.AllianceTokens;
import org.accord.identity.CountryRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.config.web.server.ServerHttpSecurity.HeaderSpec;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import org.springframework.web.server.session.WebSessionStore;

/**
 * The gateway is the platform's only public entry and its Backend-for-Frontend. Browsers sign in through the alliance
 * realm (authorization code with PKCE; the tokens stay in the server-side session, the browser holds only an HttpOnly
 * session cookie and proves its state-changing calls with the XSRF header, sent from the platform's own origin);
 * partner systems send their own bearer token. Either way, {@code /api/**} is for callers of a member country
 * holding a platform role ({@code /api/me} answers without one), and every refusal is a problem response. The
 * sign-in's client is {@link SignInConfiguration}'s, the session's tokens are renewed as the caller package says and
 * cross-origin calls are the edge's; this is the filter chain that puts them together.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(EdgeProperties.class)
class SecurityConfiguration {

    private static final ServerWebExchangeMatcher API = ServerWebExchangeMatchers.pathMatchers("/api/**");

    /** Where the alliance realm posts its back-channel logout tokens (the client's {@code backchannel.logout.url}). */
    private static final ServerWebExchangeMatcher SIGN_IN_ENDED = ServerWebExchangeMatchers.pathMatchers(
            HttpMethod.POST, "/logout/connect/back-channel/" + SignInConfiguration.REGISTRATION_ID);

    /** A signed-out browser following a link to a case or task comes back to it once signed in. */
    private static final RequestedPage REQUESTED_PAGE = new RequestedPage(WebClientPages.ADDRESSES);

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, AllianceTokens tokens, ReactiveJwtDecoder decoder,
            CountryRegistry registry, ReactiveClientRegistrationRepository registrations,
            ReactiveOAuth2AuthorizedClientManager authorizedClientManager, ProblemResponses problems,
            JsonMapper json, EdgeProperties edge, CorsConfigurationSource cors, ReactiveOidcSessionRegistry signIns,
            WebSessionManager webSessions) {
        ServerWebExchangeMatcher browserChanges = browserChanges();
        http.authorizeExchange(exchanges -> accessRules(exchanges, tokens))
                .oauth2Login(login -> login
                        .oidcSessionRegistry(signIns)
                        .authorizationRequestResolver(new CountryLoginRequestResolver(registrations, registry,
                                SignInConfiguration.REGISTRATION_ID))
                        .authenticationSuccessHandler(landing())
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/login?error")))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(tokens.authenticationConverter())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens(edge))
                        .csrfTokenRequestHandler(new XsrfHeaderOnly())
                        .requireCsrfProtectionMatcher(browserChanges)
                        .accessDeniedHandler(problems.csrfRefused()))
                .logout(logout -> logout
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(signOut(registrations, json)))
                .oidcLogout(logout -> logout
                        .clientRegistrationRepository(registrations)
                        .oidcSessionRegistry(signIns)
                        .backChannel(channel -> channel
                                .logoutHandler(new SignInEndedAtKeycloak(signIns, sessionStore(webSessions)))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(signIn(problems))
                        .accessDeniedHandler(problems))
                .requestCache(cache -> cache.requestCache(REQUESTED_PAGE))
                .cors(spec -> spec.configurationSource(cors))
                .headers(headers -> securityHeaders(headers, edge))
                .addFilterBefore(new SameOriginRequests(browserChanges, edge, problems), SecurityWebFiltersOrder.CSRF)
                .addFilterAfter(writeCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .addFilterAfter(new CallerWebFilter(authorizedClientManager, decoder, problems),
                        SecurityWebFiltersOrder.LOGOUT);
        return http.build();
    }

    private static void accessRules(AuthorizeExchangeSpec exchanges, AllianceTokens tokens) {
        exchanges
                // the probes; /actuator/** is served on the management port only, here it finds nothing
                .pathMatchers("/livez", "/readyz", "/actuator/health", "/actuator/health/**", "/actuator/info",
                        "/actuator/prometheus").permitAll()
                .pathMatchers(HttpMethod.GET, "/login", "/login/*", "/app.css").permitAll()
                .pathMatchers(HttpMethod.GET, "/api/me").access(callerWhom(tokens::mayAskWhoTheyAre))
                .pathMatchers("/api/**").access(callerWhom(tokens::mayUseTheApi))
                .anyExchange().authenticated();
    }

    /** An API call without a caller is answered as a problem; a browser elsewhere is sent to the login page. */
    private static ServerAuthenticationEntryPoint signIn(ProblemResponses problems) {
        RedirectServerAuthenticationEntryPoint toLoginPage = new RedirectServerAuthenticationEntryPoint("/login");
        toLoginPage.setRequestCache(REQUESTED_PAGE);
        DelegatingServerAuthenticationEntryPoint signIn = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(API, problems));
        signIn.setDefaultEntryPoint(toLoginPage);
        return signIn;
    }

    private static RedirectServerAuthenticationSuccessHandler landing() {
        RedirectServerAuthenticationSuccessHandler landing = new RedirectServerAuthenticationSuccessHandler("/");
        landing.setRequestCache(REQUESTED_PAGE);
        return landing;
    }

    private static CookieServerCsrfTokenRepository csrfTokens(EdgeProperties edge) {
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(edge.https()));
        return csrfTokens;
    }

    /** Signing out ends the sign-in at the alliance realm too, then comes back to the login page. */
    private static OidcClientInitiatedServerLogoutSuccessHandler signOut(
            ReactiveClientRegistrationRepository registrations, JsonMapper json) {
        OidcClientInitiatedServerLogoutSuccessHandler signOut = new OidcClientInitiatedServerLogoutSuccessHandler(
                registrations);
        signOut.setPostLogoutRedirectUri("{baseUrl}/login");
        signOut.setLogoutSuccessUrl(URI.create("/login"));
        signOut.setRedirectStrategy(new SignOutRedirectStrategy(json));
        return signOut;
    }

    /**
     * The state-changing calls of a browser session, which need the XSRF header and the platform's own origin.
     * Keycloak's back-channel logout is no browser call: it proves itself with a logout token the realm signed.
     */
    private static ServerWebExchangeMatcher browserChanges() {
        return new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                new NegatedServerWebExchangeMatcher(exchange -> hasBearerToken(exchange)
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch()),
                new NegatedServerWebExchangeMatcher(SIGN_IN_ENDED));
    }

    private static void securityHeaders(HeaderSpec headers, EdgeProperties edge) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
        if (edge.https()) {
            // TLS may end at a proxy in front, so the request itself looks like plain HTTP here
            headers.hsts(hsts -> hsts.disable()).writer(StaticServerHttpHeadersWriter.builder()
                    .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains").build());
        }
    }

    /** The store of the browser sessions, in which the back-channel logout ends a sign-in's session. */
    private static WebSessionStore sessionStore(WebSessionManager sessions) {
        if (sessions instanceof DefaultWebSessionManager manager) {
            return manager.getSessionStore();
        }
        throw new IllegalStateException("the back-channel logout needs the default web session manager, found "
                + sessions.getClass().getName());
    }

    /**
     * {@code /api/**} by the platform's access rules ({@link AllianceTokens}): a signed-in caller they refuse, such as
     * one without a member country or, beyond {@code /api/me}, without a platform role, gets 403.
     */
    private static ReactiveAuthorizationManager<AuthorizationContext> callerWhom(Predicate<Jwt> rule) {
        return (authentication, context) -> Mono.just(new AuthorizationDecision(CallerWebFilter
                .callerToken(context.getExchange())
                .filter(rule)
                .isPresent()));
    }

    /**
     * A request carrying a bearer token is authenticated by that token alone (a malformed one is refused), never by
     * the session cookie, so it cannot be forged across sites and needs no CSRF token.
     */
    private static boolean hasBearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return StringUtils.startsWithIgnoreCase(authorization, "bearer");
    }

    /** The CSRF token is made lazily; asking for it here makes sure the browser gets the XSRF-TOKEN cookie. */
    private static WebFilter writeCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            if (token == null || hasBearerToken(exchange)) {
                return chain.filter(exchange);
            }
            return token.then(Mono.defer(() -> chain.filter(exchange)));
        };
    }
}
