package org.accord.tasks.cases;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * The circuit breaker and the retry around every call to cases. Only failures that say cases is unwell count: a 404
 * is an answer (the case is not visible), not a failure.
 */
@Configuration(proxyBeanMethods = false)
class CasesCallConfiguration {

    @Bean
    CircuitBreaker casesCircuitBreaker(CasesProperties properties) {
        CasesProperties.Calls calls = properties.cases();
        return CircuitBreaker.of("cases", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(calls.slidingWindow())
                .minimumNumberOfCalls(calls.minimumCalls())
                .failureRateThreshold(calls.failureRateThreshold())
                .waitDurationInOpenState(calls.openDuration())
                .permittedNumberOfCallsInHalfOpenState(calls.halfOpenCalls())
                .recordException(failure -> failure instanceof CasesCallFailed call && call.countsAgainstCases())
                .ignoreException(failure -> failure instanceof CasesCallFailed call && !call.countsAgainstCases())
                .build());
    }

    @Bean
    Retry casesRetry(CasesProperties properties) {
        CasesProperties.Calls calls = properties.cases();
        return Retry.of("cases", RetryConfig.custom()
                .maxAttempts(calls.attempts())
                .waitDuration(calls.retryWait())
                .retryOnException(failure -> failure instanceof CasesCallFailed call && call.retryable())
                .build());
    }
}
