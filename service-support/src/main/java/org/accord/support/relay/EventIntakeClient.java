package org.accord.support.relay;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts events to notifications' {@code /internal/events} with the service's own client-credentials token, which it
 * keeps until shortly before it expires.
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

    private final RelayProperties properties;
    private final URI intake;
    private final HttpClient http;
    private final Clock clock;
    private volatile String token;
    private volatile Instant renewAfter = Instant.MIN;

    EventIntakeClient(RelayProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.intake = properties.notificationsUrl().resolve("/internal/events");
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
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
            String bearer;
            try {
                bearer = token();
            } catch (IOException | IllegalStateException e) {
                return new Answer(HandOver.UNAVAILABLE, "no service token from " + properties.tokenUri() + ": "
                        + e.getMessage());
            }
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(intake).timeout(properties.responseTimeout())
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return new Answer(HandOver.UNAVAILABLE, intake + " unreachable: " + e);
            }
            int status = response.statusCode();
            if (status == 401 && attempt == 1) {
                // The token may have been revoked or the realm's keys rotated: one fresh token, then give up.
                renewAfter = Instant.MIN;
                continue;
            }
            return switch (status) {
                case 202 -> new Answer(HandOver.ACCEPTED, null);
                case 204 -> new Answer(HandOver.ALREADY_RECEIVED, null);
                case 401, 403, 408, 429 -> new Answer(HandOver.UNAVAILABLE, intake + " answered " + status);
                default -> status >= 400 && status < 500 ? refused(eventId, response)
                        : new Answer(HandOver.UNAVAILABLE, intake + " answered " + status);
            };
        }
    }

    /** A refusal for good, with what notifications said about the event, for the operator who looks at it. */
    private Answer refused(String eventId, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        String type = null;
        String detail = null;
        if (body.length() <= MAX_ANSWER && !body.isBlank()) {
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

    private String token() throws IOException, InterruptedException {
        if (token != null && clock.instant().isBefore(renewAfter)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(properties.clientId())
                + "&client_secret=" + encode(properties.clientSecret());
        Instant asked = clock.instant();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(properties.tokenUri())
                .timeout(properties.responseTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the token endpoint answered " + response.statusCode());
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new IllegalStateException("the token endpoint answered something unreadable");
        }
        String value = answer.hasNonNull("access_token") ? answer.get("access_token").asString() : null;
        if (value == null) {
            throw new IllegalStateException("the token endpoint answered without a token");
        }
        long lifetime = answer.hasNonNull("expires_in") ? answer.get("expires_in").asLong() : 60;
        token = value;
        // Renewed a little early, so a token never expires between this check and notifications' own.
        renewAfter = asked.plusSeconds(Math.max(0, lifetime - Math.min(30, lifetime / 2)));
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
