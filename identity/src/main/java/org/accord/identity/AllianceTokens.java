package org.accord.identity;

import java.util.Collection;
import java.util.List;

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
 * How every part of the platform reads an alliance access token: signature from the alliance realm's keys, issuer
 * exactly the alliance realm (a national realm's token is not enough), the platform audience, realm roles as
 * {@code ROLE_*} authorities, and the country as the deciding attribute.
 */
public final class AllianceTokens {

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
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                audience);
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

    /** A user may act on the platform only with a country that is a member of the alliance. */
    public boolean hasMemberCountry(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken token && authentication.isAuthenticated()
                && registry.isMember(token.getToken().getClaimAsString(AllianceUser.COUNTRY_CLAIM));
    }

    public boolean hasMemberCountry(Jwt jwt) {
        return registry.isMember(jwt.getClaimAsString(AllianceUser.COUNTRY_CLAIM));
    }

    public List<String> platformAudience() {
        return List.of(properties.audience());
    }
}
