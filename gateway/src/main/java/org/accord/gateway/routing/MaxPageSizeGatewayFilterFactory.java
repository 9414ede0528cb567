package org.accord.gateway.routing;

import java.net.URI;
import java.util.List;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code MaxPageSize=100}: a list call gets at most that many items a page. A larger {@code size} is lowered before
 * the service sees the request, so no caller makes a service read and send a whole collection at once; a
 * {@code size} that is not a number is left for the service to refuse.
 */
@Component
public final class MaxPageSizeGatewayFilterFactory
        extends AbstractGatewayFilterFactory<MaxPageSizeGatewayFilterFactory.Config> {

    private static final String SIZE = "size";

    MaxPageSizeGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("max");
    }

    @Override
    public GatewayFilter apply(Config config) {
        int max = config.getMax();
        return (exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            List<String> sizes = request.getQueryParams().get(SIZE);
            if (!HttpMethod.GET.equals(request.getMethod()) || sizes == null
                    || sizes.stream().noneMatch(size -> exceeds(size, max))) {
                return chain.filter(exchange);
            }
            URI clamped = UriComponentsBuilder.fromUri(request.getURI()).replaceQueryParam(SIZE, max).build(true)
                    .toUri();
            return chain.filter(exchange.mutate().request(builder -> builder.uri(clamped)).build());
        };
    }

    private static boolean exceeds(String size, int max) {
        String digits = size.trim();
        return !digits.isEmpty() && digits.chars().allMatch(Character::isDigit)
                && (digits.length() > 9 || Integer.parseInt(digits) > max);
    }

    public static final class Config {

        private int max = 100;

        public int getMax() {
            return max;
        }

        public void setMax(int max) {
            this.max = max;
        }
    }
}
