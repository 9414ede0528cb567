package org.accord.gateway.correlation;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * The id that follows one request through the gateway and the services. A caller may send its own, so that a partner
 * system can find its call in the platform's logs, but only a well-formed UUID is kept: anything else is replaced, so
 * no caller can write what it likes into the logs or pass one request off as another's.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    /** The key of the id in the log lines' context (MDC) and in the Reactor context. */
    public static final String LOG_KEY = "requestId";

    private static final Pattern UUID_FORM = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RequestIds() {
    }

    /** The id of this request; every request has one once it has passed the edge. */
    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getRequest().getHeaders().getFirst(HEADER));
    }

    static String keepOrCreate(String offered) {
        if (offered != null && UUID_FORM.matcher(offered).matches()) {
            return offered.toLowerCase(Locale.ROOT);
        }
        return UUID.randomUUID().toString();
    }
}
