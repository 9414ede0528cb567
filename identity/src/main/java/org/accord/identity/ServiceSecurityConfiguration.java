package org.accord.identity;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The resource-server security every service imports: bearer tokens from the alliance realm only, stateless, no
 * session and so no CSRF; {@code /internal/**} for the platform's own services; everything else for users and
 * partner systems of a member country (authenticated without one: 403).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({ AllianceIdentityProperties.class, CountryRegistryProperties.class })
public class ServiceSecurityConfiguration {

    @Bean
    CountryRegistry countryRegistry(CountryRegistryProperties properties) {
        return CountryRegistry.of(properties);
    }

    @Bean
    AllianceTokens allianceTokens(AllianceIdentityProperties properties, CountryRegistry registry) {
        return new AllianceTokens(properties, registry);
    }

    @Bean
    JwtDecoder jwtDecoder(AllianceTokens tokens) {
        return tokens.jwtDecoder();
    }

    @Bean
    SecurityFilterChain allianceServiceSecurity(HttpSecurity http, AllianceTokens tokens) throws Exception {
        ServletProblemResponses problems = new ServletProblemResponses();
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers("/internal/**").hasRole(PlatformRole.SERVICE.claimValue())
                .anyRequest().access((authentication, request) ->
                        new AuthorizationDecision(tokens.hasMemberCountry(authentication.get()))))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens.authenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    @Bean
    WebMvcConfigurer allianceUserArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new AllianceUserArgumentResolver());
            }
        };
    }
}
