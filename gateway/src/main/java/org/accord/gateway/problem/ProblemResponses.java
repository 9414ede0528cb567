package org.accord.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.accord.gateway.correlation.RequestIds;
import org.accord.identity.ProblemKind;
import org.accord.identity.SecurityProblem;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes every refusal and error of the gateway as {@code application/problem+json} (RFC 9457). As an entry point it
 * answers 401 to API callers, as an access-denied handler 403; sign-in and refusal bodies are the ones the services
 * use, so a client sees the same problem whether the gateway or a service said no. Every body carries the request's
 * {@code requestId}, the one in the {@code X-Request-Id} header and in the gateway's and the services' logs.
 */
@Component
public final class ProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
        String challenge = exception instanceof OAuth2AuthenticationException oauth
                ? "Bearer error=\"" + oauth.getError().getErrorCode() + "\""
                : "Bearer";
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return write(exchange, SecurityProblem.UNAUTHENTICATED);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange, SecurityProblem.FORBIDDEN);
    }

    /** The refusal of a browser request that did not prove it comes from the web client itself. */
    public ServerAccessDeniedHandler csrfRefused() {
        return (exchange, denied) -> write(exchange, GatewayProblem.CSRF_REFUSED);
    }

    public Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem) {
        return write(exchange, problem.kind());
    }

    private Mono<Void> write(ServerWebExchange exchange, ProblemKind problem) {
        return write(exchange, HttpStatusCode.valueOf(problem.status()),
                body(problem.type(), problem.title(), problem.status(), problem.detail(), exchange));
    }

    /**
     * The gateway's own problem for the statuses it has one for; otherwise a status without a meaning of its own
     * beyond HTTP's, hence the {@code about:blank} type.
     */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status) {
        GatewayProblem problem = switch (status.value()) {
            case 404 -> GatewayProblem.NOT_FOUND;
            case 413 -> GatewayProblem.PAYLOAD_TOO_LARGE;
            case 415 -> GatewayProblem.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> GatewayProblem.TOO_MANY_REQUESTS;
            case 500 -> GatewayProblem.INTERNAL_ERROR;
            case 502 -> GatewayProblem.BAD_GATEWAY;
            case 503 -> GatewayProblem.SERVICE_UNAVAILABLE;
            case 504 -> GatewayProblem.GATEWAY_TIMEOUT;
            default -> null;
        };
        if (problem != null) {
            return write(exchange, problem);
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known != null ? known.getReasonPhrase() : "Error";
        return write(exchange, status, body("about:blank", title, status.value(), null, exchange));
    }

    private byte[] body(String type, String title, int status, String detail, ServerWebExchange exchange) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        problem.put("instance", instance(exchange));
        RequestIds.of(exchange).ifPresent(id -> problem.put("requestId", id));
        return json.writeValueAsBytes(problem);
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, byte[] body) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static String instance(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(RequestedPathFilter.REQUESTED_PATH,
                exchange.getRequest().getPath().value());
    }
}
