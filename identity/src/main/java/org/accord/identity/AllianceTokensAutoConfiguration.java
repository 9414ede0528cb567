package org.accord.identity;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The alliance realm's tokens for every process that takes them, the services and the gateway alike: the member
 * countries, the access rules on a token ({@link AllianceTokens}) and the decoder that checks its signature, issuer
 * and audience, in the servlet or the reactive form the process runs.
 */
@AutoConfiguration(before = { OAuth2ResourceServerAutoConfiguration.class,
        ReactiveOAuth2ResourceServerAutoConfiguration.class })
@EnableConfigurationProperties({ AllianceIdentityProperties.class, CountryRegistryProperties.class })
public class AllianceTokensAutoConfiguration {

    @Bean
    CountryRegistry countryRegistry(CountryRegistryProperties properties) {
        return CountryRegistry.of(properties);
    }

    @Bean
    AllianceTokens allianceTokens(AllianceIdentityProperties properties, CountryRegistry registry) {
        return new AllianceTokens(properties, registry);
    }

    @Bean
    @ConditionalOnWebApplication(type = Type.SERVLET)
    JwtDecoder jwtDecoder(AllianceTokens tokens) {
        return tokens.jwtDecoder();
    }

    @Bean
    @ConditionalOnWebApplication(type = Type.REACTIVE)
    ReactiveJwtDecoder allianceJwtDecoder(AllianceTokens tokens) {
        return tokens.reactiveJwtDecoder();
    }
}
