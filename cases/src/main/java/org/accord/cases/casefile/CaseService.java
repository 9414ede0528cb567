package org.accord.cases.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.accord.cases.sharing.CaseAccessPolicy;
import org.accord.identity.AllianceUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

@Service
class CaseService {

    private static final Sort RECENT_FIRST = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("_id"));

    private final MongoOperations mongo;
    private final CaseAccessPolicy policy;
    private final Clock clock;

    CaseService(MongoOperations mongo, CaseAccessPolicy policy, Clock clock) {
        this.mongo = mongo;
        this.policy = policy;
        this.clock = clock;
    }

    Case open(NewCase request, AllianceUser officer) {
        policy.checkMayOpenCase(officer);
        // MongoDB keeps milliseconds; truncating keeps the created answer equal to every later read.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Case opened = new Case(null, request.title(), request.summary(), request.situationCountry(),
                CaseStatus.MONITORING, request.tlp(), request.sharedWith(),
                request.namedRecipients().stream().distinct().toList(), List.of(officer.username()),
                request.tags().stream().distinct().toList(), officer.country(), null,
                officer.username(), now, officer.username(), now, null);
        return mongo.insert(opened);
    }

    Case get(String id, AllianceUser user) {
        Case found = mongo.findById(id, Case.class);
        if (found == null || !policy.canSee(found, user)) {
            throw new CaseNotFoundException();
        }
        return found;
    }

    CasePage list(AllianceUser user, int page, int size) {
        long total = mongo.count(new Query(policy.visibleTo(user)), Case.class);
        List<CaseView> items = mongo.find(new Query(policy.visibleTo(user))
                .with(PageRequest.of(page, size, RECENT_FIRST)), Case.class)
                .stream().map(CaseView::of).toList();
        return new CasePage(items, page, size, total);
    }
}
