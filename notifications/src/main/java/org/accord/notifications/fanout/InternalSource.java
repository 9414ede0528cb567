package org.accord.notifications.fanout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.accord.support.token.ServiceTokenFailures;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One of the platform's services notifications asks through its internal API (cases, tasks), with notifications' own
 * token. Each question is bounded in time, tried again when the service is unreachable or failing, and a circuit
 * breaker stops asking one that keeps failing. A 404 is an answer (no such thing); anything the service cannot answer
 * is the service's {@link SourceUnavailableException}.
 */
final class InternalSource implements AutoCloseable {

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

    /**
     * The time limit, retry and circuit breaker around each question to this service: resilience4j's instances of
     * one name, configured in {@code application.yml}, so a failing tasks never pauses the questions to cases.
     */
    record Bounds(CircuitBreaker breaker, Retry retry, TimeLimiter timeLimiter) {

        static Bounds of(String instance, CircuitBreakerRegistry breakers, RetryRegistry retries,
                TimeLimiterRegistry timeLimiters) {
            return new Bounds(breakers.circuitBreaker(instance), retries.retry(instance),
                    timeLimiters.timeLimiter(instance));
        }
    }

    /** What the retry asks again after: a question that timed out, or a failure that may pass soon. */
    public static final class WorthRetrying implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return failure instanceof TimeoutException || failure instanceof CallFailed call && call.retryable();
        }
    }

    private final String name;
    private final URI baseUrl;
    private final RestClient rest;
    private final JsonMapper json;
    private final Bounds bounds;
    private final BiFunction<String, Throwable, ? extends SourceUnavailableException> unavailable;
    private final ExecutorService calls;

    InternalSource(String name, URI baseUrl, FanOutProperties.Calls settings, Bounds bounds,
            ClientHttpRequestInterceptor serviceToken, JsonMapper json,
            BiFunction<String, Throwable, ? extends SourceUnavailableException> unavailable) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.json = json;
        this.bounds = bounds;
        this.unavailable = unavailable;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(bounds.timeLimiter().getTimeLimiterConfig().getTimeoutDuration());
        this.rest = RestClient.builder().requestFactory(requests).requestInterceptor(serviceToken).build();
        AtomicInteger threads = new AtomicInteger();
        // Asked by the fan-out, by every delivery attempt and by inbox reads alike.
        this.calls = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The answer at {@code path} (with {@code id} in it); empty when the service has no such thing (404). */
    <T> Optional<T> get(String path, String id, Class<T> type) {
        Callable<Optional<T>> timed = TimeLimiter.decorateFutureSupplier(bounds.timeLimiter(),
                () -> CompletableFuture.supplyAsync(() -> fetch(path, id, type), calls));
        Callable<Optional<T>> call = Retry.decorateCallable(bounds.retry(),
                CircuitBreaker.decorateCallable(bounds.breaker(), timed));
        try {
            return call.call();
        } catch (CallNotPermittedException open) {
            throw unavailable.apply("the " + name + " service is failing; questions to it are paused", open);
        } catch (TimeoutException slow) {
            throw unavailable.apply("the " + name + " service did not answer in time", slow);
        } catch (CallFailed failed) {
            throw unavailable.apply(failed.getMessage(), failed);
        } catch (Exception unexpected) {
            throw unavailable.apply("the " + name + " service could not be asked: " + unexpected, unexpected);
        }
    }

    private <T> Optional<T> fetch(String path, String id, Class<T> type) {
        try {
            return rest.get()
                    .uri(baseUrl + path, id)
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 200) {
                            return Optional.of(read(response.getBody().readAllBytes(), type));
                        }
                        if (status == 404) {
                            return Optional.<T>empty();
                        }
                        // A refused token (401) is dropped, and the retry signs in afresh.
                        throw new CallFailed("the " + name + " service answered " + status, null,
                                status == 401 || status == 429 || status >= 500);
                    });
        } catch (ResourceAccessException io) {
            throw new CallFailed("the " + name + " service could not be reached: " + io.getMessage(), io, true);
        } catch (OAuth2AuthorizationException noToken) {
            throw new CallFailed("the alliance realm gave notifications no token: " + noToken.getMessage(), noToken,
                    ServiceTokenFailures.worthRetrying(noToken));
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
