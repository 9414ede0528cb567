package org.accord.gateway.edge;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.accord.gateway.correlation.RequestIds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;

/**
 * Scripts of other web origins may call the API only from the origins configured (with bearer tokens; cookies are
 * never shared with them); none by default. The web client's own calls are not cross-origin even where a proxy in
 * front ended TLS and the gateway sees another scheme than the browser used.
 */
@Configuration(proxyBeanMethods = false)
class CrossOriginConfiguration {

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
}
