package org.accord.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

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
        int status = statusOf(error);
        if (status >= 500) {
            log.warn("{} {} answered {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), status,
                    error);
        }
        return switch (status) {
            case 404 -> problems.write(exchange, GatewayProblem.NOT_FOUND);
            case 500 -> problems.write(exchange, GatewayProblem.INTERNAL_ERROR);
            case 502 -> problems.write(exchange, GatewayProblem.BAD_GATEWAY);
            case 503 -> problems.write(exchange, GatewayProblem.SERVICE_UNAVAILABLE);
            case 504 -> problems.write(exchange, GatewayProblem.GATEWAY_TIMEOUT);
            default -> problems.write(exchange, HttpStatusCode.valueOf(status));
        };
    }

    /** What a failure means to the caller; a failure on the way to a service is the gateway's, not the caller's. */
    private static int statusOf(Throwable error) {
        if (error instanceof ResponseStatusException statusError) {
            return statusError.getStatusCode().value();
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return 503;
            }
            if (cause instanceof TimeoutException) {
                return 504;
            }
        }
        return error instanceof IOException ? 502 : 500;
    }
}
