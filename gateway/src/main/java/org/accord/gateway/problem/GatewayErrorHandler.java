package org.accord.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns whatever went wrong while serving or forwarding a request into a problem response: unknown addresses, refused
 * methods, services that cannot be reached or do not answer. Details stay in the log, never in the response.
 */
@Component
@Order(-2)
final class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponses problems;

    GatewayErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.clearContentHeaders();
        if (error instanceof ResponseStatusException statusError) {
            headers.putAll(statusError.getHeaders());
        }
        int status = ServiceFailures.statusOf(error);
        if (status >= 500) {
            log.warn("{} {} answered {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), status,
                    error);
        }
        return problems.write(exchange, HttpStatusCode.valueOf(status));
    }
}
