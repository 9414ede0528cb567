package org.accord.gateway.edge;

import org.accord.gateway.problem.GatewayProblem;
import org.accord.gateway.problem.ProblemResponses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * No request body over the limit reaches a service: a declared length over it is refused at once, before the body is
 * looked at; a body streamed without a length is read up to the limit first (and refused as soon as it goes over),
 * then passed on with its length. Either way the service never sees a byte of a body that is too large.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
final class RequestBodyLimitFilter implements WebFilter {

    private final ProblemResponses problems;
    private final int maxBytes;

    RequestBodyLimitFilter(ProblemResponses problems, EdgeProperties properties) {
        this.problems = problems;
        this.maxBytes = Math.toIntExact(properties.maxBodySize().toBytes());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            return refuse(exchange);
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(body -> exchange.mutate().request(withBody(request, body)).build())
                .defaultIfEmpty(exchange)
                .onErrorResume(DataBufferLimitException.class,
                        tooLarge -> refuse(exchange).then(Mono.empty()))
                .flatMap(chain::filter);
    }

    /**
     * The server reads the rest of the body and drops it, so the connection stays open until the caller has sent
     * everything and can read the answer; closing it at once would make the caller's system reset the connection and
     * lose the answer.
     */
    private Mono<Void> refuse(ServerWebExchange exchange) {
        return problems.write(exchange, GatewayProblem.PAYLOAD_TOO_LARGE);
    }

    /** The body, now known in full, copied out of the server's pooled buffers so it can be read more than once. */
    private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer joined) {
        byte[] bytes = new byte[joined.readableByteCount()];
        joined.read(bytes);
        DataBufferUtils.release(joined);
        ServerHttpRequest measured = request.mutate().headers(headers -> {
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(bytes.length);
        }).build();
        return new ServerHttpRequestDecorator(measured) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
            }
        };
    }
}
