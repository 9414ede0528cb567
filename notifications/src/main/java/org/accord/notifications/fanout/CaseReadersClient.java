package org.accord.notifications.fanout;

import org.accord.notifications.access.CaseReaders;
import java.util.Optional;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the cases service who may see a case at this moment ({@code GET /internal/cases/{id}/readers}), signed in
 * with notifications' own client-credentials token. A 404 is an answer (the case is gone); anything cases cannot
 * answer is {@link CasesUnavailableException}.
 */
@Component
public class CaseReadersClient implements AutoCloseable {

    private final InternalSource cases;

    CaseReadersClient(FanOutProperties properties, ClientHttpRequestInterceptor serviceToken, JsonMapper json,
            CircuitBreakerRegistry breakers, RetryRegistry retries, TimeLimiterRegistry timeLimiters) {
        this.cases = new InternalSource("cases", properties.casesUrl(), properties.cases(),
                InternalSource.Bounds.of("cases-readers", breakers, retries, timeLimiters), serviceToken, json,
                CasesUnavailableException::new);
    }

    /** Who may see the case now; empty when cases no longer has it. */
    public Optional<CaseReaders> of(String caseId) {
        return cases.get("/internal/cases/{id}/readers", caseId, CaseReaders.class);
    }

    @Override
    public void close() {
        cases.close();
    }
}
