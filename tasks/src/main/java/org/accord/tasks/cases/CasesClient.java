package org.accord.tasks.cases;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.accord.support.token.ServiceTokenFailures;
import org.accord.support.web.PooledRequestFactory;
import org.accord.support.web.RequestIds;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the cases service whether the caller may see a case, relaying the caller's own token: 200 means visible, 404
 * not; and who may see a case now, with tasks' own token, so that tasks never works out a case's readers itself.
 * Every call is bounded (pooled connections, connect and response time-outs), a refused connection or a 5xx is
 * tried once more, and a circuit breaker stops calling a cases service that keeps failing. Whatever cases cannot
 * answer ends in {@link CasesUnavailableException}: tasks fails closed.
 */
@Component
public class CasesClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpComponentsClientHttpRequestFactory requests;
    private final RestClient asCaller;
    private final RestClient asTasks;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final ThreadPoolExecutor checks;

    CasesClient(CasesProperties properties, CircuitBreaker casesCircuitBreaker, Retry casesRetry,
            ClientHttpRequestInterceptor serviceToken) {
        CasesProperties.Calls calls = properties.cases();
        this.requests = PooledRequestFactory.create(calls.connectTimeout(), calls.responseTimeout(),
                calls.poolWait(), calls.maxConnections());
        this.asCaller = RestClient.builder().baseUrl(properties.casesUrl().toString()).requestFactory(requests)
                .requestInterceptor(RequestIds.forwarding()).build();
        this.asTasks = asCaller.mutate().requestInterceptor(serviceToken).build();
        this.breaker = casesCircuitBreaker;
        this.retry = casesRetry;
        AtomicInteger threads = new AtomicInteger();
        // A bounded pool: when it is busy the asking request thread checks the case itself, so nothing is refused.
        this.checks = new ThreadPoolExecutor(calls.parallelChecks(), calls.parallelChecks(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(calls.parallelChecks() * 4), runnable -> {
                    Thread thread = new Thread(runnable, "cases-check-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.checks.allowCoreThreadTimeOut(true);
    }

    /** The case as cases shows it to the caller; empty if the caller may not see it (or it does not exist). */
    public Optional<CaseFacts> caseAsSeenBy(String caseId, Caller caller) {
        return ask(() -> fetch(caseId, caller.bearerToken()));
    }

    /**
     * Who may see the case now, as cases decides it ({@code /internal/cases/{id}/readers}); empty when cases has no
     * such case.
     */
    public Optional<CaseReaders> readersOf(String caseId) {
        return ask(() -> fetchReaders(caseId));
    }

    private <T> T ask(Supplier<T> question) {
        Supplier<T> call = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, question));
        try {
            return call.get();
        } catch (CallNotPermittedException open) {
            throw new CasesUnavailableException("the cases service is failing; calls to it are paused", open);
        } catch (CasesCallFailed failed) {
            throw new CasesUnavailableException(failed.getMessage(), failed);
        }
    }

    /**
     * The ids among {@code caseIds} of the cases the caller may see, checked a few at a time. One check that cannot
     * be answered fails the whole question.
     */
    public Set<String> visibleAmong(Collection<String> caseIds, Caller caller) {
        Executor checksOfThisRequest = RequestIds.carrying(checks);
        List<CompletableFuture<Optional<String>>> pending = caseIds.stream()
                .map(id -> CompletableFuture.supplyAsync(() -> caseAsSeenBy(id, caller).map(facts -> id),
                        checksOfThisRequest))
                .toList();
        Set<String> visible = new LinkedHashSet<>();
        try {
            pending.forEach(check -> check.join().ifPresent(visible::add));
        } catch (CompletionException failed) {
            pending.forEach(check -> check.cancel(false));
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
        return visible;
    }

    private Optional<CaseFacts> fetch(String caseId, String token) {
        return get(asCaller.get().uri("/api/cases/{id}", caseId).header(HttpHeaders.AUTHORIZATION, "Bearer " + token),
                CaseFacts.class, Optional.empty());
    }

    private Optional<CaseReaders> fetchReaders(String caseId) {
        // Revoked, or the realm's keys rotated: the refused token is dropped and the retry signs in afresh.
        try {
            return get(asTasks.get().uri("/internal/cases/{id}/readers", caseId), CaseReaders.class,
                    Optional.of(() -> new CasesCallFailed("the cases service refused tasks' token", null, true,
                            false)));
        } catch (OAuth2AuthorizationException noToken) {
            throw new CasesCallFailed("the alliance realm gave tasks no token: " + noToken.getMessage(), noToken,
                    ServiceTokenFailures.worthRetrying(noToken), false);
        }
    }

    /**
     * One read of a case's resource: its body on 200, empty on 404, otherwise a failure saying whether a retry may
     * help. {@code tokenRefused} answers a 401 when the token is tasks' own to renew; a caller's refused token is
     * answered like any other refusal.
     */
    private <T> Optional<T> get(RestClient.RequestHeadersSpec<?> read, Class<T> type,
            Optional<Supplier<CasesCallFailed>> tokenRefused) {
        try {
            return read
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 200) {
                            return Optional.of(parse(response.getBody(), type));
                        }
                        if (status == 404) {
                            return Optional.empty();
                        }
                        if (status == 401 && tokenRefused.isPresent()) {
                            throw tokenRefused.get().get();
                        }
                        boolean unwell = status >= 500 || status == 429;
                        throw new CasesCallFailed("the cases service answered " + status, null, unwell, unwell);
                    });
        } catch (ResourceAccessException io) {
            // Waiting longer for a slow service does not make it faster, and a full pool is our own limit.
            boolean retryable = !(causedBy(io, SocketTimeoutException.class)
                    || causedBy(io, ConnectionRequestTimeoutException.class));
            throw new CasesCallFailed("the cases service could not be reached: " + io.getMessage(), io, retryable,
                    true);
        }
    }

    private static <T> T parse(InputStream body, Class<T> type) throws IOException {
        try {
            return JSON.readValue(body, type);
        } catch (JacksonException unreadable) {
            throw new CasesCallFailed("the cases service answered a case that cannot be read", unreadable, false,
                    true);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        checks.shutdownNow();
        requests.destroy();
    }
}
