package org.accord.tasks.cases;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the cases service is and how tasks calls it.
 *
 * @param casesUrl     the cases service's base URL
 * @param cases        the limits of every call: a slow or failing cases service costs a bounded time and is then
 *                     left alone for a while
 */
@ConfigurationProperties("accord.tasks")
public record CasesProperties(@DefaultValue("http://localhost:8081") URI casesUrl,
        @DefaultValue Calls cases) {

    /**
     * @param connectTimeout       to open a connection
     * @param responseTimeout      to wait for an answer; a call that times out is not retried
     * @param poolWait             to wait for a free pooled connection
     * @param maxConnections       pooled connections to cases
     * @param attempts             for a refused connection or a 5xx, including the first
     * @param retryWait            between attempts
     * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
     * @param slidingWindow        calls the failure rate is measured over
     * @param minimumCalls         before the failure rate counts
     * @param openDuration         how long an open circuit answers without calling
     * @param halfOpenCalls        trial calls that decide whether the circuit closes again
     * @param parallelChecks       visibility checks one list may run at once
     */
    public record Calls(
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("2s") Duration responseTimeout,
            @DefaultValue("500ms") Duration poolWait,
            @DefaultValue("50") int maxConnections,
            @DefaultValue("2") int attempts,
            @DefaultValue("100ms") Duration retryWait,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindow,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("15s") Duration openDuration,
            @DefaultValue("3") int halfOpenCalls,
            @DefaultValue("8") int parallelChecks) {
    }
}
