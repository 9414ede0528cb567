package org.accord.gateway.problem;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Remembers the address the caller asked for, which is a problem's {@code instance} even when the problem is written
 * after the request was forwarded to the fallback.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
final class RequestedPathFilter implements WebFilter {

    static final String REQUESTED_PATH = RequestedPathFilter.class.getName() + ".path";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(REQUESTED_PATH, exchange.getRequest().getPath().value());
        return chain.filter(exchange);
    }
}
