package org.accord.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * The XSRF token is taken from the {@code X-XSRF-TOKEN} header only. A form field would let a plain HTML form from a
 * page that can read the cookie pass for the web client, and looking for one reads the request body, which then no
 * longer reaches the service.
 */
public final class XsrfHeaderOnly extends ServerCsrfTokenRequestAttributeHandler {

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        return Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName()));
    }
}
