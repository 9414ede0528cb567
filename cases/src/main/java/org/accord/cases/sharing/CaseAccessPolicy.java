package org.accord.cases.sharing;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.accord.identity.AllianceUser;
import org.accord.identity.CountryRegistry;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a case, decided here and nowhere else. Reads of many cases use {@link #visibleTo} inside the
 * database query, so paging and counts never include what the caller may not see; single documents use
 * {@link #canSee}. Both express the same TLP rules:
 * CLEAR and GREEN for every member country; AMBER and AMBER_STRICT for the originating country and the countries
 * and groups on the sharing list; RED for the named recipients and the case owners only.
 */
@Component
public class CaseAccessPolicy {

    static final String TLP = "tlp";
    static final String ORIGIN_COUNTRY = "originCountry";
    static final String SHARED_WITH_COUNTRY = "sharedWith.country";
    static final String SHARED_WITH_GROUP = "sharedWith.group";
    static final String NAMED_RECIPIENTS = "namedRecipients";
    static final String OWNERS = "owners";

    private final CountryRegistry registry;

    public CaseAccessPolicy(CountryRegistry registry) {
        this.registry = registry;
    }

    /** Matches exactly the cases {@code user} may see. */
    public Criteria visibleTo(AllianceUser user) {
        String country = user.country();
        if (!registry.isMember(country)) {
            return where("_id").in(List.of());
        }
        List<Criteria> anyOf = new ArrayList<>();
        anyOf.add(where(TLP).in(Tlp.CLEAR.name(), Tlp.GREEN.name()));
        // Groups are matched by name, so a change to a group's members counts at the next query.
        Set<String> groups = registry.groupsOf(country);
        anyOf.add(new Criteria().andOperator(
                where(TLP).in(Tlp.AMBER.name(), Tlp.AMBER_STRICT.name()),
                new Criteria().orOperator(
                        where(ORIGIN_COUNTRY).is(country),
                        where(SHARED_WITH_COUNTRY).is(country),
                        where(SHARED_WITH_GROUP).in(groups))));
        if (user.username() != null) {
            anyOf.add(new Criteria().andOperator(
                    where(TLP).is(Tlp.RED.name()),
                    new Criteria().orOperator(
                            where(NAMED_RECIPIENTS).is(user.username()),
                            where(OWNERS).is(user.username()))));
        }
        return new Criteria().orOperator(anyOf);
    }

    public boolean canSee(CaseSharing sharedCase, AllianceUser user) {
        String country = user.country();
        if (!registry.isMember(country)) {
            return false;
        }
        return switch (sharedCase.tlp()) {
            case CLEAR, GREEN -> true;
            case AMBER, AMBER_STRICT -> country.equals(sharedCase.originCountry())
                    || sharedCase.sharedWith().stream().anyMatch(entry -> country.equals(entry.country())
                            || entry.group() != null && registry.expand(entry.group()).contains(country));
            case RED -> user.username() != null && (sharedCase.namedRecipients().contains(user.username())
                    || sharedCase.owners().contains(user.username()));
        };
    }

    /** Officers and liaison staff of a member country open cases; analysts only read. */
    public void checkMayOpenCase(AllianceUser user) {
        if (!registry.isMember(user.country()) || !user.isOfficer()) {
            throw new ActionNotAllowedException("Only officers open cases.");
        }
    }
}
