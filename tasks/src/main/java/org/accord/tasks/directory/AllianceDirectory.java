package org.accord.tasks.directory;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.accord.identity.AllianceIdentityProperties;
import org.accord.identity.AllianceUsername;
import org.accord.support.web.RequestIds;
import org.accord.support.web.PooledRequestFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users the alliance realm knows: a user signed in through a national identity provider exists there with the
 * {@code country} that provider stamped. Tasks asks Keycloak's admin API with its own service account (its
 * {@code serviceToken}), which needs no more than the realm-management roles {@code view-users} and
 * {@code query-users}.
 */
@Component
public class AllianceDirectory implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COUNTRY = "country";

    private final HttpComponentsClientHttpRequestFactory requests;
    private final RestClient rest;
    private final URI users;

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record RealmUser(String username, Boolean enabled, Map<String, List<String>> attributes) {
    }

    AllianceDirectory(DirectoryProperties properties, AllianceIdentityProperties identity,
            ClientHttpRequestInterceptor serviceToken) {
        this.requests = PooledRequestFactory.create(properties.connectTimeout(), properties.responseTimeout(),
                properties.connectTimeout(), properties.maxConnections());
        this.rest = RestClient.builder().requestFactory(requests).requestInterceptor(RequestIds.forwarding())
                .requestInterceptor(serviceToken).build();
        this.users = URI.create(DirectoryProperties.adminUri(identity.issuerUri()) + "/users");
    }

    /**
     * The username as the realm spells it, if {@code username} is an enabled user of {@code country} there; empty for
     * an unknown user, a disabled one or one of another country alike. The name must be the alliance username of
     * {@code country}'s identity provider ({@code us-officer@us}), so another government's user is never found.
     */
    public Optional<String> userOf(String username, String country) {
        if (!AllianceUsername.parse(username.toLowerCase(Locale.ROOT))
                .filter(name -> name.country().equals(country)).isPresent()) {
            return Optional.empty();
        }
        URI search = UriComponentsBuilder.fromUri(users)
                .queryParam("username", "{username}")
                .queryParam("exact", "true")
                .queryParam("briefRepresentation", "false")
                .queryParam("max", "2")
                .encode()
                .buildAndExpand(username)
                .toUri();
        RealmUser[] found = call(() -> rest.get().uri(search)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status != 200) {
                        throw new DirectoryUnavailableException("the alliance realm answered the user search with "
                                + status, null);
                    }
                    return read(response.getBody().readAllBytes(), RealmUser[].class);
                }));
        for (RealmUser user : found) {
            if (username.equalsIgnoreCase(user.username()) && !Boolean.FALSE.equals(user.enabled())
                    && user.attributes() != null
                    && List.of(country).equals(user.attributes().get(COUNTRY))) {
                return Optional.of(user.username());
            }
        }
        return Optional.empty();
    }

    private static <T> T read(byte[] body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (JacksonException unreadable) {
            throw new DirectoryUnavailableException("the alliance realm answered something unreadable", unreadable);
        }
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException io) {
            throw new DirectoryUnavailableException("the alliance realm could not be reached", io);
        } catch (OAuth2AuthorizationException noToken) {
            throw new DirectoryUnavailableException("the alliance realm gave the service account no token: "
                    + noToken.getMessage(), noToken);
        }
    }

    @Override
    public void close() throws Exception {
        requests.destroy();
    }
}
