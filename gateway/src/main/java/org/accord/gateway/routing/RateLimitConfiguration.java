package org.accord.gateway.routing;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteDefinitionRouteLocator;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** The rate limiter behind {@code CallerRateLimit}: in memory by default, in Redis when several instances share it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    private static final String STORE = "accord.gateway.rate-limit.store";

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    TokenBucketRateLimiter tokenBucketRateLimiter(RateLimitProperties limits) {
        return new TokenBucketRateLimiter(limits, System::nanoTime);
    }

    /**
     * Spring Cloud Gateway's Redis limiter (the same token bucket, as a script in Redis), given the same limits per
     * route. If Redis cannot be reached it lets requests through rather than stop the platform.
     */
    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis, ConfigurationService configurationService,
            RateLimitProperties limits) {
        @SuppressWarnings({ "unchecked", "rawtypes" })
        RedisScript<List<Long>> script = (RedisScript) RedisScript
                .of(new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"), List.class);
        RedisRateLimiter limiter = new RedisRateLimiter(redis, script, configurationService);
        limiter.getConfig().put(RouteDefinitionRouteLocator.DEFAULT_FILTERS,
                redisLimit(new RateLimitProperties.Limit(limits.replenishRate(), limits.burstCapacity())));
        limits.routes().keySet()
                .forEach(routeId -> limiter.getConfig().put(routeId, redisLimit(limits.forRoute(routeId))));
        return limiter;
    }

    private static RedisRateLimiter.Config redisLimit(RateLimitProperties.Limit limit) {
        return new RedisRateLimiter.Config().setReplenishRate(limit.replenishRate())
                .setBurstCapacity(limit.burstCapacity());
    }
}
