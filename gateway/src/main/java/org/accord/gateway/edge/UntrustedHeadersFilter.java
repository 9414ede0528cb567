package org.accord.gateway.edge;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Headers that claim a client address, an original protocol, host or path, or a user are for proxies the platform
 * runs, never for callers: they are removed before anything reads them, so neither the gateway nor a service can be
 * told who or where a caller is by anything but the verified token and the connection itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class UntrustedHeadersFilter implements WebFilter {

    private static final Set<String> NAMES = Set.of("forwarded", "x-real-ip", "x-client-ip", "true-client-ip",
            "x-remote-user", "remote-user");
    private static final List<String> PREFIXES = List.of("x-forwarded-", "x-original-", "x-user-");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> forged = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(UntrustedHeadersFilter::untrusted)
                .toList();
        if (forged.isEmpty()) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> forged.forEach(headers::remove)))
                .build());
    }

    static boolean untrusted(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return NAMES.contains(lower) || PREFIXES.stream().anyMatch(lower::startsWith);
    }
}
