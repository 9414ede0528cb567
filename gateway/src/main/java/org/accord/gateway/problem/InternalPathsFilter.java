package org.accord.gateway.problem;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The services' {@code /internal/**} endpoints are for the platform itself and do not exist to the outside world:
 * 404 for every method and every caller, before sign-in is even looked at, so not even a valid service token gets
 * through and nobody learns that the address means something.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
final class InternalPathsFilter implements WebFilter {

    private final ProblemResponses problems;

    InternalPathsFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals("/internal") || path.startsWith("/internal/")) {
            return problems.write(exchange, GatewayProblem.NOT_FOUND);
        }
        return chain.filter(exchange);
    }
}
