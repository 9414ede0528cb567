package org.accord.notifications.fanout;

import java.util.concurrent.TimeoutException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * The time limit, retry and circuit breaker around each question to cases. A 404 is an answer, not a failure; only
 * an unreachable, failing or slow cases service counts against it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FanOutProperties.class)
class CasesCallConfiguration {

    @Bean
    TimeLimiter casesTimeLimiter(FanOutProperties properties) {
        return TimeLimiter.of("cases-audience", TimeLimiterConfig.custom()
                .timeoutDuration(properties.cases().timeout())
                .cancelRunningFuture(true)
                .build());
    }

    @Bean
    CircuitBreaker casesCircuitBreaker(FanOutProperties properties) {
        FanOutProperties.Calls calls = properties.cases();
        return CircuitBreaker.of("cases-audience", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(calls.slidingWindow())
                .minimumNumberOfCalls(Math.min(5, calls.slidingWindow()))
                .failureRateThreshold(50)
                .waitDurationInOpenState(calls.openDuration())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
    }

    @Bean
    Retry casesRetry(FanOutProperties properties) {
        return Retry.of("cases-audience", RetryConfig.custom()
                .maxAttempts(properties.cases().attempts())
                .waitDuration(properties.cases().retryWait())
                .retryOnException(failure -> failure instanceof TimeoutException
                        || failure instanceof CaseAudiences.CallFailed call && call.retryable())
                .build());
    }
}
