package org.accord.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.server.ResponseStatusException;

/** What a failure means to the caller; a failure on the way to a service is the platform's, not the caller's. */
final class ServiceFailures {

    private ServiceFailures() {
    }

    static int statusOf(Throwable error) {
        if (error instanceof ResponseStatusException statusError) {
            return statusError.getStatusCode().value();
        }
        if (error instanceof CallNotPermittedException || error instanceof BulkheadFullException) {
            return 503;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return 413;
            }
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
