package org.accord.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteDefinitionRouteLocator;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.core.convert.support.DefaultConversionService;

/** Which rate limiter the gateway uses: its own in memory unless Redis is chosen, and then with the same limits. */
class RateLimitConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                    DataRedisReactiveAutoConfiguration.class))
            .withBean(ConfigurationService.class, () -> new ConfigurationService(new DefaultListableBeanFactory(),
                    DefaultConversionService::new, () -> null))
            .withUserConfiguration(RateLimitConfiguration.class)
            .withPropertyValues("accord.gateway.rate-limit.routes.tasks.burst-capacity=5",
                    "accord.gateway.rate-limit.routes.tasks.replenish-rate=1");

    @Test
    void theBucketsAreKeptInMemoryByDefault() {
        context.run(gateway -> assertThat(gateway).getBean(RateLimiter.class)
                .isInstanceOf(TokenBucketRateLimiter.class));
    }

    @Test
    void redisKeepsTheBucketsWithTheSameLimitsWhenChosen() {
        context.withPropertyValues("accord.gateway.rate-limit.store=redis").run(gateway -> {
            assertThat(gateway).hasSingleBean(RateLimiter.class);
            RedisRateLimiter limiter = gateway.getBean(RedisRateLimiter.class);
            RedisRateLimiter.Config tasks = limiter.getConfig().get("tasks");
            assertThat(tasks.getReplenishRate()).isEqualTo(1);
            assertThat(tasks.getBurstCapacity()).isEqualTo(5);
            RedisRateLimiter.Config others = limiter.getConfig().get(RouteDefinitionRouteLocator.DEFAULT_FILTERS);
            assertThat(others.getReplenishRate()).isEqualTo(10);
            assertThat(others.getBurstCapacity()).isEqualTo(40);
        });
    }
}
