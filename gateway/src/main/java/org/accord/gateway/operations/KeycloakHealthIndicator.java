package org.accord.gateway.operations;

import java.net.URI;
import java.time.Duration;

import org.accord.identity.AllianceIdentityProperties;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Whether the alliance realm's signing keys can be fetched. Without them no new token can be checked and no user can
 * sign in, so a gateway that cannot reach them should get no traffic: this is part of readiness, not liveness (a
 * restart would not bring Keycloak back). The answer is kept for {@code accord.gateway.readiness-cache}, so however
 * often the orchestrator (or anyone on the public port) asks, Keycloak is asked at most once in that time.
 */
@Component("keycloak")
public final class KeycloakHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final WebClient http = WebClient.create();
    private final URI jwkSetUri;
    private final Mono<Health> cached;

    public KeycloakHealthIndicator(AllianceIdentityProperties identity,
            @Value("${accord.gateway.readiness-cache:30s}") Duration cacheFor) {
        this.jwkSetUri = URI.create(identity.jwkSetUri());
        this.cached = fetch().cache(health -> cacheFor, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<Health> health() {
        return cached;
    }

    private Mono<Health> fetch() {
        return Mono.defer(() -> http.get().uri(jwkSetUri).retrieve().bodyToMono(String.class)
                .timeout(TIMEOUT)
                .map(keys -> keys.contains("\"keys\"")
                        ? Health.up().build()
                        : Health.down().withDetail("reason", "no key set at " + jwkSetUri).build())
                .onErrorResume(error -> Mono.just(Health.down(error).build())));
    }
}
