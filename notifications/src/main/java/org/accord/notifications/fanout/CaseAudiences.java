package org.accord.notifications.fanout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.accord.identity.AllianceIdentityProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the cases service who may see a case at this moment ({@code GET /internal/cases/{id}/audience}), signed in
 * with notifications' own client-credentials token. Each question is bounded in time, tried again when cases is
 * unreachable or failing, and a circuit breaker stops asking a cases service that keeps failing. A 404 is an answer
 * (the case is gone); anything cases cannot answer is {@link CasesUnavailableException}.
 */
@Component
public class CaseAudiences implements AutoCloseable {

    private final RestClient rest;
    private final JsonMapper json;
    private final URI tokenEndpoint;
    private final FanOutProperties properties;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final TimeLimiter timeLimiter;
    private final ExecutorService calls;
    private final AtomicReference<ServiceToken> token = new AtomicReference<>();

    private record ServiceToken(String value, Instant renewAfter) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record TokenAnswer(@JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn) {
    }

    /** One failed question; {@code retryable} when asking again soon may succeed. */
    static final class CallFailed extends RuntimeException {

        private final boolean retryable;

        CallFailed(String message, Throwable cause, boolean retryable) {
            super(message, cause);
            this.retryable = retryable;
        }

        boolean retryable() {
            return retryable;
        }
    }

    CaseAudiences(FanOutProperties properties, AllianceIdentityProperties identity, JsonMapper json, Clock clock,
            CircuitBreaker casesCircuitBreaker, Retry casesRetry, TimeLimiter casesTimeLimiter) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.breaker = casesCircuitBreaker;
        this.retry = casesRetry;
        this.timeLimiter = casesTimeLimiter;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.cases().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(properties.cases().timeout());
        this.rest = RestClient.builder().requestFactory(requests).build();
        this.tokenEndpoint = URI.create(identity.issuerUri() + "/protocol/openid-connect/token");
        AtomicInteger threads = new AtomicInteger();
        // Asked by the fan-out, by every delivery attempt and by inbox reads alike.
        this.calls = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "cases-audience-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Who may see the case now; empty when cases no longer has it. */
    public Optional<CaseAudience> of(String caseId) {
        Callable<Optional<CaseAudience>> timed = TimeLimiter.decorateFutureSupplier(timeLimiter,
                () -> CompletableFuture.supplyAsync(() -> fetch(caseId), calls));
        Callable<Optional<CaseAudience>> call = Retry.decorateCallable(retry,
                CircuitBreaker.decorateCallable(breaker, timed));
        try {
            return call.call();
        } catch (CallNotPermittedException open) {
            throw new CasesUnavailableException("the cases service is failing; questions to it are paused", open);
        } catch (TimeoutException slow) {
            throw new CasesUnavailableException("the cases service did not answer in time", slow);
        } catch (CallFailed failed) {
            throw new CasesUnavailableException(failed.getMessage(), failed);
        } catch (Exception unexpected) {
            throw new CasesUnavailableException("the cases service could not be asked: " + unexpected, unexpected);
        }
    }

    private Optional<CaseAudience> fetch(String caseId) {
        String bearer = serviceToken();
        try {
            return rest.get()
                    .uri(properties.casesUrl() + "/internal/cases/{id}/audience", caseId)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 200) {
                            return Optional.of(read(response.getBody().readAllBytes(), CaseAudience.class));
                        }
                        if (status == 404) {
                            return Optional.<CaseAudience>empty();
                        }
                        if (status == 401) {
                            token.compareAndSet(current(bearer), null);
                        }
                        throw new CallFailed("the cases service answered " + status, null,
                                status == 401 || status == 429 || status >= 500);
                    });
        } catch (ResourceAccessException io) {
            throw new CallFailed("the cases service could not be reached: " + io.getMessage(), io, true);
        }
    }

    private ServiceToken current(String value) {
        ServiceToken held = token.get();
        return held != null && held.value().equals(value) ? held : null;
    }

    private String serviceToken() {
        ServiceToken held = token.get();
        if (held != null && clock.instant().isBefore(held.renewAfter())) {
            return held.value();
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        Instant asked = clock.instant();
        try {
            TokenAnswer answer = rest.post().uri(tokenEndpoint)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status != 200) {
                            throw new CallFailed("the alliance realm refused notifications' sign-in with " + status,
                                    null, status >= 500);
                        }
                        return read(response.getBody().readAllBytes(), TokenAnswer.class);
                    });
            ServiceToken fresh = new ServiceToken(answer.accessToken(),
                    asked.plusSeconds(Math.max(0, answer.expiresIn() - 30)));
            token.set(fresh);
            return fresh.value();
        } catch (ResourceAccessException io) {
            throw new CallFailed("the alliance realm could not be reached: " + io.getMessage(), io, true);
        }
    }

    private <T> T read(byte[] body, Class<T> type) throws IOException {
        try {
            return json.readValue(body, type);
        } catch (JacksonException unreadable) {
            throw new CallFailed("an answer that cannot be read", unreadable, false);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
