package org.accord.notifications.events;

import java.time.Instant;
import java.util.List;

import org.accord.support.id.ActionId;
import org.accord.support.id.CaseId;
import org.accord.support.id.EventId;
import org.accord.support.id.IdKind;
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
 * misnamed field is noticed at hand-over rather than lost, and its ids are the platform's ids in their one spelling:
 * any other names nothing, and the event is refused before it is stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncomingEvent(
        @NotNull EventId id,
        @NotNull EventType type,
        @NotNull Instant occurredAt,
        @NotNull CaseId caseId,
        ActionId taskId,
        @Positive long sequence,
        @Size(max = 255) @SingleLine String actor,
        @Size(max = 2) @SingleLine String actorCountry,
        @Size(max = 20) @SingleLine String tlp,
        @Valid @Size(max = 50) List<Audience> sharedWith,
        @Size(max = 100) List<@NotBlank @Size(max = 255) @SingleLine String> namedRecipients,
        @Size(max = 20) List<@NotBlank @Size(max = 50) @SingleLine String> changedFields,
        @Size(max = 20) @SingleLine String previousRiskLevel,
        @Size(max = 20) @SingleLine String riskLevel,
        @Pattern(regexp = IdKind.Format.UUID, message = ID) @SingleLine String assessmentId,
        @Pattern(regexp = IdKind.Format.UUID, message = ID) @SingleLine String entryId,
        @Size(max = 20) @SingleLine String entryKind,
        @Size(max = 50) List<@NotBlank @Size(max = 2) @SingleLine String> countries,
        @Size(max = 2) @SingleLine String country,
        @Size(max = 20) @SingleLine String from,
        @Size(max = 20) @SingleLine String to,
        @Size(max = 2000) @MultiLine String reason,
        @Size(max = 255) @SingleLine String assignee,
        @Pattern(regexp = IdKind.Format.UUID, message = ID) @SingleLine String commentId,
        Instant dueDate) {

    private static final String ID = "must be an id as the platform writes it";

    /** The action's id as written, or {@code null} for an event of a case. */
    public String actionIdOrNull() {
        return taskId == null ? null : taskId.value();
    }

    /** One entry of a case's audience: a member country or a group, with its access. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Audience(@Size(max = 2) @SingleLine String country, @Size(max = 50) @SingleLine String group,
            @Size(max = 20) @SingleLine String access) {
    }
}
