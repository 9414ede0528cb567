package org.accord.gateway.routing;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests one caller (a signed-in user or a partner system, told apart by the token's subject) may send to
 * one route: a bucket of {@code burstCapacity} requests, refilled by {@code replenishRate} requests a second. Routes
 * without their own entry use the defaults; an entry may set one of the two numbers only.
 *
 * @param store where the buckets are kept: {@code memory} (each gateway instance counts on its own) or {@code redis}
 *              (shared by every instance, through {@code spring.data.redis.*})
 */
@ConfigurationProperties("accord.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("memory") Store store, @DefaultValue("10") int replenishRate,
        @DefaultValue("40") int burstCapacity, @DefaultValue Map<String, RouteLimit> routes) {

    public enum Store {
        MEMORY, REDIS
    }

    public RateLimitProperties {
        routes = Map.copyOf(routes);
        limit(replenishRate, burstCapacity);
        routes.values().forEach(route -> route.within(replenishRate, burstCapacity));
    }

    /** The limit of a route: its own settings where it has them, else the defaults. */
    public Limit forRoute(String routeId) {
        RouteLimit route = routes.get(routeId);
        return route == null ? new Limit(replenishRate, burstCapacity) : route.within(replenishRate, burstCapacity);
    }

    /** A route's own settings; what it leaves out comes from the defaults. */
    public record RouteLimit(Integer replenishRate, Integer burstCapacity) {

        Limit within(int defaultReplenishRate, int defaultBurstCapacity) {
            return limit(replenishRate != null ? replenishRate : defaultReplenishRate,
                    burstCapacity != null ? burstCapacity : defaultBurstCapacity);
        }
    }

    /** Requests per second, and how many may come at once after a quiet spell. */
    public record Limit(int replenishRate, int burstCapacity) {
    }

    private static Limit limit(int replenishRate, int burstCapacity) {
        if (replenishRate < 1 || burstCapacity < replenishRate) {
            throw new IllegalArgumentException("a rate limit needs replenish-rate >= 1 and burst-capacity >= "
                    + "replenish-rate, not " + replenishRate + " and " + burstCapacity);
        }
        return new Limit(replenishRate, burstCapacity);
    }
}
