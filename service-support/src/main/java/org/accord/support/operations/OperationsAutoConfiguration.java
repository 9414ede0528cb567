package org.accord.support.operations;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What a service shows its operators and integrators without a token: Prometheus metrics (on the management port
 * only; asked on the service's own port they are not found) and the OpenAPI document. Neither holds case data, and a
 * service's ports are reached only from inside the platform's network (the gateway is the one public entrance and
 * routes neither {@code /actuator} nor {@code /v3}), where the metrics scraper runs.
 * Everything else stays behind the alliance token rules of the service's own security configuration.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OperationsAutoConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain operationsEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * Paths are relative to wherever the document was fetched, so the same document is right read from the service
     * or through the gateway; every operation needs an alliance bearer token.
     */
    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceApi(@Value("${spring.application.name:service}") String service) {
        return new OpenAPI()
                .info(new Info().title("Accord " + service).version("1")
                        .description("The " + service + " service of Accord; see docs/API.md for the contract."))
                .addServersItem(new Server().url("/"))
                .components(new Components().addSecuritySchemes("alliance", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("alliance"));
    }
}
