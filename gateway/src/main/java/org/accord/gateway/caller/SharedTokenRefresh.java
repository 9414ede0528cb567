package org.accord.gateway.caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * Renews a session's access token with its refresh token once it is about to expire, and only then: a session's
 * requests use the token they have until {@code clockSkew} before its end, however many they are. Requests of one
 * session that find the token about to expire at the same moment share a single refresh, and a request that still
 * holds the old tokens after that refresh gets its result too, so none sends Keycloak a refresh token that has just
 * been replaced (which Keycloak refuses when it rotates refresh tokens, ending the user's session).
 */
public final class SharedTokenRefresh implements ReactiveOAuth2AuthorizedClientProvider {

    private final RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh =
            new RefreshTokenReactiveOAuth2AuthorizedClientProvider();
    private final Map<String, Refresh> refreshes = new ConcurrentHashMap<>();
    private final Duration clockSkew;
    private final Duration remembered;
    private final Clock clock;

    /**
     * @param clockSkew  how long before its expiry an access token is renewed
     * @param remembered how long a refresh's result is handed to requests that still hold the tokens it replaced
     */
    public SharedTokenRefresh(Duration clockSkew, Duration remembered, Clock clock) {
        this.clockSkew = clockSkew;
        this.remembered = remembered;
        this.clock = clock;
        refresh.setClockSkew(clockSkew);
        refresh.setClock(clock);
    }

    @Override
    public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
        OAuth2AuthorizedClient client = context.getAuthorizedClient();
        if (client == null || client.getRefreshToken() == null || !expiresSoon(client.getAccessToken())) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        refreshes.values().removeIf(done -> done.started().plus(remembered).isBefore(now));
        return refreshes.computeIfAbsent(key(client), key -> new Refresh(refresh.authorize(context)
                .cache(renewed -> remembered, failed -> Duration.ZERO, () -> Duration.ZERO), now)).result();
    }

    private boolean expiresSoon(OAuth2AccessToken token) {
        return token.getExpiresAt() != null && !clock.instant().isBefore(token.getExpiresAt().minus(clockSkew));
    }

    private static String key(OAuth2AuthorizedClient client) {
        OAuth2RefreshToken refreshToken = client.getRefreshToken();
        return client.getClientRegistration().getRegistrationId() + ' ' + refreshToken.getTokenValue();
    }

    private record Refresh(Mono<OAuth2AuthorizedClient> result, Instant started) {
    }
}
