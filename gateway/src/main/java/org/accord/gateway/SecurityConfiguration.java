package org.accord.gateway;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.accord.gateway.caller.CallerWebFilter;
import org.accord.gateway.caller.SharedTokenRefresh;
import org.accord.gateway.edge.EdgeProperties;
import org.accord.gateway.correlation.RequestIds;
import org.accord.gateway.edge.SameOriginRequests;
import org.accord.gateway.edge.SecurityHeaders;
import org.accord.gateway.edge.XsrfHeaderOnly;
import org.accord.gateway.login.CountryLoginRequestResolver;
import org.accord.gateway.login.RequestedPage;
import org.accord.gateway.login.SignInEndedAtKeycloak;
import org.accord.gateway.login.SignOutRedirectStrategy;
import org.accord.gateway.problem.ProblemResponses;
import org.accord.gateway.webclient.WebClientPages;
import org.accord.identity.AllianceIdentityProperties;
import org.accord.identity.AllianceTokens;
import org.accord.identity.CountryRegistry;
import org.accord.identity.CountryRegistryProperties;
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
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.server.session.InMemoryReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
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
import org.springframework.web.cors.CorsConfiguration;
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
 * holding a platform role ({@code /api/me} answers without one), and every refusal is a problem response.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({ AllianceIdentityProperties.class, CountryRegistryProperties.class,
        LoginClientProperties.class, EdgeProperties.class })
class SecurityConfiguration {

    private static final String REGISTRATION_ID = "alliance";

    private static final ServerWebExchangeMatcher API = ServerWebExchangeMatchers.pathMatchers("/api/**");

    /** Where the alliance realm posts its back-channel logout tokens (the client's {@code backchannel.logout.url}). */
    private static final ServerWebExchangeMatcher SIGN_IN_ENDED = ServerWebExchangeMatchers.pathMatchers(
            HttpMethod.POST, "/logout/connect/back-channel/" + REGISTRATION_ID);

    /**
     * How long before its end a session's access token is renewed. The alliance realm's tokens live two minutes, so a
     * session asks Keycloak at least once a minute while it is used, and a sign-in that has ended there is noticed
     * within that minute even where the back-channel logout did not reach this instance.
     */
    private static final Duration TOKEN_RENEWAL = Duration.ofSeconds(60);

    @Bean
    CountryRegistry countryRegistry(CountryRegistryProperties properties) {
        return CountryRegistry.of(properties);
    }

    @Bean
    AllianceTokens allianceTokens(AllianceIdentityProperties properties, CountryRegistry registry) {
        return new AllianceTokens(properties, registry);
    }

    @Bean
    ReactiveJwtDecoder allianceJwtDecoder(AllianceTokens tokens) {
        return tokens.reactiveJwtDecoder();
    }

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

