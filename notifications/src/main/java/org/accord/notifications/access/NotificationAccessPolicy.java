package org.accord.notifications.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.accord.identity.AllianceUser;
import org.accord.identity.InternalCallRefusedException;
import org.accord.identity.InternalCaller;
import org.accord.identity.InternalClient;
import org.accord.identity.InternalCalls;
import org.accord.identity.InternalGrant;
import org.accord.identity.PlatformRole;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Every access decision of the notifications service in one place: which inbox items a user sees, whether the
 * reader of an item and a country's partner systems may still be told of a case as cases answers for it now, and who
 * manages a country's partner settings and its delivery log. Inbox criteria always pin the caller's country first, so each
 * read is a lookup on the {@code country, user, createdAt} index and never a scan across countries.
 * <p>
 * Every answer carries the caller's allowed operations, worked out here from the same decisions that refuse the calls.
 */
@Component
public class NotificationAccessPolicy {

    /** The calls of the platform's own clients under {@code /internal/**}. */
    public enum InternalCall { POST_CASE_EVENT, POST_ACTION_EVENT, LIST_PARKED_EVENTS, REDRIVE_PARKED_EVENT }

    /**
     * Which platform client may make each internal call, with which role: a case's events only from cases, an
     * action's only from tasks, each holding the role to post them; parked events for the operators.
     */
    static final InternalCalls<InternalCall> INTERNAL_CALLS = new InternalCalls<>(InternalCall.class, Map.of(
            InternalCall.POST_CASE_EVENT, InternalGrant.of("hand over a case's events", PlatformRole.POST_CASE_EVENTS,
                    InternalClient.CASES),
            InternalCall.POST_ACTION_EVENT, InternalGrant.of("hand over an action's events",
                    PlatformRole.POST_ACTION_EVENTS, InternalClient.TASKS),
            InternalCall.LIST_PARKED_EVENTS, InternalGrant.LIST_PARKED_EVENTS,
            InternalCall.REDRIVE_PARKED_EVENT, InternalGrant.REDRIVE_PARKED_EVENT));

    static final String COUNTRY = "country";
    static final String USER = "user";
    static final String READ_BY = "readBy";
    static final String PARTIES = "parties";
    public static final String WITHDRAWN_AT = "withdrawnAt";

    /**
     * The caller's own items and the items addressed to the caller's whole country, never a withdrawn one. Items
     * about a RED case are addressed to a user by name alone (cases names the users, not their countries); an
     * alliance username carries the identity provider that vouched for it ({@code fr-officer@fr}), so such an item is
     * only ever its user's and no other government's directory can produce that name. One about an action is shown
     * only to users of the countries party to it, who alone may open the action.
     */
    public Criteria inboxOf(AllianceUser user) {
        Criteria ofCountry = new Criteria().andOperator(
                Criteria.where(COUNTRY).is(user.country()),
                Criteria.where(USER).in(user.username(), null));
        Criteria addressed = user.username() == null ? ofCountry
                : new Criteria().orOperator(ofCountry, new Criteria().andOperator(
                        Criteria.where(COUNTRY).is(null),
                        Criteria.where(USER).is(user.username()),
                        Criteria.where(PARTIES).in(user.country(), null)));
        return new Criteria().andOperator(addressed, Criteria.where(WITHDRAWN_AT).is(null));
    }

    /** Those of the caller's items the caller has not marked read; read state is per user, also on country items. */
    public Criteria unreadInboxOf(AllianceUser user) {
        return new Criteria().andOperator(inboxOf(user), Criteria.where(READ_BY).ne(user.username()));
    }

    /**
     * Why a country's partner systems may not be sent anything about the case now, decided at every send from cases'
     * answer of this moment; empty when they may, cut to the label the case has now. A closed case is still seen by
     * its audience, so its label decides as for an open one.
     *
     * @param now who may see the case now; empty when cases no longer has it
     */
    public Optional<String> withheldFromPartner(String country, Optional<CaseReaders> now) {
        if (now.isEmpty()) {
            return Optional.of("the case no longer exists");
        }
        if (now.get().tlp() == Tlp.RED) {
            return Optional.of("the case is now TLP:RED, which never leaves the platform");
        }
        if (!now.get().countries().contains(country)) {
            return Optional.of("the case is no longer shared with " + country);
        }
        return Optional.empty();
    }

    /**
     * Whether the reader may still be shown an item about the case, asked when the item is read: an item addressed to
     * the reader's whole country while the country sees the case (never once it is RED), one addressed to the reader
     * while the reader sees it (named by cases for a RED case, of a country that sees it otherwise).
     *
     * @param now who may see the case now; empty when cases no longer has it
     */
    public boolean mayStillSee(AllianceUser reader, boolean toWholeCountry, Optional<CaseReaders> now) {
        if (now.isEmpty()) {
            return false;
        }
        if (now.get().tlp() == Tlp.RED) {
            return !toWholeCountry && reader.username() != null && now.get().users().contains(reader.username());
        }
        return now.get().countries().contains(reader.country());
    }

    /** A country's partner settings are its liaisons' alone; to anybody else they do not exist. */
    public boolean mayManagePartner(AllianceUser user, String country) {
        return user.isLiaison() && user.country().equals(country);
    }

    /**
     * A country's delivery log tells where its partner systems are and how they answer: its liaisons read it and
     * redrive from it; to anybody else it does not exist (empty).
     */
    public Optional<Criteria> deliveriesOf(AllianceUser user, String country) {
        return mayManagePartner(user, country) ? Optional.of(Criteria.where(COUNTRY).is(country)) : Optional.empty();
    }

    /** On an item of the caller's inbox (only such items are ever answered to the caller): marking it read. */
    public List<InboxItemOperation> inboxItemOperations(AllianceUser user) {
        return List.of(InboxItemOperation.MARK_READ);
    }

    /** On a country's partner inbox: everything, for those who manage it; to anybody else it does not exist. */
    public List<PartnerOperation> partnerOperations(AllianceUser user, String country) {
        return mayManagePartner(user, country) ? List.of(PartnerOperation.values()) : List.of();
    }

    /**
     * On one delivery of a country's log: a redrive, for those who manage the country's partner inbox, while the
     * delivery is one a redrive takes (failed or parked).
     */
    public List<DeliveryOperation> deliveryOperations(AllianceUser user, String country, boolean redrivable) {
        return mayManagePartner(user, country) && redrivable ? List.of(DeliveryOperation.REDRIVE) : List.of();
    }

    /** @throws InternalCallRefusedException, answered 403, unless the caller's client and role both open the call */
    public void checkMayCall(InternalCaller caller, InternalCall call) {
        INTERNAL_CALLS.checkMayCall(caller, call);
    }
}
