package org.accord.gateway.edge;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.accord.gateway.problem.GatewayProblem;
import org.accord.gateway.problem.ProblemResponses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.FormHttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A request reaches a service with exactly the body its framing announces, or not at all. A request body is taken in
 * whole at the edge, before anything else looks at the request, and passed on with its length (never in chunks, never
 * with {@code Expect}), so nothing the gateway does can leave a service waiting for bytes that belong to the next
 * call on a pooled connection. Refused before that: a body on a method that takes none ({@code 400}) and a declared
 * length over the limit ({@code 413}); while reading: a body growing over the limit ({@code 413}) and one that stops
 * arriving ({@code 408}, and the connection is closed, since where its next call starts is unknown).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
final class RequestBodyFilter implements WebFilter {

    private static final Set<HttpMethod> BODILESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE,
            HttpMethod.OPTIONS, HttpMethod.TRACE);

    private static final ResolvableType FORM_DATA = ResolvableType.forClassWithGenerics(MultiValueMap.class,
            String.class, String.class);
    private static final FormHttpMessageReader FORMS = new FormHttpMessageReader();

    private final ProblemResponses problems;
    private final int maxBytes;
    private final Duration bodyTimeout;

    RequestBodyFilter(ProblemResponses problems, EdgeProperties properties) {
        this.problems = problems;
        this.maxBytes = Math.toIntExact(properties.maxBodySize().toBytes());
        this.bodyTimeout = properties.bodyTimeout();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long declared = headers.getContentLength();
        boolean hasBody = declared > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (!hasBody) {
            return chain.filter(headers.containsHeader(HttpHeaders.EXPECT) ? exchange.mutate()
                    .request(request.mutate().headers(fields -> fields.remove(HttpHeaders.EXPECT)).build()).build()
                    : exchange);
        }
        if (BODILESS.contains(request.getMethod())) {
            return refuseUnread(exchange, GatewayProblem.BODY_NOT_ALLOWED);
        }
        if (declared > maxBytes) {
            return refuseUnread(exchange, GatewayProblem.PAYLOAD_TOO_LARGE);
        }
        return DataBufferUtils.join(request.getBody().timeout(bodyTimeout), maxBytes)
                .map(body -> withBody(exchange, withBody(request, body)))
                .defaultIfEmpty(exchange.mutate().request(measured(request, 0)).build())
                .onErrorResume(DataBufferLimitException.class,
                        tooLarge -> problems.write(exchange, GatewayProblem.PAYLOAD_TOO_LARGE).then(Mono.empty()))
                .onErrorResume(TimeoutException.class, stalled -> {
                    exchange.getResponse().getHeaders().setConnection("close");
                    return problems.write(exchange, GatewayProblem.REQUEST_TIMEOUT).then(Mono.empty());
                })
                .flatMap(chain::filter);
    }

    /**
     * The server reads the rest of the body and drops it, so the connection stays in step. A caller that waits for
     * {@code 100 Continue} may never send its body, though: its connection is closed after the answer.
     */
    private Mono<Void> refuseUnread(ServerWebExchange exchange, GatewayProblem problem) {
        if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.EXPECT)) {
            exchange.getResponse().getHeaders().setConnection("close");
        }
        return problems.write(exchange, problem);
    }

    /** The body, now known in full, copied out of the server's pooled buffers so it can be read more than once. */
    private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer joined) {
        byte[] bytes = new byte[joined.readableByteCount()];
        joined.read(bytes);
        DataBufferUtils.release(joined);
        return new ServerHttpRequestDecorator(measured(request, bytes.length)) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
            }
        };
    }

    /**
     * The exchange with the body taken in whole. Its form data is read from that body as well, since the server's own
     * reading of the request, which the exchange would otherwise use, finds the body already taken.
     */
    private static ServerWebExchange withBody(ServerWebExchange exchange, ServerHttpRequest taken) {
        MediaType type = taken.getHeaders().getContentType();
        Mono<MultiValueMap<String, String>> form = type != null
                && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)
                        ? FORMS.readMono(FORM_DATA, taken, Map.of()).cache()
                        : exchange.getFormData();
        return new ServerWebExchangeDecorator(exchange.mutate().request(taken).build()) {
            @Override
            public Mono<MultiValueMap<String, String>> getFormData() {
                return form;
            }
        };
    }

    /** The framing a service gets: the length of what was received, nothing about how it came to the gateway. */
    private static ServerHttpRequest measured(ServerHttpRequest request, int length) {
        return request.mutate().headers(headers -> {
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.remove(HttpHeaders.EXPECT);
            headers.setContentLength(length);
        }).build();
    }
}
