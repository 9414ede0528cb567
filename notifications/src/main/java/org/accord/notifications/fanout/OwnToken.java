package org.accord.notifications.fanout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.accord.identity.AllianceIdentityProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications' own client-credentials token at the alliance realm, for its questions to cases and tasks: kept until
 * shortly before it expires, and dropped when a service refuses it, so the next question signs in afresh.
 */
@Component
class OwnToken {

    private final RestClient rest;
    private final JsonMapper json;
    private final URI tokenEndpoint;
    private final FanOutProperties properties;
    private final Clock clock;
    private final AtomicReference<Held> token = new AtomicReference<>();

    private record Held(String value, Instant renewAfter) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record TokenAnswer(@JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn) {
    }

    OwnToken(FanOutProperties properties, AllianceIdentityProperties identity, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.cases().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(properties.cases().timeout());
        this.rest = RestClient.builder().requestFactory(requests).build();
        this.tokenEndpoint = URI.create(identity.issuerUri() + "/protocol/openid-connect/token");
    }

    /** The token to send now, signing in when none is held or it is about to expire. */
    String value() {
        Held held = token.get();
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
                            throw new InternalSource.CallFailed(
                                    "the alliance realm refused notifications' sign-in with " + status, null,
                                    status >= 500);
                        }
                        return read(response.getBody().readAllBytes());
                    });
            Held fresh = new Held(answer.accessToken(), asked.plusSeconds(Math.max(0, answer.expiresIn() - 30)));
            token.set(fresh);
            return fresh.value();
        } catch (ResourceAccessException io) {
            throw new InternalSource.CallFailed("the alliance realm could not be reached: " + io.getMessage(), io,
                    true);
        }
    }

    /** A service refused this token: the next question signs in again, unless another one already did. */
    void refused(String value) {
        Held held = token.get();
        if (held != null && held.value().equals(value)) {
            token.compareAndSet(held, null);
        }
    }

    private TokenAnswer read(byte[] body) throws IOException {
        try {
            return json.readValue(body, TokenAnswer.class);
        } catch (JacksonException unreadable) {
            throw new InternalSource.CallFailed("an answer that cannot be read", unreadable, false);
        }
    }
}
