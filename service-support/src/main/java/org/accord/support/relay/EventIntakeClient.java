package org.accord.support.relay;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts events to notifications' {@code /internal/events} with the service's own client-credentials token.
 */
class EventIntakeClient {

    /**
     * What came back for one event, and in words what went wrong, for the log; for an answer of notifications its
     * status, and the {@code type} and {@code detail} of the problem it answered with, if any.
     */
    record Answer(HandOver outcome, String detail, Integer status, String problemType, String problemDetail) {

        Answer(HandOver outcome, String detail) {
            this(outcome, detail, null, null, null);
        }
    }

    /** Longest part of an answer's body that is read: a problem is small, anything longer is not one. */
    private static final int MAX_ANSWER = 16 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI intake;
    private final RestClient rest;

    EventIntakeClient(RelayProperties properties, ClientHttpRequestInterceptor serviceToken) {
        this.intake = properties.notificationsUrl().resolve("/internal/events");
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(properties.responseTimeout());
        this.rest = RestClient.builder().requestFactory(requests).requestInterceptor(serviceToken).build();
    }

    /** The event's body as notifications takes it; {@code IllegalArgumentException} if it cannot be written. */
    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The event's {@code type} as its body names it, or {@code null}. */
    static String typeIn(String json) {
        try {
            JsonNode type = JSON.readTree(json).get("type");
            return type == null || type.isNull() ? null : type.asString();
        } catch (JacksonException e) {
            return null;
        }
    }

    Answer post(String eventId, String json) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            boolean firstAttempt = attempt == 1;
            Answer answer;
            try {
                answer = rest.post().uri(intake).contentType(MediaType.APPLICATION_JSON).body(json)
                        .exchange((request, response) -> {
                            int status = response.getStatusCode().value();
                            // The token may have been revoked or the realm's keys rotated: the refused token is
                            // dropped, one fresh token, then give up.
                            return status == 401 && firstAttempt ? null : answer(eventId, status, response.getBody());
                        }, true);
            } catch (OAuth2AuthorizationException noToken) {
                return new Answer(HandOver.UNAVAILABLE, "no service token from the alliance realm: "
                        + noToken.getMessage());
            } catch (ResourceAccessException io) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("stopped while handing over event " + eventId);
                }
                return new Answer(HandOver.UNAVAILABLE, intake + " unreachable: " + io.getCause());
            }
            if (answer != null) {
                return answer;
            }
        }
    }

    private Answer answer(String eventId, int status, InputStream body) throws IOException {
        return switch (status) {
            case 202 -> new Answer(HandOver.ACCEPTED, null);
            case 204 -> new Answer(HandOver.ALREADY_RECEIVED, null);
            case 401, 403, 408, 429 -> new Answer(HandOver.UNAVAILABLE, intake + " answered " + status);
            default -> status >= 400 && status < 500 ? refused(eventId, status, body)
                    : new Answer(HandOver.UNAVAILABLE, intake + " answered " + status);
        };
    }

    /** A refusal for good, with what notifications said about the event, for the operator who looks at it. */
    private Answer refused(String eventId, int status, InputStream answer) throws IOException {
        byte[] read = answer.readNBytes(MAX_ANSWER + 1);
        String body = new String(read, StandardCharsets.UTF_8);
        String type = null;
        String detail = null;
        if (read.length <= MAX_ANSWER && !body.isBlank()) {
            try {
                JsonNode problem = JSON.readTree(body);
                type = text(problem, "type");
                detail = text(problem, "detail");
                if (detail == null) {
                    detail = text(problem, "title");
                }
            } catch (JacksonException notAProblem) {
                // Not JSON: the status alone says what happened.
            }
        }
        return new Answer(HandOver.REJECTED, intake + " refused event " + eventId + " with " + status
                + (detail == null ? "" : " (" + detail + ")"), status, type, detail);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
