package org.accord.cases.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.cases.sharing.Access;
import org.accord.cases.sharing.CaseReaders;
import org.accord.cases.sharing.CaseSharing;
import org.accord.cases.sharing.SharingEntry;
import org.accord.cases.sharing.Tlp;
import org.accord.identity.AccessDecision;
import org.accord.identity.AllianceUser;
import org.accord.identity.CountryRegistry;
import org.accord.identity.InternalCallRefusedException;
import org.accord.identity.InternalCaller;
import org.accord.identity.InternalClient;
import org.accord.identity.InternalCalls;
import org.accord.identity.InternalGrant;
import org.accord.identity.PlatformRole;
import org.accord.support.relay.ParkedEventsAccess;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a case, decided here and nowhere else.
 * <p>
 * The TLP rules: CLEAR and GREEN for every member country; AMBER and AMBER_STRICT for the originating country and the
 * countries and groups on the sharing list; RED for the named recipients and the case owners only. A visible case
 * gives the originating country its originator's rights, a country listed with CONTRIBUTE (directly or through a
 * group) contribution, everybody else reading. Analysts only read; only officers of the originating country change
 * the sharing or the label, or close a case; recipients never re-share.
 * <p>
 * Reads of many cases match the case's stored {@link #readerKeysOf reader keys} against {@link #visibleTo the caller's
 * keys} inside the database query, so paging and counts never include what the caller may not see. Single cases are
 * checked by {@link #canSee}, which states the same rules directly on the sharing facts.
 */
@Component
public class CaseAccessPolicy implements ParkedEventsAccess {

    /** The calls of the platform's own clients under {@code /internal/**}. */
    public enum InternalCall { READ_CASE_AUDIENCE, LIST_PARKED_EVENTS, REDRIVE_PARKED_EVENT }

    /**
     * Which platform client may make each internal call, with which role: who may see a case for the services that
     * address and notify people (tasks, notifications), the relay's parked events for the operators. Cases itself
     * calls nothing here.
     */
    static final InternalCalls<InternalCall> INTERNAL_CALLS = new InternalCalls<>(InternalCall.class, Map.of(
            InternalCall.READ_CASE_AUDIENCE, InternalGrant.of("read who may see a case",
                    PlatformRole.READ_CASE_AUDIENCE, InternalClient.TASKS, InternalClient.NOTIFICATIONS),
            InternalCall.LIST_PARKED_EVENTS, InternalGrant.LIST_PARKED_EVENTS,
            InternalCall.REDRIVE_PARKED_EVENT, InternalGrant.REDRIVE_PARKED_EVENT));

    /**
     * The stored field of the reader keys that list queries match; one multikey index prefix serves every visibility
     * rule. Its stored name is older than the name of the keys.
     */
    public static final String READER_KEYS = "audience";

    private static final String EVERY_MEMBER = "members";
    private static final String COUNTRY = "country:";
    private static final String GROUP = "group:";
    private static final String USER = "user:";

    private final CountryRegistry registry;

    public CaseAccessPolicy(CountryRegistry registry) {
        this.registry = registry;
    }

    /**
     * The keys under which a case can be found: names of countries, groups and users, never their expansion, so a
     * change to a group's members counts at the next query.
     */
    public static List<String> readerKeysOf(Tlp tlp, String originCountry, List<SharingEntry> sharedWith,
            List<String> namedRecipients, List<String> owners) {
        if (tlp == null) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        switch (tlp) {
            case CLEAR, GREEN -> keys.add(EVERY_MEMBER);
            case AMBER, AMBER_STRICT -> {
                keys.add(COUNTRY + originCountry);
                for (SharingEntry entry : sharedWith) {
                    keys.add(entry.country() != null ? COUNTRY + entry.country() : GROUP + entry.group());
                }
            }
            case RED -> {
                owners.forEach(owner -> keys.add(USER + owner));
                namedRecipients.forEach(recipient -> keys.add(USER + recipient));
            }
        }
        return List.copyOf(keys);
    }

    /** Matches exactly the cases {@code user} may see. */
    public Criteria visibleTo(AllianceUser user) {
        return where(READER_KEYS).in(keysOf(user));
    }

    private List<String> keysOf(AllianceUser user) {
        String country = user.country();
        if (!registry.isMember(country)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        keys.add(EVERY_MEMBER);
        keys.add(COUNTRY + country);
        registry.groupsOf(country).forEach(group -> keys.add(GROUP + group));
        if (user.username() != null) {
            keys.add(USER + user.username());
        }
        return keys;
    }

    public boolean canSee(CaseSharing sharedCase, AllianceUser user) {
        String country = user.country();
        if (!registry.isMember(country)) {
            return false;
        }
        return switch (sharedCase.tlp()) {
            case CLEAR, GREEN -> true;
            case AMBER, AMBER_STRICT -> country.equals(sharedCase.originCountry())
                    || sharedCase.sharedWith().stream().anyMatch(entry -> reaches(entry, country));
            case RED -> user.username() != null && (sharedCase.namedRecipients().contains(user.username())
                    || sharedCase.owners().contains(user.username()));
        };
    }

    /**
     * Everyone who may see the case now, by the same rules as {@link #canSee}: the member countries for CLEAR, GREEN,
     * AMBER and AMBER_STRICT (groups expanded as the registry stands now), and for RED no country but the named
     * recipients and the case owners.
     */
    public CaseReaders readersNow(CaseSharing sharedCase) {
        return switch (sharedCase.tlp()) {
            case CLEAR, GREEN -> new CaseReaders(registry.members(), List.of());
            case AMBER, AMBER_STRICT -> {
                Set<String> countries = new LinkedHashSet<>();
                countries.add(sharedCase.originCountry());
                for (SharingEntry entry : sharedCase.sharedWith()) {
                    if (entry.country() != null) {
                        countries.add(entry.country());
                    } else {
                        countries.addAll(registry.expand(entry.group()));
                    }
                }
                // Members in the registry's order, so the answer does not depend on how the list was written.
                yield new CaseReaders(registry.members().stream().filter(countries::contains).toList(), List.of());
            }
            case RED -> {
                Set<String> users = new LinkedHashSet<>(sharedCase.owners());
                users.addAll(sharedCase.namedRecipients());
                yield new CaseReaders(List.of(), List.copyOf(users));
            }
        };
    }

    /** How far the caller's country reaches into a case, whatever the caller's role. */
    public CaseAccess accessOf(CaseSharing sharedCase, AllianceUser user) {
        if (!canSee(sharedCase, user)) {
            return CaseAccess.NONE;
        }
        if (user.country().equals(sharedCase.originCountry())) {
            return CaseAccess.ORIGINATOR;
        }
        boolean contributes = sharedCase.sharedWith().stream()
                .anyMatch(entry -> entry.access() == Access.CONTRIBUTE && reaches(entry, user.country()));
        return contributes ? CaseAccess.CONTRIBUTE : CaseAccess.READ;
    }

    public AccessDecision decide(CaseSharing sharedCase, AllianceUser user, CaseAction action) {
        CaseAccess access = accessOf(sharedCase, user);
        if (access == CaseAccess.NONE) {
            return AccessDecision.NOT_VISIBLE;
        }
        return switch (action) {
            case READ -> AccessDecision.GRANTED;
            // The audit tells who looked at the case: the originating country's business alone.
            case READ_AUDIT -> access == CaseAccess.ORIGINATOR ? AccessDecision.GRANTED : AccessDecision.NOT_VISIBLE;
            case EDIT, CONTRIBUTE -> {
                if (!user.isOfficerOrLiaison()) {
                    yield AccessDecision.forbidden("Analysts read cases; officers change them.");
                }
                yield access == CaseAccess.READ
                        ? AccessDecision.forbidden("Your country may read this case but not contribute to it.")
                        : AccessDecision.GRANTED;
            }
            case RELABEL, CLOSE, SHARE -> user.isOfficerOrLiaison() && access == CaseAccess.ORIGINATOR
                    ? AccessDecision.GRANTED
                    : AccessDecision.forbidden(
                            "Only officers of the originating country change the sharing or the label, or close the case.");
        };
    }

    /**
     * The operations the caller may perform on the case now: those whose right {@link #decide} grants and whose case
     * state matches, so the answer never offers a call the service would refuse.
     */
    public List<CaseOperation> allowedOperations(CaseSharing sharedCase, boolean closed, AllianceUser user) {
        return Arrays.stream(CaseOperation.values())
                .filter(operation -> operation.appliesTo(closed))
                .filter(operation -> decide(sharedCase, user, operation.right()).granted())
                .toList();
    }

    /** The operations the caller may perform on the case list: opening a case, for officers of a member country. */
    public List<CaseListOperation> allowedListOperations(AllianceUser user) {
        return mayOpenCase(user) ? List.of(CaseListOperation.OPEN) : List.of();
    }

    /** Officers and liaison staff of a member country open cases; analysts only read. */
    public void checkMayOpenCase(AllianceUser user) {
        if (!mayOpenCase(user)) {
            throw new ActionNotAllowedException("Only officers open cases.");
        }
    }

    private boolean mayOpenCase(AllianceUser user) {
        return registry.isMember(user.country()) && user.isOfficerOrLiaison();
    }

    /** @throws InternalCallRefusedException, answered 403, unless the caller's client and role both open the call */
    public void checkMayCall(InternalCaller caller, InternalCall call) {
        INTERNAL_CALLS.checkMayCall(caller, call);
    }

    @Override
    public void checkParkedEvents(InternalCaller caller, ParkedEventsAccess.Call call) {
        checkMayCall(caller, call == ParkedEventsAccess.Call.LIST_PARKED ? InternalCall.LIST_PARKED_EVENTS
                : InternalCall.REDRIVE_PARKED_EVENT);
    }

    private boolean reaches(SharingEntry entry, String country) {
        return country.equals(entry.country())
                || entry.group() != null && registry.expand(entry.group()).contains(country);
    }
}
