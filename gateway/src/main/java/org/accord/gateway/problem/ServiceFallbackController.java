package org.accord.gateway.problem;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a request its service did not serve: the service cannot be reached, answered
 * too late, broke off, or its breaker is open and the request was not even tried. The request arrives here with its
 * own method, so every method is answered: 503 when the service is unreachable or its breaker open, 504 when it was
 * too slow, 502 when it broke off. Asked for directly, this address does not exist.
 */
@RestController
final class ServiceFallbackController {

    private static final Logger log = LoggerFactory.getLogger(ServiceFallbackController.class);

    private final ProblemResponses problems;

    ServiceFallbackController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("/fallback")
    Mono<Void> serviceFailed(ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            return problems.write(exchange, GatewayProblem.NOT_FOUND);
        }
        int status = ServiceFailures.statusOf(failure);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route != null ? route.getId() : "unknown";
        Object path = exchange.getAttributeOrDefault(RequestedPathFilter.REQUESTED_PATH, "");
        if (failure instanceof CallNotPermittedException) {
            log.info("{} {} answered {}: the {} service's circuit breaker is open", exchange.getRequest().getMethod(),
                    path, status, service);
        } else {
            log.warn("{} {} answered {}: the {} service failed: {}", exchange.getRequest().getMethod(), path, status,
                    service, failure.toString());
        }
        return problems.write(exchange, HttpStatusCode.valueOf(status));
    }
}
