package org.accord.notifications.events;

import java.time.Clock;

import org.accord.identity.InternalCaller;
import org.accord.notifications.access.NotificationAccessPolicy;
import org.accord.notifications.access.NotificationAccessPolicy.InternalCall;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/**
 * Stores each handed-over event exactly once; the relay may hand the same event over as often as it needs to. A new
 * event is announced as {@link EventReceived} once stored, so the fan-out of this instance looks at once.
 */
@Service
public class EventIntake {

    /** Whether the event was new, or had been handed over before and changed nothing. */
    public enum Outcome { ACCEPTED, ALREADY_RECEIVED }

    private final MongoOperations mongo;
    private final NotificationAccessPolicy policy;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EventIntake(MongoOperations mongo, NotificationAccessPolicy policy, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.policy = policy;
        this.clock = clock;
        this.events = events;
    }

    /** Takes an event from the service whose events it is, as the policy decides by the calling client and role. */
    public Outcome receive(IncomingEvent event, InternalCaller caller) {
        policy.checkMayCall(caller, event.type().ofAnAction() ? InternalCall.POST_ACTION_EVENT
                : InternalCall.POST_CASE_EVENT);
        try {
            mongo.insert(ReceivedEvent.received(event, clock.instant()));
        } catch (DuplicateKeyException duplicate) {
            return Outcome.ALREADY_RECEIVED;
        }
        events.publishEvent(new EventReceived(event.id().value(), event.caseId().value()));
        return Outcome.ACCEPTED;
    }
}
