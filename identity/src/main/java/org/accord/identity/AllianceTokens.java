package org.accord.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * How every part of the platform reads an alliance access token, and who may call what with it: signature from the
 * alliance realm's keys, issuer exactly the alliance realm (a national realm's token is not enough), the platform
 * audience, a client the platform knows ({@link KnownClients}), realm roles as {@code ROLE_*} authorities, and the
 * country as the deciding attribute. The rules below are the one place that says which callers reach
 * {@code /api/me}, the rest of {@code /api/**} and {@code /internal/**}; the gateway and every service apply them.
 */
public final class AllianceTokens {

    /** The client a token was issued to. */
    static final String CLIENT_CLAIM = "azp";

    private final AllianceIdentityProperties properties;
    private final CountryRegistry registry;

    public AllianceTokens(AllianceIdentityProperties properties, CountryRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    public OAuth2TokenValidator<Jwt> validator() {
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null
                && jwt.getAudience().contains(properties.audience())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(
                                new OAuth2Error("invalid_token", "The token is not meant for this platform", null));
        OAuth2TokenValidator<Jwt> knownClient = jwt -> isKnownClient(jwt.getClaimAsString(CLIENT_CLAIM))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "The token was issued to a client the platform does not know",
                                null));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                audience, knownClient);
    }

    private boolean isKnownClient(String client) {
        KnownClients clients = properties.clients();
        return client != null && (clients.login().contains(client) || clients.internalClient(client).isPresent()
                || registry.members().stream().anyMatch(country -> clients.partnerSystemsOf(country).equals(client)));
    }

    public JwtDecoder jwtDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(validator());
        return decoder;
    }

    public ReactiveJwtDecoder reactiveJwtDecoder() {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(validator());
        return decoder;
    }

    public Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        return jwt -> new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getClaimAsString("preferred_username"));
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return AllianceUser.platformRoles(jwt).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    /**
     * {@code GET /api/me}: a person signed in through a login client or a partner system through its own country's
     * client, of a member country, whatever their roles, so the web client can tell a user without a role why it
     * shows nothing. Platform services, which have no country, are refused.
     */
    public boolean mayAskWhoTheyAre(Jwt jwt) {
        String country = jwt.getClaimAsString(AllianceUser.COUNTRY_CLAIM);
        String client = jwt.getClaimAsString(CLIENT_CLAIM);
        KnownClients clients = properties.clients();
        return registry.isMember(country) && client != null
                && (clients.login().contains(client) || clients.partnerSystemsOf(country).equals(client));
    }

    /**
     * The rest of {@code /api/**}: the callers of {@link #mayAskWhoTheyAre} who also hold a role people act in
     * (officer, liaison, analyst; partner systems carry officer). No role, no access.
     */
    public boolean mayUseTheApi(Jwt jwt) {
        return mayAskWhoTheyAre(jwt) && AllianceUser.from(jwt).hasApiRole();
    }

    /**
     * {@code /internal/**}: the platform's own clients only (its services and its operators). Which internal call
     * each of them may make, with which role, is the called service's access policy's to decide.
     */
    public boolean mayCallInternal(Jwt jwt) {
        return internalCaller(jwt).isPresent();
    }

    /** The platform client behind the token, with its roles; empty for every other caller. */
    public Optional<InternalCaller> internalCaller(Jwt jwt) {
        String client = jwt.getClaimAsString(CLIENT_CLAIM);
        return client == null ? Optional.empty()
                : properties.clients().internalClient(client).map(internal -> new InternalCaller(internal, client,
                        AllianceUser.platformRoles(jwt).stream().flatMap(role -> PlatformRole.ofClaim(role).stream())
                                .collect(Collectors.toSet())));
    }

    /** The verified token behind an authentication, if it is one of ours. */
    public static Optional<Jwt> tokenOf(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken token && authentication.isAuthenticated()
                ? Optional.of(token.getToken())
                : Optional.empty();
    }

    public List<String> platformAudience() {
        return List.of(properties.audience());
    }
}
