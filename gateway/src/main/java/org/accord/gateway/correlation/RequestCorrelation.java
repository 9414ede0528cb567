package org.accord.gateway.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Gives every request its id before anything else sees it, around the whole handling (filters, routes, error
 * handlers): in the {@code X-Request-Id} header the services receive, in the same response header, and in the Reactor
 * context, from which every log line written while serving the request takes it (MDC {@code requestId}).
 */
@Component
final class RequestCorrelation implements HttpHandlerDecoratorFactory {

    RequestCorrelation() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(RequestIds.LOG_KEY,
                () -> MDC.get(RequestIds.LOG_KEY),
                id -> MDC.put(RequestIds.LOG_KEY, id),
                () -> MDC.remove(RequestIds.LOG_KEY));
    }

    @Override
    public HttpHandler apply(HttpHandler handler) {
        return (request, response) -> {
            String id = RequestIds.keepOrCreate(request.getHeaders().getFirst(RequestIds.HEADER));
            ServerHttpRequest identified = request.mutate().headers(headers -> headers.set(RequestIds.HEADER, id))
                    .build();
            response.beforeCommit(() -> {
                response.getHeaders().set(RequestIds.HEADER, id);
                return Mono.empty();
            });
            return handler.handle(identified, response).contextWrite(Context.of(RequestIds.LOG_KEY, id));
        };
    }
}
