package org.accord.notifications.fanout;

import org.accord.notifications.access.Tlp;
import org.accord.notifications.access.CaseReaders;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.accord.notifications.delivery.Channel;
import org.accord.notifications.delivery.DeliveryQueue;
import org.accord.notifications.delivery.MessageSource;
import org.accord.notifications.delivery.NewDelivery;
import org.accord.notifications.digest.DigestEntry;
import org.accord.notifications.digest.Digests;
import org.accord.notifications.events.EventType;
import org.accord.notifications.events.IncomingEvent;
import org.accord.notifications.inbox.Inbox;
import org.accord.notifications.inbox.InboxItem;
import org.accord.notifications.partners.DeliveryMode;
import org.accord.notifications.partners.PartnerEventType;
import org.accord.notifications.partners.PartnerInbox;
import org.accord.notifications.partners.Partners;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/**
 * Takes one event to everybody who may hear of it, asking cases who may see the case at this moment, and tasks which
 * countries an action is party to: an event believed for nothing but what happened. One that does not fit what cases
 * and tasks keep (an unknown case or action, an action on another case, countries that are not the action's) is
 * refused and reaches nobody. Then:
 * <ul>
 * <li>RED: only the users cases names, each in their own in-app inbox (for an action, only those of the countries
 * party to it may open the item); nothing leaves the platform;</li>
 * <li>otherwise each country that can see the case (for an action, of those party to it) gets a country-wide
 * in-app item and, if its partner inbox subscribes to the event's type, a webhook and a mail (or a line in its
 * digest), cut to what the label lets out.</li>
 * </ul>
 * A sharing event ({@code CaseCreated}, {@code CaseShared}) reaches only those who could not see the case at the
 * previous one: a country already in the audience is not told again that the case is shared with it.
 * Nobody hears of their own change: the acting user gets no item, and the acting country neither an item nor a
 * partner message about what its own people did; events the platform records itself (an overdue action) go to all.
 * Every step may be done twice after a crash: inbox items, deliveries and digest lines are each kept once.
 */
@Service
public class FanOut {

    private final CaseReadersClient caseReaders;
    private final ActionSource actions;
    private final Inbox inbox;
    private final Partners partners;
    private final DeliveryQueue queue;
    private final Digests digests;
    private final MongoOperations mongo;
    private final FanOutProperties properties;
    private final Clock clock;

    FanOut(CaseReadersClient caseReaders, ActionSource actions, Inbox inbox, Partners partners, DeliveryQueue queue,
            Digests digests, MongoOperations mongo, FanOutProperties properties, Clock clock) {
        this.caseReaders = caseReaders;
        this.actions = actions;
        this.inbox = inbox;
        this.partners = partners;
        this.queue = queue;
        this.digests = digests;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws SourceUnavailableException when cases (or, for an action's event, tasks) cannot answer; nothing has gone
     *                                    out then
     * @throws EventRefusedException      when the event does not fit what cases and tasks keep; nothing goes out
     */
    public void fanOut(IncomingEvent event) {
        Optional<CaseReaders> readers = caseReaders.of(event.caseId().value());
        Optional<ActionParties> parties = event.taskId() == null || readers.isEmpty() ? Optional.empty()
                : actions.of(event.taskId().value());
        Optional<String> misfit = EventFit.misfit(event, readers, parties);
        if (misfit.isPresent()) {
            throw new EventRefusedException(misfit.get());
        }
        Notice notice = Notice.of(event, readers.get(), properties.publicUrl());
        boolean sharing = event.type() == EventType.CaseCreated || event.type() == EventType.CaseShared;
        CaseReach before = sharing ? mongo.findById(event.caseId().value(), CaseReach.class) : null;
        if (notice.tlp() == Tlp.RED) {
            // An action's notice names the action: only a named user of a country party to it may open that.
            List<String> mayOpen = event.taskId() == null ? null : List.copyOf(partiesTo(parties));
            for (String user : readers.get().users()) {
                if (!user.equals(event.actor()) && (before == null || !before.users().contains(user))) {
                    inbox.deliver(item(notice, null, user, mayOpen));
                }
            }
        } else {
            for (String country : countriesHearing(event, readers.get(), parties)) {
                if (before == null || !before.countries().contains(country)) {
                    inbox.deliver(item(notice, country, null, null));
                    notice.partnerType().ifPresent(type -> toPartnerInbox(notice, type, partners.inboxOf(country)));
                }
            }
            if (event.type() == EventType.AssigneeSet && event.assignee() != null
                    && !event.assignee().equals(event.actor())
                    && readers.get().countries().contains(event.country())) {
                inbox.deliver(item(notice, event.country(), event.assignee(), null));
            }
        }
        // Remembered only after everything went out: a crash before this point tells the same people again, once.
        if (sharing) {
            mongo.save(new CaseReach(event.caseId().value(), readers.get().countries(), readers.get().users()));
        }
    }

    private Set<String> countriesHearing(IncomingEvent event, CaseReaders readers, Optional<ActionParties> parties) {
        Set<String> countries = new LinkedHashSet<>(readers.countries());
        if (event.taskId() != null) {
            countries.retainAll(partiesTo(parties));
        }
        if (event.actorCountry() != null) {
            countries.remove(event.actorCountry());
        }
        return countries;
    }

    /** The countries party to the event's action, requesting and addressed, as tasks keeps them. */
    private static Set<String> partiesTo(Optional<ActionParties> parties) {
        return parties.map(ActionParties::all).orElse(Set.of());
    }

    private void toPartnerInbox(Notice notice, PartnerEventType type, PartnerInbox partner) {
        if (!partner.wants(type.name())) {
            return;
        }
        IncomingEvent event = notice.event();
        String country = partner.country();
        // The messages hold the event, not its text: what they say is decided when each is sent.
        if (partner.webhookUrl() != null) {
            queue.enqueue(new NewDelivery(country, Channel.WEBHOOK, event.id().value(), type.name(),
                    event.caseId().value(), event.actionIdOrNull(), MessageSource.of(event)));
        }
        if (partner.emails().isEmpty()) {
            return;
        }
        if (partner.deliveryMode() == DeliveryMode.HOURLY_DIGEST) {
            digests.collect(country, new DigestEntry(event.id().value(), type.name(), event.caseId().value(),
                    event.occurredAt(), event));
        } else {
            queue.enqueue(new NewDelivery(country, Channel.EMAIL, event.id().value(), type.name(),
                    event.caseId().value(), event.actionIdOrNull(), MessageSource.of(event)));
        }
    }

    private InboxItem item(Notice notice, String country, String user, List<String> parties) {
        IncomingEvent event = notice.event();
        return new InboxItem(UUID.randomUUID().toString(), country, user, event.id().value(),
                notice.event().type().name(), event.caseId().value(), event.actionIdOrNull(), notice.inboxTitle(),
                clock.instant(), List.of(), parties, null);
    }
}
