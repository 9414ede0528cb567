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
 * The time limit, retry and circuit breaker around each question to cases, and around each to tasks: one set per
 * service, so a failing tasks never pauses the questions to cases. A 404 is an answer, not a failure; only an
 * unreachable, failing or slow service counts against it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FanOutProperties.class)
class CasesCallConfiguration {

    @Bean
    TimeLimiter casesTimeLimiter(FanOutProperties properties) {
        return timeLimiter("cases-audience", properties.cases());
    }

    @Bean
    CircuitBreaker casesCircuitBreaker(FanOutProperties properties) {
        return breaker("cases-audience", properties.cases());
    }

    @Bean
    Retry casesRetry(FanOutProperties properties) {
        return retry("cases-audience", properties.cases());
    }

    @Bean
    TimeLimiter tasksTimeLimiter(FanOutProperties properties) {
        return timeLimiter("tasks-action-parties", properties.tasks());
    }

    @Bean
    CircuitBreaker tasksCircuitBreaker(FanOutProperties properties) {
        return breaker("tasks-action-parties", properties.tasks());
    }

    @Bean
    Retry tasksRetry(FanOutProperties properties) {
        return retry("tasks-action-parties", properties.tasks());
    }

    private static TimeLimiter timeLimiter(String name, FanOutProperties.Calls calls) {
        return TimeLimiter.of(name, TimeLimiterConfig.custom()
                .timeoutDuration(calls.timeout())
                .cancelRunningFuture(true)
                .build());
    }

    private static CircuitBreaker breaker(String name, FanOutProperties.Calls calls) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(calls.slidingWindow())
                .minimumNumberOfCalls(Math.min(5, calls.slidingWindow()))
                .failureRateThreshold(50)
                .waitDurationInOpenState(calls.openDuration())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
    }

    private static Retry retry(String name, FanOutProperties.Calls calls) {
        return Retry.of(name, RetryConfig.custom()
                .maxAttempts(calls.attempts())
                .waitDuration(calls.retryWait())
                .retryOnException(failure -> failure instanceof TimeoutException
                        || failure instanceof InternalSource.CallFailed call && call.retryable())
                .build());
    }
}
