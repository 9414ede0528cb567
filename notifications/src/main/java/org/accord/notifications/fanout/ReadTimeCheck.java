package org.accord.notifications.fanout;

import org.accord.notifications.access.CaseReaders;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accord.identity.AllianceUser;
import org.accord.notifications.access.NotificationAccessPolicy;
import org.accord.notifications.inbox.InboxItem;
import org.accord.notifications.inbox.ReaderCheck;
import org.springframework.stereotype.Component;

/** Asks cases, once per case on the page, whether the reader still sees the cases the items name. */
@Component
class ReadTimeCheck implements ReaderCheck {

    private final CaseReadersClient readers;
    private final NotificationAccessPolicy policy;

    ReadTimeCheck(CaseReadersClient readers, NotificationAccessPolicy policy) {
        this.readers = readers;
        this.policy = policy;
    }

    @Override
    public Result check(AllianceUser reader, List<InboxItem> items) {
        Map<String, Optional<Optional<CaseReaders>>> asked = new HashMap<>();
        Set<String> withdrawn = new HashSet<>();
        Set<String> unchecked = new HashSet<>();
        for (InboxItem item : items) {
            if (item.caseId() == null) {
                continue;
            }
            Optional<Optional<CaseReaders>> now = asked.computeIfAbsent(item.caseId(), this::ask);
            if (now.isEmpty()) {
                unchecked.add(item.id());
            } else if (!policy.mayStillSee(reader, item.user() == null, now.get())) {
                withdrawn.add(item.id());
            }
        }
        return new Result(withdrawn, unchecked);
    }

    /** Cases' answer, or empty when cases could not give one. */
    private Optional<Optional<CaseReaders>> ask(String caseId) {
        try {
            return Optional.of(readers.of(caseId));
        } catch (CasesUnavailableException unanswered) {
            return Optional.empty();
        }
    }
}
