package org.accord.tasks.action;

import java.util.List;
import java.util.Map;

/** What the caller may do with one action: on the action itself, and on each country's assignment. */
public record AllowedOperations(List<ActionOperation> action, Map<String, List<AssignmentOperation>> assignments) {

    public AllowedOperations {
        action = List.copyOf(action);
        assignments = Map.copyOf(assignments);
    }

    List<AssignmentOperation> on(String country) {
        return assignments.getOrDefault(country, List.of());
    }
}
