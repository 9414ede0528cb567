package org.accord.notifications.events;

import java.time.Instant;
import java.util.List;

import org.accord.support.text.MultiLine;
import org.accord.support.text.SingleLine;

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
        @NotBlank @Pattern(regexp = UUID, message = "must be a UUID") @SingleLine String id,
        @NotNull EventType type,
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = 100) @SingleLine String caseId,
        @Size(max = 100) @SingleLine String taskId,
        @Positive long sequence,
        @Size(max = 255) @SingleLine String actor,
        @Size(max = 2) @SingleLine String actorCountry,
        @Size(max = 20) @SingleLine String tlp,
        @Valid @Size(max = 50) List<Audience> sharedWith,
        @Size(max = 100) List<@NotBlank @Size(max = 255) @SingleLine String> namedRecipients,
        @Size(max = 20) List<@NotBlank @Size(max = 50) @SingleLine String> changedFields,
        @Size(max = 20) @SingleLine String previousRiskLevel,
        @Size(max = 20) @SingleLine String riskLevel,
        @Size(max = 100) @SingleLine String assessmentId,
        @Size(max = 100) @SingleLine String entryId,
        @Size(max = 20) @SingleLine String entryKind,
        @Size(max = 50) List<@NotBlank @Size(max = 2) @SingleLine String> countries,
        @Size(max = 2) @SingleLine String country,
        @Size(max = 20) @SingleLine String from,
        @Size(max = 20) @SingleLine String to,
        @Size(max = 2000) @MultiLine String reason,
        @Size(max = 255) @SingleLine String assignee,
        @Size(max = 100) @SingleLine String commentId,
        Instant dueDate) {

    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** One entry of a case's audience: a member country or a group, with its access. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Audience(@Size(max = 2) @SingleLine String country, @Size(max = 50) @SingleLine String group,
            @Size(max = 20) @SingleLine String access) {
    }
}
