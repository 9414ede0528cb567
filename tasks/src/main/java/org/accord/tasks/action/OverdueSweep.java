package org.accord.tasks.action;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.accord.tasks.events.ActionEvent;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Records {@code ActionOverdue} once for every assignment still open after its action's due date, in the same write
 * that marks the assignment as recorded. Instances may sweep at the same time: the versioned write lets one of them
 * record it, and the others find it already recorded next time. {@link OverdueSchedule} runs it every
 * {@code accord.tasks.overdue-sweep-interval}.
 */
@Component
public class OverdueSweep {

    private static final int BATCH = 100;

    private final MongoOperations mongo;
    private final Clock clock;

    OverdueSweep(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Sweeps every action that has fallen overdue since the last sweep; answers how many events it recorded. */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int recorded = 0;
        String after = null;
        for (;;) {
            Query batch = new Query(where("status").is(ActionStatus.OPEN).and("dueDate").lt(now)
                    .and("assignments").elemMatch(where("status").in(AssignmentStatus.OPEN)
                            .and("overdueRecorded").is(false)))
                    .with(Sort.by("_id"))
                    .limit(BATCH);
            // Batches in _id order, so a batch whose writes all lost a race is not read again in this sweep.
            if (after != null) {
                batch.addCriteria(where("_id").gt(after));
            }
            List<Action> actions = mongo.find(batch, Action.class);
            for (Action action : actions) {
                recorded += record(action, now);
            }
            if (actions.size() < BATCH) {
                return recorded;
            }
            after = actions.get(actions.size() - 1).id();
        }
    }

    private int record(Action action, Instant now) {
        List<ActionEvent.Draft> events = new ArrayList<>();
        Action next = action;
        for (Assignment assignment : action.assignments()) {
            if (assignment.isOverdue(action.status(), action.dueDate(), now) && !assignment.overdueRecorded()) {
                events.add(ActionEvent.actionOverdue(assignment.country(), action.dueDate()));
                next = next.withAssignment(assignment.country(), a -> a.overdueRecorded(true));
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        try {
            mongo.save(next.revised(null, now, ActionService.stamp(action, events, null, null, now)));
            return events.size();
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            return 0;
        }
    }
}
