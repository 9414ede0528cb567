package org.accord.notifications.fanout;

import org.accord.notifications.access.Tlp;
import org.accord.notifications.access.CaseReaders;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.accord.notifications.events.IncomingEvent;
import org.accord.notifications.partners.PartnerEventType;

/**
 * One event about a case as its audience hears of it: what happened, on which case, and how much of it the case's
 * TLP lets leave the platform. Mails and webhooks take their content from here and nowhere else.
 *
 * @param partnerType the type partners subscribe to; empty for events partners do not hear of
 */
public record Notice(IncomingEvent event, CaseReaders readers, Optional<PartnerEventType> partnerType,
        URI link) {

    static Notice of(IncomingEvent event, CaseReaders readers, URI publicUrl) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        URI link = URI.create(event.taskId() == null ? base + "/cases/" + event.caseId()
                : base + "/tasks/" + event.taskId());
        return new Notice(event, readers, partnerTypeOf(event), link);
    }

    /** A new case that a country can see is, to that country, a case shared with it. */
    private static Optional<PartnerEventType> partnerTypeOf(IncomingEvent event) {
        String type = event.type().name();
        if (type.equals("CaseCreated")) {
            return Optional.of(PartnerEventType.CaseShared);
        }
        for (PartnerEventType partnerType : PartnerEventType.values()) {
            if (partnerType.name().equals(type)) {
                return Optional.of(partnerType);
            }
        }
        return Optional.empty();
    }

    public Tlp tlp() {
        return readers.tlp();
    }

    /** The type as partners see it in webhooks and mails. */
    public String type() {
        return partnerType.map(Enum::name).orElse(event.type().name());
    }

    /** What happened, in a few words: "Case shared", "Assignment changed". */
    public String heading() {
        return switch (event.type()) {
            case CaseCreated, CaseShared -> "Case shared";
            case CaseUpdated -> "Case updated";
            case CaseEscalated -> "Case escalated";
            case EntryAdded -> "Timeline entry added";
            case ActionProposed -> "Action proposed";
            case ActionUpdated -> "Action updated";
            case ActionCancelled -> "Action cancelled";
            case AssignmentChanged -> "Assignment changed";
            case AssigneeSet -> "Assignee named";
            case CommentAdded -> "Comment added";
            case ActionOverdue -> "Action overdue";
        };
    }

    /** The in-app title: the platform's own users may read the case's title whatever its label. */
    public String inboxTitle() {
        return readers.title() == null ? heading() : heading() + ": " + readers.title();
    }

    /** The case's title where the label lets it out. */
    public Optional<String> title() {
        return tlp().allowsTitle() ? Optional.ofNullable(readers.title()) : Optional.empty();
    }

    /** The case's summary where the label lets it out. */
    public Optional<String> summary() {
        return tlp().allowsContent() ? Optional.ofNullable(readers.summary()) : Optional.empty();
    }

    /** What changed, in one sentence, where the label lets it out. */
    public Optional<String> change() {
        return tlp().allowsContent() ? Optional.of(describeChange()) : Optional.empty();
    }

    private String describeChange() {
        IncomingEvent e = event;
        return switch (e.type()) {
            case CaseCreated, CaseShared -> "The case is shared with " + join(readers.countries())
                    + " under " + tlp().label() + ".";
            case CaseUpdated, ActionUpdated -> "Changed: " + join(e.changedFields()) + ".";
            case CaseEscalated -> "The risk level rose from " + orUnknown(e.previousRiskLevel()) + " to "
                    + orUnknown(e.riskLevel()) + ".";
            case EntryAdded -> "A new " + (e.entryKind() == null ? "" : e.entryKind().toLowerCase() + " ")
                    + "entry is on the case's timeline.";
            case ActionProposed -> "An action is proposed to " + join(e.countries())
                    + (e.dueDate() == null ? "" : ", due " + e.dueDate()) + ".";
            case ActionCancelled -> "The action was cancelled" + (e.reason() == null ? "" : ": " + e.reason()) + ".";
            case AssignmentChanged -> orUnknown(e.country()) + " moved its assignment from " + orUnknown(e.from())
                    + " to " + orUnknown(e.to()) + (e.reason() == null ? "" : ": " + e.reason()) + ".";
            case AssigneeSet -> orUnknown(e.country()) + " named " + orUnknown(e.assignee())
                    + " to carry out its assignment.";
            case CommentAdded -> "A comment was added to the action.";
            case ActionOverdue -> orUnknown(e.country()) + "'s assignment is overdue"
                    + (e.dueDate() == null ? "" : " (due " + e.dueDate() + ")") + ".";
        };
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? "nobody" : String.join(", ", values);
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }
}
