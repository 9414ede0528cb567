package org.accord.gateway.correlation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One line per request when it is answered, under its request id: the line operators start from to follow a call
 * into the service that served it. Probes and metric scrapes ({@code /livez}, {@code /readyz}, {@code /actuator/**})
 * are not logged: they come every few seconds and say nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class RequestLog implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/actuator/") || path.equals("/livez") || path.equals("/readyz")) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            try (MDC.MDCCloseable id = MDC.putCloseable(RequestIds.LOG_KEY, RequestIds.of(exchange).orElse(""))) {
                log.info("{} {} answered {} in {} ms", exchange.getRequest().getMethod(), path,
                        status == null ? 200 : status.value(), (System.nanoTime() - started) / 1_000_000);
            }
        });
    }
}
