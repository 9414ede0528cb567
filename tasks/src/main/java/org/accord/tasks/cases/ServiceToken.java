package org.accord.tasks.cases;

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
 * Tasks' own client-credentials token, for the questions it asks cases on nobody's behalf (who sees a case). Kept
 * until shortly before it expires; a token cases refused is dropped so the next question signs in again.
 */
@Component
class ServiceToken {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient rest;
    private final URI tokenEndpoint;
    private final CasesProperties properties;
    private final Clock clock;
    private final AtomicReference<Held> held = new AtomicReference<>();

    private record Held(String value, Instant renewAfter) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record TokenAnswer(@JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn) {
    }

    ServiceToken(CasesProperties properties, AllianceIdentityProperties identity, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.tokenEndpoint = URI.create(identity.issuerUri() + "/protocol/openid-connect/token");
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.cases().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(properties.cases().responseTimeout());
        this.rest = RestClient.builder().requestFactory(requests).build();
    }

    /** A valid token of tasks' own client; a realm that cannot be asked is a call to cases that failed. */
    String value() {
        Held current = held.get();
        if (current != null && clock.instant().isBefore(current.renewAfter())) {
            return current.value();
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        Instant asked = clock.instant();
        try {
            TokenAnswer answer = rest.post().uri(tokenEndpoint).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status != 200) {
                            throw new CasesCallFailed("the alliance realm refused tasks' sign-in with " + status,
                                    null, status >= 500, false);
                        }
                        try {
                            return JSON.readValue(response.getBody(), TokenAnswer.class);
                        } catch (JacksonException unreadable) {
                            throw new CasesCallFailed("the alliance realm answered an unreadable token", unreadable,
                                    false, false);
                        }
                    });
            Held fresh = new Held(answer.accessToken(), asked.plusSeconds(Math.max(0, answer.expiresIn() - 30)));
            held.set(fresh);
            return fresh.value();
        } catch (ResourceAccessException io) {
            throw new CasesCallFailed("the alliance realm could not be reached: " + io.getMessage(), io, true, false);
        }
    }

    /** Cases refused {@code value}: the next question signs in again. */
    void refused(String value) {
        held.updateAndGet(current -> current != null && current.value().equals(value) ? null : current);
    }
}
