package org.accord.notifications.fanout;

import java.util.Optional;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the tasks service which case and countries an action has ({@code GET /internal/actions/{id}/parties}), so an
 * action's events reach the parties tasks keeps, never those an event names. A 404 is an answer (no such action);
 * anything tasks cannot answer is {@link TasksUnavailableException}.
 */
@Component
class ActionSource implements AutoCloseable {

    private final InternalSource tasks;

    ActionSource(FanOutProperties properties, ClientHttpRequestInterceptor serviceToken, JsonMapper json,
            CircuitBreakerRegistry breakers, RetryRegistry retries, TimeLimiterRegistry timeLimiters) {
        this.tasks = new InternalSource("tasks", properties.tasksUrl(), properties.tasks(),
                InternalSource.Bounds.of("tasks-action-parties", breakers, retries, timeLimiters), serviceToken, json,
                TasksUnavailableException::new);
    }

    /** The action as tasks keeps it; empty when tasks has no such action. */
    Optional<ActionParties> of(String actionId) {
        return tasks.get("/internal/actions/{id}/parties", actionId, ActionParties.class);
    }

    @Override
    public void close() {
        tasks.close();
    }
}
