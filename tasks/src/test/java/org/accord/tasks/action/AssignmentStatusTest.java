package org.accord.tasks.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of statuses, and whether an assignment may move from one to the other. */
class AssignmentStatusTest {

    private static final Set<String> ALLOWED = Set.of("PROPOSED→ACCEPTED", "PROPOSED→DECLINED",
            "ACCEPTED→IN_PROGRESS", "IN_PROGRESS→DONE", "IN_PROGRESS→BLOCKED", "BLOCKED→IN_PROGRESS");

    static Stream<Arguments> everyMove() {
        List<Arguments> moves = new ArrayList<>();
        for (AssignmentStatus from : AssignmentStatus.values()) {
            for (AssignmentStatus to : AssignmentStatus.values()) {
                moves.add(Arguments.of(from, to, ALLOWED.contains(from + "→" + to)));
            }
        }
        return moves.stream();
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("everyMove")
    void onlyTheWorkflowsMovesAreAllowed(AssignmentStatus from, AssignmentStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMove")
    void declinedAndDoneAreFinalAndNotOwed(AssignmentStatus from) {
        boolean isFinal = from == AssignmentStatus.DECLINED || from == AssignmentStatus.DONE;
        assertThat(from.next().isEmpty()).isEqualTo(isFinal);
        assertThat(from.isOpen()).isEqualTo(!isFinal);
        assertThat(from.needsReason()).isEqualTo(from == AssignmentStatus.DECLINED
                || from == AssignmentStatus.BLOCKED);
    }
}
