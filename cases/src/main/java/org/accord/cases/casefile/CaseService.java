package org.accord.cases.casefile;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.accord.cases.audit.AccessAudit;
import org.accord.cases.audit.AccessKind;
import org.accord.cases.audit.AuditOutcome;
import org.accord.cases.events.CaseEvent;
import org.accord.cases.events.EventStamp;
import org.accord.identity.AccessDecision;
import org.accord.cases.access.ActionNotAllowedException;
import org.accord.cases.access.CaseAccessPolicy;
import org.accord.cases.access.CaseAccessPolicy.InternalCall;
import org.accord.cases.access.CaseAction;
import org.accord.cases.access.CaseOperation;
import org.accord.cases.sharing.SharingChange;
import org.accord.cases.sharing.Tlp;
import org.accord.identity.AllianceUser;
import org.accord.identity.InternalCallRefusedException;
import org.accord.identity.InternalCaller;
import org.bson.types.ObjectId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Opens, reads and changes cases. Every access goes through the access policy and into the case's audit; every change
 * is one versioned write of the case document that carries the events it causes.
 */
@Service
public class CaseService {

    private static final int WRITE_ATTEMPTS = 5;

    private final MongoOperations mongo;
    private final CaseAccessPolicy policy;
    private final AccessAudit audit;
    private final Clock clock;

