package org.accord.gateway.login;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends the browser on to Keycloak's end-session address after sign-out. A page navigation gets the usual redirect;
 * the web client's script, which asks for JSON and cannot follow a redirect to another origin itself, gets the
 * address as {@code {"location": ...}} and navigates there.
 */
public final class SignOutRedirectStrategy implements ServerRedirectStrategy {

    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
    private final JsonMapper json;

    public SignOutRedirectStrategy(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> sendRedirect(ServerWebExchange exchange, URI location) {
        if (!asksForJsonOnly(exchange)) {
            return redirect.sendRedirect(exchange, location);
        }
        byte[] body = json.writeValueAsString(Map.of("location", location.toString()))
                .getBytes(StandardCharsets.UTF_8);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static boolean asksForJsonOnly(ServerWebExchange exchange) {
        List<MediaType> accepted;
        try {
            accepted = exchange.getRequest().getHeaders().getAccept();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return !accepted.isEmpty()
                && accepted.stream().allMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
    }
}
