package org.accord.notifications.access;

import java.util.Optional;

import org.accord.identity.AllianceUser;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Every access decision of the notifications service in one place: which inbox items a user sees, and who manages a
 * country's partner settings and its delivery log. Inbox criteria always pin the caller's country first, so each
 * read is a lookup on the {@code country, user, createdAt} index and never a scan across countries.
 */
@Component
public class NotificationAccessPolicy {

    static final String COUNTRY = "country";
    static final String USER = "user";
    static final String READ_BY = "readBy";

    /**
     * The caller's own items and the items addressed to the caller's whole country. Items about a RED case are
     * addressed to a user by name alone (cases names the users, not their countries); an alliance username carries
     * the identity provider that vouched for it ({@code fr-officer@fr}), so such an item is only ever its user's and no
     * other government's directory can produce that name.
     */
    public Criteria inboxOf(AllianceUser user) {
        Criteria ofCountry = new Criteria().andOperator(
                Criteria.where(COUNTRY).is(user.country()),
                Criteria.where(USER).in(user.username(), null));
        if (user.username() == null) {
            return ofCountry;
        }
        return new Criteria().orOperator(ofCountry, new Criteria().andOperator(
                Criteria.where(COUNTRY).is(null),
                Criteria.where(USER).is(user.username())));
    }

    /** Those of the caller's items the caller has not marked read; read state is per user, also on country items. */
    public Criteria unreadInboxOf(AllianceUser user) {
        return new Criteria().andOperator(inboxOf(user), Criteria.where(READ_BY).ne(user.username()));
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
}
