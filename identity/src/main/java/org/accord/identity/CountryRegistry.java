package org.accord.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The member countries of the alliance (ISO 3166-1 alpha-2, upper case) and the named groups of them that cases can
 * be shared with. Onboarding a government adds an entry here by configuration; {@link #ALLIES} always means every
 * member, evaluated when asked, so a new member joins every ALLIES sharing at once.
 */
public final class CountryRegistry {

    public static final String ALLIES = "ALLIES";

    private final Map<String, String> members;
    private final Map<String, Set<String>> groups;

    public CountryRegistry(Map<String, String> members, Map<String, ? extends Collection<String>> groups) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("the country registry needs at least one member");
        }
        this.members = Map.copyOf(members);
        Map<String, Set<String>> checked = new LinkedHashMap<>();
        groups.forEach((name, countries) -> {
            if (ALLIES.equals(name)) {
                throw new IllegalArgumentException("ALLIES is every member and cannot be redefined");
            }
            for (String country : countries) {
                if (!members.containsKey(country)) {
                    throw new IllegalArgumentException("group " + name + " names " + country + ", not a member");
                }
            }
            checked.put(name, Set.copyOf(countries));
        });
        this.groups = Map.copyOf(checked);
    }

    public static CountryRegistry of(CountryRegistryProperties properties) {
        return new CountryRegistry(properties.members(), properties.groups());
    }

    public boolean isMember(String country) {
        return country != null && members.containsKey(country);
    }

    /**
     * Whether {@code username} is an alliance username of a member country's identity provider
     * ({@code fr-officer@fr}), the only form in which the platform names a person.
     */
    public boolean isMemberUsername(String username) {
        return AllianceUsername.parse(username).map(name -> isMember(name.country())).orElse(false);
    }

    public boolean isGroup(String group) {
        return ALLIES.equals(group) || groups.containsKey(group);
    }

    /** Member codes, sorted. */
    public List<String> members() {
        return members.keySet().stream().sorted().toList();
    }

    public Optional<String> name(String country) {
        return Optional.ofNullable(members.get(country));
    }

    /** Group names, {@code ALLIES} first. */
    public List<String> groups() {
        Set<String> names = new LinkedHashSet<>();
        names.add(ALLIES);
        groups.keySet().stream().sorted().forEach(names::add);
        return List.copyOf(names);
    }

    /** The members a group stands for now; empty for an unknown group. */
    public Set<String> expand(String group) {
        if (ALLIES.equals(group)) {
            return Set.copyOf(members.keySet());
        }
        return groups.getOrDefault(group, Set.of());
    }

    /** The groups that include the country, so a query can match sharing entries that name the group. */
    public Set<String> groupsOf(String country) {
        Set<String> result = new LinkedHashSet<>();
        if (isMember(country)) {
            result.add(ALLIES);
            groups.forEach((name, countries) -> {
                if (countries.contains(country)) {
                    result.add(name);
                }
            });
        }
        return result;
    }
}