    /**
     * Scripts of other web origins may call the API only from the origins configured (with bearer tokens; cookies are
     * never shared with them); none by default. The web client's own calls are not cross-origin even where a proxy in
     * front ended TLS and the gateway sees another scheme than the browser used.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(EdgeProperties edge) {
        List<String> origins = edge.cors().allowedOrigins();
        CorsConfiguration partners = new CorsConfiguration();
        partners.setAllowedOrigins(origins);
        partners.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        partners.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
                HttpHeaders.IF_NONE_MATCH, RequestIds.HEADER));
        partners.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
                RequestIds.HEADER));
        partners.setMaxAge(Duration.ofHours(1));
        return exchange -> origins.isEmpty() || fromOwnHost(exchange)
                || !exchange.getRequest().getPath().value().startsWith("/api/") ? null : partners;
    }

    private static boolean fromOwnHost(ServerWebExchange exchange) {
        String origin = exchange.getRequest().getHeaders().getOrigin();
        InetSocketAddress host = exchange.getRequest().getHeaders().getHost();
        if (origin == null || host == null) {
            return false;
        }
        try {
            return host.getHostString().equalsIgnoreCase(URI.create(origin).getHost());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, AllianceTokens tokens, ReactiveJwtDecoder decoder,
            CountryRegistry registry, ReactiveClientRegistrationRepository registrations,
            ReactiveOAuth2AuthorizedClientManager authorizedClientManager, ProblemResponses problems,
            JsonMapper json, EdgeProperties edge, CorsConfigurationSource cors, ReactiveOidcSessionRegistry signIns,
            WebSessionManager webSessions) {
        // a signed-out browser following a link to a case or task comes back to it once signed in
        RequestedPage requestedPage = new RequestedPage(WebClientPages.ADDRESSES);
        RedirectServerAuthenticationEntryPoint toLoginPage = new RedirectServerAuthenticationEntryPoint("/login");
        toLoginPage.setRequestCache(requestedPage);
        DelegatingServerAuthenticationEntryPoint signIn = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(API, problems));
        signIn.setDefaultEntryPoint(toLoginPage);

        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(edge.https()));

        RedirectServerAuthenticationSuccessHandler landing = new RedirectServerAuthenticationSuccessHandler("/");
        landing.setRequestCache(requestedPage);

        OidcClientInitiatedServerLogoutSuccessHandler signOut = new OidcClientInitiatedServerLogoutSuccessHandler(
                registrations);
        signOut.setPostLogoutRedirectUri("{baseUrl}/login");
        signOut.setLogoutSuccessUrl(URI.create("/login"));
        signOut.setRedirectStrategy(new SignOutRedirectStrategy(json));

        // Keycloak's back-channel logout is no browser call: it proves itself with a logout token the realm signed
        ServerWebExchangeMatcher browserChanges = new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                new NegatedServerWebExchangeMatcher(exchange -> hasBearerToken(exchange)
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch()),
                new NegatedServerWebExchangeMatcher(SIGN_IN_ENDED));

        http.authorizeExchange(exchanges -> exchanges
                        // the probes; /actuator/** is served on the management port only, here it finds nothing
                        .pathMatchers("/livez", "/readyz", "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.GET, "/login", "/login/*", "/app.css").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/me").access(callerWhom(tokens::mayAskWhoTheyAre))
                        .pathMatchers("/api/**").access(callerWhom(tokens::mayUseTheApi))
                        .anyExchange().authenticated())
                .oauth2Login(login -> login
                        .oidcSessionRegistry(signIns)
                        .authorizationRequestResolver(
                                new CountryLoginRequestResolver(registrations, registry, REGISTRATION_ID))
                        .authenticationSuccessHandler(landing)
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/login?error")))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(
                                        new ReactiveJwtAuthenticationConverterAdapter(tokens.authenticationConverter())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new XsrfHeaderOnly())
                        .requireCsrfProtectionMatcher(browserChanges)
                        .accessDeniedHandler(problems.csrfRefused()))
                .logout(logout -> logout
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(signOut))
                .oidcLogout(logout -> logout
                        .clientRegistrationRepository(registrations)
                        .oidcSessionRegistry(signIns)
                        .backChannel(channel -> channel
                                .logoutHandler(new SignInEndedAtKeycloak(signIns, sessionStore(webSessions)))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(signIn)
                        .accessDeniedHandler(problems))
                .requestCache(cache -> cache.requestCache(requestedPage))
                .cors(spec -> spec.configurationSource(cors))
                .headers(headers -> {
                    headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
                    if (edge.https()) {
                        // TLS may end at a proxy in front, so the request itself looks like plain HTTP here
                        headers.hsts(hsts -> hsts.disable()).writer(StaticServerHttpHeadersWriter.builder()
                                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains").build());
                    }
                })
                .addFilterBefore(new SameOriginRequests(browserChanges, edge, problems), SecurityWebFiltersOrder.CSRF)
                .addFilterAfter(writeCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .addFilterAfter(new CallerWebFilter(authorizedClientManager, decoder, problems),
                        SecurityWebFiltersOrder.LOGOUT);
        return http.build();
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
