package org.accord.support.web;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * The id that follows one request through the gateway and the services: taken from {@code X-Request-Id} when it is
 * sane, kept in the log context (MDC {@code requestId}) while the request is served, and passed on to the services
 * this one calls.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    /** The key of the id in the log lines' context (MDC) and the property name in problem bodies. */
    public static final String LOG_KEY = "requestId";

    /** Short and plain, so that no caller can write what it likes into the logs. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The id of the request being served on this thread, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(LOG_KEY));
    }

    /** Sends the current request's id along with a call to another part of the platform. */
    public static ClientHttpRequestInterceptor forwarding() {
        return (request, body, execution) -> {
            current().ifPresent(id -> request.getHeaders().set(HEADER, id));
            return execution.execute(request, body);
        };
    }

    /** Runs work handed to another thread under the id of the request that handed it over. */
    public static Executor carrying(Executor executor) {
        return work -> {
            String id = MDC.get(LOG_KEY);
            executor.execute(() -> {
                String previous = MDC.get(LOG_KEY);
                put(id);
                try {
                    work.run();
                } finally {
                    put(previous);
                }
            });
        };
    }

    private static void put(String id) {
        if (id == null) {
            MDC.remove(LOG_KEY);
        } else {
            MDC.put(LOG_KEY, id);
        }
    }

    static String keepOrCreate(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