    CaseService(MongoOperations mongo, CaseAccessPolicy policy, AccessAudit audit, Clock clock) {
        this.mongo = mongo;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Now, as MongoDB keeps it: to the millisecond, so what a write answers equals every later read. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Case open(NewCase request, AllianceUser officer) {
        policy.checkMayOpenCase(officer);
        Instant now = now();
        Case opened = Case.opened(new ObjectId().toHexString(), request.title(), request.summary(),
                request.situationCountry(), request.tlp(), request.sharedWith(), distinct(request.namedRecipients()),
                distinct(request.tags()), officer.username(), officer.country(), now);
        List<CaseEvent> events = stamp(opened, List.of(
                CaseEvent.caseCreated(opened.tlp(), opened.sharedWith(), opened.namedRecipients())), officer, now);
        Case stored = mongo.insert(opened.revised(officer.username(), now, events));
        audit.record(stored.id(), officer, AccessKind.OPEN, AuditOutcome.GRANTED, stored.version());
        return stored;
    }

    /** The case, if the caller may see it; the read is audited as {@code audited}. */
    public Case read(String id, AllianceUser user, AccessKind audited) {
        Case found = authorize(id, user, CaseAction.READ, audited);
        audit.record(id, user, audited, AuditOutcome.GRANTED, found.version());
        return found;
    }

    /**
     * Who may see the case now, with its title and summary, for a platform service the policy lets ask: audited like
     * any access, in the name of the service that read it, and so is a refused attempt on an existing case.
     */
    CaseReadersView readers(String id, InternalCaller caller) {
        Case found = mongo.findById(id, Case.class);
        try {
            policy.checkMayCall(caller, InternalCall.READ_CASE_AUDIENCE);
        } catch (InternalCallRefusedException refused) {
            if (found != null) {
                audit.record(id, caller, AccessKind.READ_AUDIENCE, AuditOutcome.DENIED_FORBIDDEN, null);
            }
            throw refused;
        }
        if (found == null) {
            throw new CaseNotFoundException();
        }
        audit.record(id, caller, AccessKind.READ_AUDIENCE, AuditOutcome.GRANTED, found.version());
        return CaseReadersView.of(found, policy.readersNow(found));
    }

    /** What the caller may do with the case now, decided by the access policy that decides each call. */
    List<CaseOperation> allowedOperations(Case found, AllianceUser user) {
        return policy.allowedOperations(found, found.status() == CaseStatus.CLOSED, user);
    }

    /** One page of the cases the caller may see that match the query, filtered and ordered inside the database. */
    CasePage list(CaseQuery request, AllianceUser user) {
        Query query = new Query(policy.visibleTo(user));
        if (request.status() != null) {
            query.addCriteria(where("status").is(request.status()));
        }
        if (request.situationCountry() != null) {
            query.addCriteria(where("situationCountry").is(request.situationCountry()));
        }
        if (request.tlp() != null) {
            query.addCriteria(where("tlp").is(request.tlp()));
        }
        if (request.riskLevel() != null) {
            query.addCriteria(where("riskLevel").is(request.riskLevel()));
        }
        Pattern text = request.text();
        if (text != null) {
            query.addCriteria(new Criteria().orOperator(where("title").regex(text), where("summary").regex(text),
                    where("tags").regex(text)));
        }
        long total = mongo.count(query, Case.class);
        query.with(PageRequest.of(request.page(), request.size(), request.order()));
        // A list shows the cases, not their timelines, assessments or pending events.
        query.fields().exclude("entries").exclude("assessments").exclude("outbox");
        List<CaseView> items = mongo.find(query, Case.class).stream()
                .map(found -> CaseView.listed(found, allowedOperations(found, user))).toList();
        return new CasePage(items, request.page(), request.size(), total, policy.allowedListOperations(user));
    }

    Case update(String id, CaseChanges changes, String ifMatch, AllianceUser user) {
        return write(id, user, CaseAction.EDIT, AccessKind.UPDATE, ifMatch, true, current -> {
            String title = Objects.requireNonNullElse(changes.title(), current.title());
            String summary = Objects.requireNonNullElse(changes.summary(), current.summary());
            String situationCountry = Objects.requireNonNullElse(changes.situationCountry(),
                    current.situationCountry());
            CaseStatus status = Objects.requireNonNullElse(changes.status(), current.status());
            Tlp tlp = Objects.requireNonNullElse(changes.tlp(), current.tlp());
            List<String> tags = changes.tags() == null ? current.tags() : distinct(changes.tags());

            List<String> changed = new ArrayList<>();
            addIfChanged(changed, "title", title, current.title());
            addIfChanged(changed, "summary", summary, current.summary());
            addIfChanged(changed, "situationCountry", situationCountry, current.situationCountry());
            addIfChanged(changed, "status", status, current.status());
            addIfChanged(changed, "tlp", tlp, current.tlp());
            addIfChanged(changed, "tags", tags, current.tags());
            if (changed.isEmpty()) {
                return Revision.unchanged(current);
            }
            if (tlp != current.tlp()) {
                require(current, user, CaseAction.RELABEL, AccessKind.UPDATE);
            }
            boolean closingOrReopening = (status == CaseStatus.CLOSED) != (current.status() == CaseStatus.CLOSED);
            if (closingOrReopening) {
                require(current, user, CaseAction.CLOSE, AccessKind.UPDATE);
            } else if (current.status() == CaseStatus.CLOSED) {
                throw closed();
            }
            Case next = current.withContent(title, summary, situationCountry, status, tlp, tags);
            List<CaseEvent.Draft> events = new ArrayList<>();
            events.add(CaseEvent.caseUpdated(changed));
            if (tlp != current.tlp()) {
                events.add(CaseEvent.caseShared(tlp, next.sharedWith(), next.namedRecipients()));
            }
            return Revision.of(next, events);
        });
    }

    Case share(String id, SharingChange change, String ifMatch, AllianceUser user) {
        return write(id, user, CaseAction.SHARE, AccessKind.SHARE, ifMatch, false, current -> {
            List<String> namedRecipients = distinct(change.namedRecipients());
            if (change.tlp() == current.tlp() && change.sharedWith().equals(current.sharedWith())
                    && namedRecipients.equals(current.namedRecipients())) {
                return Revision.unchanged(current);
            }
            Case next = current.withSharing(change.tlp(), change.sharedWith(), namedRecipients);
            return Revision.of(next, CaseEvent.caseShared(next.tlp(), next.sharedWith(), next.namedRecipients()));
        });
    }

    /**
     * Applies one change as a single versioned write of the case document, events included. Without
     * {@code If-Match} a change that lost a race is recomputed on the fresh case; with it, the caller learns the case
     * moved on.
     */
    public Case write(String id, AllianceUser user, CaseAction action, AccessKind audited, String ifMatch,
            boolean ifMatchRequired, Function<Case, Revision> change) {
        for (int attempt = 1;; attempt++) {
            Case current = authorize(id, user, action, audited);
            if (ifMatch == null && ifMatchRequired) {
                throw new PreconditionRequiredException();
            }
            if (ifMatch != null && !matches(ifMatch, current)) {
                throw new PreconditionFailedException(current.etag());
            }
            Revision revision = change.apply(current);
            if (!revision.changed()) {
                audit.record(id, user, audited, AuditOutcome.GRANTED, current.version());
                return current;
            }
            Instant now = now();
            List<CaseEvent> events = stamp(current, revision.events(), user, now);
            try {
                Case saved = mongo.save(revision.next().revised(user.username(), now, events));
                audit.record(id, user, audited, AuditOutcome.GRANTED, saved.version());
                return saved;
            } catch (OptimisticLockingFailureException lostRace) {
                if (ifMatch != null) {
                    Case moved = mongo.findById(id, Case.class);
                    throw new PreconditionFailedException(moved == null ? null : moved.etag());
                }
                if (attempt == WRITE_ATTEMPTS) {
                    throw new CaseConflictException(CaseConflictException.Reason.CONCURRENT_CHANGE,
                            "The case is being changed by others right now; try again.");
                }
            }
        }
    }

    /** The case if the caller may do {@code action} with it; a refusal is audited before it is answered. */
    public Case authorize(String id, AllianceUser user, CaseAction action, AccessKind audited) {
        Case found = mongo.findById(id, Case.class);
        if (found == null) {
            throw new CaseNotFoundException();
        }
        require(found, user, action, audited);
        return found;
    }

    /** Refuses, audited, an action the policy does not grant on a case already loaded. */
    public void require(Case found, AllianceUser user, CaseAction action, AccessKind audited) {
        AccessDecision decision = policy.decide(found, user, action);
        switch (decision.outcome()) {
            case GRANTED -> {
            }
            case NOT_VISIBLE -> {
                audit.record(found.id(), user, audited, AuditOutcome.DENIED_NOT_VISIBLE, null);
                throw new CaseNotFoundException();
            }
            case FORBIDDEN -> {
                audit.record(found.id(), user, audited, AuditOutcome.DENIED_FORBIDDEN, null);
                throw new ActionNotAllowedException(decision.reason());
            }
        }
    }

    /** Entries and assessments go to open cases only, and only up to what a case document holds. */
    public static void requireRoomFor(Case current, int held, int limit, String what) {
        if (current.status() == CaseStatus.CLOSED) {
            throw closed();
        }
        if (held >= limit) {
            throw new CaseConflictException(CaseConflictException.Reason.LIMIT_REACHED,
                    "A case holds at most " + limit + " " + what + ".");
        }
    }

    private static CaseConflictException closed() {
        return new CaseConflictException(CaseConflictException.Reason.CASE_CLOSED,
                "The case is closed; the originating country can reopen it.");
    }

    private static List<CaseEvent> stamp(Case current, List<CaseEvent.Draft> drafts, AllianceUser user,
            Instant now) {
        List<CaseEvent> events = new ArrayList<>();
        for (CaseEvent.Draft draft : drafts) {
            events.add(draft.stamp(new EventStamp(UUID.randomUUID().toString(),
                    current.eventSequence() + events.size() + 1, current.id(), now, user.username(), user.country())));
        }
        return events;
    }

    /** {@code If-Match} holds one or more strong entity tags, or {@code *} for any version. */
    private static boolean matches(String ifMatch, Case current) {
        return Arrays.stream(ifMatch.split(",")).map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current.etag()));
    }

    private static void addIfChanged(List<String> changed, String field, Object next, Object current) {
        if (!Objects.equals(next, current)) {
            changed.add(field);
        }
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().distinct().toList();
    }
}
