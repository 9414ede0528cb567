package org.accord.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * A user's name in the alliance realm: the national username and the alias of the identity provider that vouched
 * for it, {@code fr-officer@fr}. The realm gives every brokered user this name on first sign-in, and the aliases are
 * the members' country codes in lower case, so one government's directory can never produce another's names.
 *
 * @param value   the whole name, as tokens carry it in {@code preferred_username}
 * @param country the country whose identity provider the name belongs to (upper case)
 */
public record AllianceUsername(String value, String country) {

    private static final char SEPARATOR = '@';

    /**
     * The alliance username {@code value} spells, if it has the realm's form: a national name, {@code @}, and a
     * two-letter lower-case alias. Anything else, including another case or spaces, is no alliance username.
     */
    public static Optional<AllianceUsername> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int at = value.lastIndexOf(SEPARATOR);
        if (at < 1 || at != value.length() - 3 || !value.equals(value.strip())
                || !value.equals(value.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String alias = value.substring(at + 1);
        if (!alias.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return Optional.empty();
        }
        return Optional.of(new AllianceUsername(value, alias.toUpperCase(Locale.ROOT)));
    }

    /** The alliance username of {@code nationalName} signed in through {@code country}'s identity provider. */
    public static String of(String nationalName, String country) {
        return nationalName.toLowerCase(Locale.ROOT) + SEPARATOR + country.toLowerCase(Locale.ROOT);
    }
}
