package org.accord.gateway.routing;

import org.accord.gateway.caller.CallerWebFilter;
import org.accord.gateway.problem.GatewayProblem;
import org.accord.gateway.problem.ProblemResponses;
import org.accord.identity.AllianceUser;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * {@code CallerRateLimit}: how fast one caller may call a route. The caller is the subject of the verified token (a
 * signed-in user's or a partner system's), never anything sent along with the request, so nobody can spend another's
 * allowance or escape their own. Over the limit the request goes no further: 429 with {@code Retry-After}.
 */
@Component
public final class CallerRateLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<CallerRateLimitGatewayFilterFactory.Config> {

    private final RateLimiter<?> limiter;
    private final ProblemResponses problems;

    CallerRateLimitGatewayFilterFactory(RateLimiter<?> limiter, ProblemResponses problems) {
        super(Config.class);
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    public GatewayFilter apply(Config config) {
        String routeId = config.routeId;
        return (exchange, chain) -> {
            AllianceUser caller = CallerWebFilter.caller(exchange)
                    .orElseThrow(() -> new IllegalStateException("a routed request without a verified caller"));
            return limiter.isAllowed(routeId, caller.subject()).flatMap(decision -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                decision.getHeaders().forEach(headers::set);
                if (decision.isAllowed()) {
                    return chain.filter(exchange);
                }
                if (!headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
                    headers.set(HttpHeaders.RETRY_AFTER, "1");
                }
                return problems.write(exchange, GatewayProblem.TOO_MANY_REQUESTS);
            });
        };
    }

    public static final class Config implements HasRouteId {

        private String routeId;

        @Override
        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        @Override
        public String getRouteId() {
            return routeId;
        }
    }
}
