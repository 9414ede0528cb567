package org.accord.notifications.inbox;

import java.util.List;
import java.util.Set;

import org.accord.identity.AllianceUser;

/**
 * Asked each time items are read: which of them name a case the reader no longer sees (withdrawn, never shown again),
 * and which could not be checked because cases could not answer (shown without their title).
 */
public interface ReaderCheck {

    Result check(AllianceUser reader, List<InboxItem> items);

    record Result(Set<String> withdrawn, Set<String> unchecked) {
    }
}
