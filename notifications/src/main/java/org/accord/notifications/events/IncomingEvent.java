package org.accord.notifications.events;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event handed over by the cases or tasks service: the common fields every event has, and the fields of the
 * types that carry more (see the events recorded by cases and tasks in the API). Anything else is refused, so a
 * misnamed field is noticed at hand-over rather than lost.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncomingEvent(
        @NotBlank @Pattern(regexp = UUID, message = "must be a UUID") String id,
        @NotNull EventType type,
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = 100) String caseId,
        @Size(max = 100) String taskId,
        @Positive long sequence,
        @Size(max = 255) String actor,
        @Size(max = 2) String actorCountry,
        @Size(max = 20) String tlp,
        @Valid @Size(max = 50) List<Audience> sharedWith,
        @Size(max = 100) List<@NotBlank @Size(max = 255) String> namedRecipients,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> changedFields,
        @Size(max = 20) String previousRiskLevel,
        @Size(max = 20) String riskLevel,
        @Size(max = 100) String assessmentId,
        @Size(max = 100) String entryId,
        @Size(max = 20) String entryKind,
        @Size(max = 50) List<@NotBlank @Size(max = 2) String> countries,
        @Size(max = 2) String country,
        @Size(max = 20) String from,
        @Size(max = 20) String to,
        @Size(max = 2000) String reason,
        @Size(max = 255) String assignee,
        @Size(max = 100) String commentId,
        Instant dueDate) {

    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** One entry of a case's audience: a member country or a group, with its access. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Audience(@Size(max = 2) String country, @Size(max = 50) String group, @Size(max = 20) String access) {
    }
}
