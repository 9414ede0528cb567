package org.accord.identity.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import org.accord.identity.AllianceUser;
import org.accord.identity.InternalCallRefusedException;
import org.accord.identity.InternalCaller;
import org.accord.identity.InternalClient;
import org.accord.identity.PlatformRole;

/**
 * The cells of every access policy's tables, read the same way in each service: words separated by spaces (an empty
 * cell is no word), a caller of a row, and the row of internal calls a client with some roles is granted.
 */
public final class AccessTables {

    private AccessTables() {
    }

    /** The words of a cell; none for an empty or absent one. */
    public static List<String> words(String cell) {
        return cell == null || cell.isBlank() ? List.of() : List.of(cell.trim().split("\\s+"));
    }

    /** A user of a row, holding the one platform role named ({@code officer}, {@code liaison}, {@code analyst}). */
    public static AllianceUser user(String username, String country, String role) {
        return new AllianceUser("subject-" + username, username, country, Set.of(role));
    }

    /** A platform client of a row, holding the platform roles named in the cell ({@code READ_CASE_AUDIENCE …}). */
    public static InternalCaller internalCaller(InternalClient client, String roles) {
        return new InternalCaller(client, "accord-" + client.name().toLowerCase(Locale.ROOT),
                words(roles).stream().map(PlatformRole::valueOf).collect(Collectors.toSet()));
    }

    /**
     * Checks one row of a policy's internal calls: the client with the roles may make exactly the calls named in
     * {@code granted}, and every other call is refused with the 403 of an internal call.
     */
    public static <C extends Enum<C>> void assertInternalCalls(Class<C> calls, BiPredicate<InternalCaller, C> mayCall,
            BiConsumer<InternalCaller, C> checkMayCall, InternalClient client, String roles, String granted) {
        InternalCaller caller = internalCaller(client, roles);
        Set<String> expected = Set.copyOf(words(granted));
        for (C call : calls.getEnumConstants()) {
            boolean grants = expected.contains(call.name());
            assertThat(mayCall.test(caller, call)).as(call.name()).isEqualTo(grants);
            if (grants) {
                checkMayCall.accept(caller, call);
            } else {
                assertThatThrownBy(() -> checkMayCall.accept(caller, call)).as(call.name())
                        .isInstanceOf(InternalCallRefusedException.class);
            }
        }
    }
}
