package org.accord.identity;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The resource-server security of every service, which has it by having this library on its class path: bearer
 * tokens from the alliance realm's known clients only, stateless, no session and so no CSRF; {@code /internal/**}
 * for the platform's own clients, each internal call then decided by the service's access policy on the calling
 * client and its role; everything else for users and partner systems of a member country holding a platform role
 * (authenticated otherwise: 403), as {@link AllianceTokens} rules.
 */
@AutoConfiguration(after = AllianceTokensAutoConfiguration.class, before = { ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableWebSecurity
public class ServiceSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain allianceServiceSecurity(HttpSecurity http, AllianceTokens tokens) throws Exception {
        ServletProblemResponses problems = new ServletProblemResponses();
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/livez", "/readyz", "/actuator/health", "/actuator/health/**", "/actuator/info")
                .permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers("/internal/**").access(allowing(tokens::mayCallInternal))
                .anyRequest().access(allowing(tokens::mayUseTheApi)))
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

    private static AuthorizationManager<RequestAuthorizationContext> allowing(Predicate<Jwt> rule) {
        return (authentication, request) -> new AuthorizationDecision(
                AllianceTokens.tokenOf(authentication.get()).filter(rule).isPresent());
    }

    @Bean
    WebMvcConfigurer allianceUserArguments(AllianceTokens tokens) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new AllianceUserArgumentResolver());
                resolvers.add(new InternalCallerArgumentResolver(tokens));
            }
        };
    }
}
