package org.accord.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.accord.identity.testing.TokenClaims;
import org.accord.notifications.delivery.Channel;
import org.accord.notifications.delivery.Disclosure;
import org.accord.notifications.delivery.MessageSource;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMailUtil;

import tools.jackson.databind.JsonNode;

/**
 * Events from cases and tasks reach exactly the people cases says may see the case when the event is handled, with
 * as much content as the case's TLP lets out: real alliance tokens, the embedded MongoDB server, real SMTP through
 * the delivery engine, and a stand-in for cases' answer of who reads a case.
 */
class FanOutIntegrationTest extends IntegrationTestSupport {

    private static final List<String> ALL = List.of("US", "CA", "GB", "FR", "DE");

    @Autowired
    MongoOperations mongo;
    @Autowired
    Disclosure disclosure;

    @Test
    void aGreenCaseSharedMailsTheFullSummaryToEverySubscribedCountryButTheActingOne() throws Exception {
        String fr = partnerMailbox("fr-liaison", "FR", "IMMEDIATE");
        String us = partnerMailbox("us-liaison", "US", "IMMEDIATE");
        String caseId = newCase("GREEN", ALL, List.of());

        String eventId = handOver(caseShared(caseId, "us-officer", "US"));

        MimeMessage mail = eventually(() -> onlyMailTo(fr, caseId));
        assertThat(mail.getSubject()).isEqualTo("[TLP:GREEN] Case shared: " + title(caseId));
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).startsWith("TLP:GREEN").contains(title(caseId), summary(caseId), caseId,
                "http://localhost:8080/cases/" + caseId, "What changed: The case is shared with US, CA, GB, FR, DE");
        assertThat(mail.getHeader("X-Accord-Message-Key")).containsExactly(eventId);
        assertThat(itemsFor("fr-analyst", eventId)).hasSize(1).first()
                .satisfies(item -> assertThat(item.get("scope").asString()).isEqualTo("COUNTRY"));

        awaitFannedOut(eventId);
        assertThat(mailsTo(us, caseId)).as("the acting country does not hear of its own change").isEmpty();
        assertThat(itemsFor("us-analyst", eventId)).isEmpty();
    }

    @Test
    void anAmberStrictCaseMailsOnlyItsIdTitleAndLink() throws Exception {
        String fr = partnerMailbox("fr-liaison", "FR", "IMMEDIATE");
        String caseId = newCase("AMBER_STRICT", List.of("US", "FR"), List.of());

        handOver(caseShared(caseId, "us-officer", "US"));

        MimeMessage mail = eventually(() -> onlyMailTo(fr, caseId));
        assertThat(mail.getSubject()).isEqualTo("[TLP:AMBER+STRICT] Case shared: " + title(caseId));
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).startsWith("TLP:AMBER+STRICT").contains(title(caseId), caseId,
                "http://localhost:8080/cases/" + caseId);
        assertThat(body).doesNotContain(summary(caseId)).doesNotContain("What changed").doesNotContain("US, FR");
    }

    @Test
    void aPartnerWebhookIsQueuedWithWhatTheLabelLetsOut() throws Exception {
        String fr = partnerMailbox("fr-liaison", "FR", "IMMEDIATE");
        // Set beside the API, which would look the host up: the message is only queued here, not sent.
        mongo.getCollection("partners").updateOne(new Document("_id", "FR"),
                new Document("$set", new Document("webhookUrl", "https://partner.fr.example/accord")));
        String green = newCase("GREEN", ALL, List.of());
        String strict = newCase("AMBER_STRICT", List.of("US", "FR"), List.of());

        String greenEvent = handOver(caseShared(green, "us-officer", "US"));
        String strictEvent = handOver(caseShared(strict, "us-officer", "US"));

        JsonNode full = eventually(() -> webhookQueuedFor("FR", greenEvent));
        assertThat(full.get("id").asString()).isEqualTo(greenEvent);
        assertThat(full.get("type").asString()).isEqualTo("CaseShared");
        assertThat(full.get("caseId").asString()).isEqualTo(green);
        assertThat(full.get("country").asString()).isEqualTo("FR");
        assertThat(full.get("tlp").asString()).isEqualTo("TLP:GREEN");
        assertThat(full.get("title").asString()).isEqualTo(title(green));
        assertThat(full.get("summary").asString()).isEqualTo(summary(green));
        assertThat(full.get("link").asString()).isEqualTo("http://localhost:8080/cases/" + green);

        JsonNode cut = eventually(() -> webhookQueuedFor("FR", strictEvent));
        assertThat(cut.get("tlp").asString()).isEqualTo("TLP:AMBER+STRICT");
        assertThat(cut.get("title").asString()).isEqualTo(title(strict));
        assertThat(cut.has("summary")).isFalse();
        assertThat(cut.has("change")).isFalse();
        assertThat(cut.get("link").asString()).isEqualTo("http://localhost:8080/cases/" + strict);
        eventuallyHolds(() -> assertThat(mailsTo(fr, green)).as("the mail beside the webhook").hasSize(1));
    }

    @Test
    void aRedCaseReachesOnlyItsNamedRecipientsInAppAndNoPartnerAddress() throws Exception {
        String fr = partnerMailbox("fr-liaison", "FR", "IMMEDIATE");
        String de = partnerMailbox("de-liaison", "DE", "IMMEDIATE");
        String named = usernameIn(user("fr-officer"));
        String caseId = newCase("RED", List.of(), List.of(named, "us-officer"));

        String eventId = handOver(caseShared(caseId, "us-officer", "US"));

        JsonNode item = eventually(() -> {
            List<JsonNode> items = itemsFor("fr-officer", eventId);
            assertThat(items).hasSize(1);
            return items.get(0);
        });
        assertThat(item.get("scope").asString()).isEqualTo("USER");
        awaitFannedOut(eventId);
        assertThat(itemsFor("fr-analyst", eventId)).as("another user of the same country").isEmpty();
        assertThat(itemsFor("us-officer", eventId)).as("the actor").isEmpty();
        pause(Duration.ofSeconds(2));
        assertThat(mailsTo(fr, caseId)).isEmpty();
        assertThat(mailsTo(de, caseId)).isEmpty();
        assertThat(mailsAbout(caseId)).as("to any address").isEmpty();
        assertThat(mongo.getCollection("deliveries").countDocuments(new Document("key", eventId))).isZero();
    }

    @Test
    void aRedActionsNoticeReachesOnlyTheNamedUsersOfTheCountriesPartyToIt() throws Exception {
        String frOfficer = usernameIn(user("fr-officer"));
        String deOfficer = usernameIn(user("de-officer"));
        String caseId = newCase("RED", List.of(), List.of("us-officer", frOfficer, deOfficer));
        Map<String, Object> proposed = event("ActionProposed", caseId, 1, "us-officer", "US");
        proposed.put("taskId", stubAction(caseId, "US", List.of("DE")));
        proposed.put("countries", List.of("DE"));

        String proposal = handOver(proposed);

        eventuallyHolds(() -> assertThat(itemsFor("de-officer", proposal)).hasSize(1));
        awaitFannedOut(proposal);
        assertThat(itemsFor("fr-officer", proposal)).as("named on the case, but France is no party to the action")
                .isEmpty();
        assertThat(json(get("/api/notifications/unread-count", user("fr-officer"))).get("unread").asLong())
                .isEqualTo(json(get("/api/notifications?unread=true&size=100", user("fr-officer")))
                        .get("totalItems").asLong());
        assertThat(itemsFor("de-analyst", proposal)).as("not named").isEmpty();
    }

    @Test
    void aCountryMissingFromTheAudienceGetsNothing() throws Exception {
        String fr = partnerMailbox("fr-liaison", "FR", "IMMEDIATE");
        String de = partnerMailbox("de-liaison", "DE", "IMMEDIATE");
        // The event still lists Germany; cases, asked now, no longer does.
        String caseId = newCase("AMBER", List.of("US", "FR"), List.of());
        Map<String, Object> event = caseShared(caseId, "us-officer", "US");
        event.put("sharedWith", List.of(Map.of("country", "FR", "access", "READ"),
                Map.of("country", "DE", "access", "READ")));

        String eventId = handOver(event);

        MimeMessage mail = eventually(() -> onlyMailTo(fr, caseId));
        assertThat(GreenMailUtil.getBody(mail)).contains(summary(caseId));
        awaitFannedOut(eventId);
        pause(Duration.ofSeconds(2));
        assertThat(mailsTo(de, caseId)).isEmpty();
        assertThat(mailsAbout(caseId)).as("France's only").hasSize(1);
        assertThat(itemsFor("de-officer", eventId)).isEmpty();
    }

    @Test
    void sharingWithOneMoreCountryTellsOnlyThatCountry() throws Exception {
        String fr = partnerMailbox("fr-liaison", "FR", "IMMEDIATE");
        String de = partnerMailbox("de-liaison", "DE", "IMMEDIATE");
        String caseId = newCase("AMBER", List.of("US", "FR"), List.of());
        String first = handOver(caseShared(caseId, "us-officer", "US"));
        eventually(() -> onlyMailTo(fr, caseId));
        awaitFannedOut(first);

        stubReaders(caseId, "AMBER", List.of("US", "FR", "DE"), List.of());
        Map<String, Object> widened = event("CaseShared", caseId, 2, "us-officer", "US");
        String second = handOver(widened);

        eventually(() -> onlyMailTo(de, caseId));
        awaitFannedOut(second);
        pause(Duration.ofSeconds(2));
        assertThat(mailsTo(fr, caseId)).as("France could see the case already").hasSize(1);
        assertThat(itemsFor("fr-analyst", second)).isEmpty();
        assertThat(itemsFor("de-analyst", second)).hasSize(1);
    }

    @Test
    void theEventsOfACaseHeldByAnInstanceThatDiedWaitForItsLeaseToRunOutAndAreThenDelivered() throws Exception {
        String fr = partnerMailbox("fr-liaison", "FR", "IMMEDIATE");
        String caseId = newCase("GREEN", ALL, List.of());
        mongo.getCollection("fanout_leases").insertOne(new Document("_id", new ObjectId(caseId))
                .append("holder", "a-dead-instance")
                .append("until", java.util.Date.from(Instant.now().plusSeconds(4))));

        String eventId = handOver(caseShared(caseId, "us-officer", "US"));

        pause(Duration.ofSeconds(2));
        assertThat(mailsTo(fr, caseId)).as("still held").isEmpty();
        eventually(() -> onlyMailTo(fr, caseId));
        awaitFannedOut(eventId);
        assertThat(itemsFor("fr-analyst", eventId)).hasSize(1);
    }

    @Test
    void whileCasesCannotAnswerNothingGoesOutAndAfterwardsEverythingOnce() throws Exception {
        String fr = partnerMailbox("fr-liaison", "FR", "IMMEDIATE");
        String caseId = newCaseId();
        CASES.stubFor(WireMock.get(readersPath(caseId)).willReturn(aResponse().withStatus(503)));

        String eventId = handOver(caseShared(caseId, "us-officer", "US"));

        eventuallyHolds(() -> assertThat(CASES.findAll(getRequestedFor(urlEqualTo(readersPath(caseId))))).hasSizeGreaterThan(3));
        // Stored as MongoDB stores an id of this form: an ObjectId.
        eventuallyHolds(() -> assertThat(mongo.getCollection("fanout_leases")
                .find(new Document("_id", new ObjectId(caseId))).first().getInteger("failures"))
                .as("rounds failed in a row").isGreaterThan(3));
        assertThat(parkedIds()).as("more rounds than park-after, and still not parked").doesNotContain(eventId);
        pause(Duration.ofSeconds(2));
        assertThat(mailsTo(fr, caseId)).isEmpty();
        assertThat(itemsFor("fr-analyst", eventId)).isEmpty();

        stubReaders(caseId, "GREEN", ALL, List.of());
        eventually(() -> onlyMailTo(fr, caseId));
        awaitFannedOut(eventId);
        pause(Duration.ofSeconds(2));
        assertThat(mailsTo(fr, caseId)).hasSize(1);
        assertThat(itemsFor("fr-analyst", eventId)).hasSize(1);

        List<LoggedRequest> asks = CASES.findAll(getRequestedFor(urlEqualTo(readersPath(caseId))));
        LoggedRequest asked = asks.get(asks.size() - 1);
        String token = asked.getHeader("Authorization").substring("Bearer ".length());
        JsonNode claims = JSON.readTree(TokenClaims.payload(token));
        assertThat(claims.get("azp").asString()).as("notifications' own token").isEqualTo("accord-notifications");
    }

    @Test
    void anEventOfACaseCasesDoesNotHaveIsParkedAndHeardOfByNobody() throws Exception {
        String fr = partnerMailbox("fr-liaison", "FR", "IMMEDIATE");
        String caseId = newCaseId();
        CASES.stubFor(WireMock.get(readersPath(caseId)).willReturn(aResponse().withStatus(404)));

        String eventId = handOver(caseShared(caseId, "us-officer", "US"));

        JsonNode parked = eventually(() -> parkedEvent(eventId));
        assertThat(parked.get("failure").asString()).isEqualTo("refused: cases has no case " + caseId);
        pause(Duration.ofSeconds(2));
        assertThat(mailsTo(fr, caseId)).isEmpty();
        assertThat(itemsFor("fr-analyst", eventId)).isEmpty();
    }

    @Test
    void actionEventsReachTheCountriesPartyToTheAction() throws Exception {
        String caseId = newCase("GREEN", ALL, List.of());
        String taskId = stubAction(caseId, "US", List.of("FR"));
        Map<String, Object> proposed = event("ActionProposed", caseId, 1, "us-officer", "US");
        proposed.put("taskId", taskId);
        proposed.put("countries", List.of("FR"));
        String proposal = handOver(proposed);

        eventuallyHolds(() -> assertThat(itemsFor("fr-liaison", proposal)).hasSize(1));
        awaitFannedOut(proposal);
        assertThat(itemsFor("de-officer", proposal)).as("not addressed").isEmpty();
        assertThat(itemsFor("us-officer", proposal)).as("the requesting country proposed it").isEmpty();

        Map<String, Object> declined = event("AssignmentChanged", caseId, 2, "fr-liaison", "FR");
        declined.put("taskId", taskId);
        declined.put("country", "FR");
        declined.put("from", "PROPOSED");
        declined.put("to", "DECLINED");
        declined.put("reason", "no legal basis");
        String decline = handOver(declined);

        eventuallyHolds(() -> assertThat(itemsFor("us-officer", decline)).hasSize(1));
        awaitFannedOut(decline);
        assertThat(itemsFor("fr-liaison", decline)).isEmpty();
        assertThat(itemsFor("de-officer", decline)).isEmpty();
    }

    @Test
    void aForgedProposalNamingOtherCountriesThanTasksKeepsIsParkedAndReachesNobody() throws Exception {
        String fr = partnerMailbox("fr-liaison", "FR", "IMMEDIATE");
        String de = partnerMailbox("de-liaison", "DE", "IMMEDIATE");
        String caseId = newCase("GREEN", ALL, List.of());
        String taskId = stubAction(caseId, "US", List.of("FR"));
        Map<String, Object> forged = event("ActionProposed", caseId, 1, "us-officer", "US");
        forged.put("taskId", taskId);
        forged.put("countries", List.of("DE"));

        String eventId = handOver(forged);

        JsonNode parked = eventually(() -> parkedEvent(eventId));
        assertThat(parked.get("failure").asString())
                .isEqualTo("refused: the action " + taskId + " is addressed to [FR], not to [DE]");
        pause(Duration.ofSeconds(2));
        for (String user : List.of("fr-liaison", "de-liaison", "us-officer", "gb-officer")) {
            assertThat(itemsFor(user, eventId)).as(user).isEmpty();
        }
        assertThat(mailsTo(fr, caseId)).isEmpty();
        assertThat(mailsTo(de, caseId)).isEmpty();
        assertThat(mongo.getCollection("deliveries").countDocuments(new Document("key", eventId))).isZero();
    }

    @Test
    void anActionsEventsReachThePartiesTasksKeepsWhateverTheEventNames() throws Exception {
        String caseId = newCase("GREEN", ALL, List.of());
        String taskId = stubAction(caseId, "US", List.of("FR", "GB"));
        Map<String, Object> comment = event("CommentAdded", caseId, 2, "fr-liaison", "FR");
        comment.put("taskId", taskId);
        comment.put("commentId", UUID.randomUUID().toString());

        String eventId = handOver(comment);

        eventuallyHolds(() -> assertThat(itemsFor("gb-officer", eventId)).hasSize(1));
        awaitFannedOut(eventId);
        assertThat(itemsFor("us-officer", eventId)).as("the requesting country, as tasks says").hasSize(1);
        assertThat(itemsFor("de-officer", eventId)).as("no party").isEmpty();
        List<LoggedRequest> asked = TASKS.findAll(getRequestedFor(urlEqualTo(partiesPath(taskId))));
        assertThat(JSON.readTree(TokenClaims.payload(asked.get(0).getHeader("Authorization")
                .substring("Bearer ".length()))).get("azp").asString()).isEqualTo("accord-notifications");
    }

    @Test
    void anActionEventThatDoesNotFitItsActionIsParkedWithTheReason() throws Exception {
        String caseId = newCase("GREEN", ALL, List.of());
        String otherCase = newCase("GREEN", ALL, List.of());
        String onOtherCase = stubAction(otherCase, "US", List.of("FR"));
        String unknown = new ObjectId().toHexString();
        TASKS.stubFor(WireMock.get(partiesPath(unknown)).willReturn(aResponse().withStatus(404)));
        String addressedToFr = stubAction(caseId, "US", List.of("FR"));

        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        Map<String, Object> elsewhere = event("ActionUpdated", caseId, 1, "us-officer", "US");
        elsewhere.put("taskId", onOtherCase);
        elsewhere.put("changedFields", List.of("title"));
        reasons.put(handOver(elsewhere), "the action " + onOtherCase + " is not on the case " + caseId);
        Map<String, Object> missing = event("ActionUpdated", caseId, 2, "us-officer", "US");
        missing.put("taskId", unknown);
        missing.put("changedFields", List.of("title"));
        reasons.put(handOver(missing), "tasks has no action " + unknown);
        Map<String, Object> notAddressed = event("AssignmentChanged", caseId, 3, "de-liaison", "DE");
        notAddressed.put("taskId", addressedToFr);
        notAddressed.put("country", "DE");
        notAddressed.put("from", "PROPOSED");
        notAddressed.put("to", "ACCEPTED");
        reasons.put(handOver(notAddressed), "the action " + addressedToFr + " is not addressed to DE");
        Map<String, Object> foreignAssignee = event("AssigneeSet", caseId, 4, "fr-liaison", "FR");
        foreignAssignee.put("taskId", addressedToFr);
        foreignAssignee.put("country", "FR");
        foreignAssignee.put("assignee", "de-officer@de");
        reasons.put(handOver(foreignAssignee), "the assignee is not a user of FR");

        reasons.forEach((eventId, reason) -> {
            JsonNode parked = eventually(() -> parkedEvent(eventId));
            assertThat(parked.get("failure").asString()).as(eventId).isEqualTo("refused: " + reason);
            for (String user : List.of("fr-officer", "de-officer", "us-officer")) {
                assertThat(itemsFor(user, eventId)).as(user).isEmpty();
            }
        });
    }

    @Test
    void whileTasksCannotAnswerAnActionsEventWaitsAndAfterwardsGoesOutOnce() throws Exception {
        String caseId = newCase("GREEN", ALL, List.of());
        String taskId = new ObjectId().toHexString();
        TASKS.stubFor(WireMock.get(partiesPath(taskId)).willReturn(aResponse().withStatus(503)));
        Map<String, Object> proposed = event("ActionProposed", caseId, 1, "us-officer", "US");
        proposed.put("taskId", taskId);
        proposed.put("countries", List.of("FR"));

        String eventId = handOver(proposed);

        eventuallyHolds(() -> assertThat(TASKS.findAll(getRequestedFor(urlEqualTo(partiesPath(taskId)))))
                .hasSizeGreaterThan(3));
        assertThat(parkedIds()).as("waiting, not parked").doesNotContain(eventId);
        assertThat(itemsFor("fr-liaison", eventId)).isEmpty();

        Map<String, Object> parties = new java.util.LinkedHashMap<>();
        parties.put("actionId", taskId);
        parties.put("caseId", caseId);
        parties.put("requestingCountry", "US");
        parties.put("countries", List.of("FR"));
        TASKS.stubFor(WireMock.get(partiesPath(taskId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(parties))));
        eventuallyHolds(() -> assertThat(itemsFor("fr-liaison", eventId)).hasSize(1));
        awaitFannedOut(eventId);
        pause(Duration.ofSeconds(2));
        assertThat(itemsFor("fr-liaison", eventId)).hasSize(1);
    }

    @Test
    void aCountryWantingADigestGetsOneMailListingThePeriodsEvents() throws Exception {
        String fr = partnerMailbox("fr-liaison", "FR", "HOURLY_DIGEST");
        String green = newCase("GREEN", ALL, List.of());
        String strict = newCase("AMBER_STRICT", List.of("US", "FR"), List.of());
        startOfADigestPeriod();

        handOver(caseShared(green, "us-officer", "US"));
        Map<String, Object> updated = event("CaseUpdated", green, 2, "us-officer", "US");
        updated.put("changedFields", List.of("summary"));
        handOver(updated);
        String last = handOver(caseShared(strict, "us-officer", "US"));
        awaitFannedOut(last);
        assertThat(mailsTo(fr, green)).as("nothing before the period ends").isEmpty();

        MimeMessage digest = eventually(() -> onlyMailTo(fr, green));
        assertThat(digest.getSubject()).startsWith("[TLP:AMBER+STRICT] Accord digest: 3 events");
        String body = GreenMailUtil.getBody(digest);
        assertThat(body).startsWith("TLP:AMBER+STRICT").contains(green, strict, summary(green), "Changed: summary.",
                title(strict)).doesNotContain(summary(strict));
        pause(DIGEST_PERIOD);
        assertThat(mailsTo(fr, green)).hasSize(1);
    }

    @Test
    void handledEventsAreForgottenAfterAWeekAndWaitingOnesNever() throws Exception {
        String caseId = newCaseId();
        // Held by another instance for the whole test, so the waiting event stays waiting.
        mongo.getCollection("fanout_leases").insertOne(new Document("_id", new ObjectId(caseId))
                .append("holder", "another-instance")
                .append("until", java.util.Date.from(Instant.now().plus(Duration.ofHours(1)))));
        java.util.Date eightDaysAgo = java.util.Date.from(Instant.now().minus(Duration.ofDays(8)));
        String old = storedEvent(caseId, eightDaysAgo, eightDaysAgo);
        String recent = storedEvent(caseId, eightDaysAgo, java.util.Date.from(Instant.now()));
        String waiting = storedEvent(caseId, eightDaysAgo, null);

        eventuallyHolds(() -> assertThat(mongo.getCollection("events").countDocuments(new Document("_id", old)))
                .isZero());
        assertThat(mongo.getCollection("events").countDocuments(new Document("_id", recent))).isEqualTo(1);
        assertThat(mongo.getCollection("events").countDocuments(new Document("_id", waiting))).isEqualTo(1);
    }

    @Test
    void anEventWhoseHandlingKeepsFailingIsParkedTheCasesLaterEventsGoOutAndARedriveDeliversIt() throws Exception {
        String fr = partnerMailbox("fr-liaison", "FR", "IMMEDIATE");
        String caseId = newCase("GREEN", ALL, List.of());
        // An event this version cannot read, as a stored event of an older one: its handling fails however often.
        String broken = UUID.randomUUID().toString();
        java.util.Date now = java.util.Date.from(Instant.now());
        mongo.getCollection("events").insertOne(new Document("_id", broken).append("event",
                new Document("_id", broken).append("type", "CaseRetitled").append("occurredAt", now)
                        .append("caseId", caseId).append("sequence", 1L).append("actor", "us-officer@us")
                        .append("actorCountry", "US").append("changedFields", List.of("title")))
                .append("receivedAt", now));
        List<String> later = new ArrayList<>();
        for (String field : List.of("summary", "title")) {
            Map<String, Object> updated = event("CaseUpdated", caseId, 2 + later.size(), "us-officer", "US");
            updated.put("changedFields", List.of(field));
            later.add(handOver(updated));
        }

        eventuallyHolds(() -> assertThat(mailsTo(fr, caseId)).hasSize(2));
        later.forEach(this::awaitFannedOut);
        JsonNode parked = parkedEvent(broken);
        assertThat(parked.get("status").asString()).isEqualTo("PARKED");
        assertThat(parked.get("type").asString()).isEqualTo("CaseRetitled");
        assertThat(parked.get("caseId").asString()).isEqualTo(caseId);
        assertThat(parked.get("failures").asInt()).as("park-after").isEqualTo(3);
        assertThat(parked.get("failure").asString()).contains("CaseRetitled");
        Instant parkedAt = Instant.parse(parked.get("parkedAt").asString());
        for (String id : later) {
            Document stored = mongo.getCollection("events").find(new Document("_id", id)).first();
            assertThat(stored.getDate("fannedOutAt").toInstant()).as("the later events waited behind it")
                    .isAfterOrEqualTo(parkedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(itemsFor("fr-analyst", id)).hasSize(1);
        }
        assertThat(itemsFor("fr-liaison", broken)).isEmpty();
        assertThat(parkedGauge()).isGreaterThanOrEqualTo(1);

        // The operator corrects the stored event, then redrives it.
        mongo.getCollection("events").updateOne(new Document("_id", broken),
                new Document("$set", new Document("event.type", "CaseUpdated")));
        assertThat(redrive(broken, operator()).statusCode()).isEqualTo(204);

        eventuallyHolds(() -> assertThat(itemsFor("fr-liaison", broken)).hasSize(1));
        awaitFannedOut(broken);
        assertThat(parkedIds()).doesNotContain(broken);
        HttpResponse<String> again = redrive(broken, operator());
        assertThat(again.statusCode()).isEqualTo(404);
        assertProblem(again, "not-found");
    }

    @Test
    void onlyOperatorsSeeAndRedriveParkedEvents() {
        String anyId = UUID.randomUUID().toString();
        for (String token : new String[] { null, user("fr-liaison"), systems("fr"), service("cases"),
                service("tasks"), service("notifications") }) {
            int expected = token == null ? 401 : 403;
            assertThat(get("/internal/events/parked", token).statusCode()).isEqualTo(expected);
            HttpResponse<String> redrive = redrive(anyId, token);
            assertThat(redrive.statusCode()).isEqualTo(expected);
            assertThat(redrive.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    private HttpResponse<String> redrive(String eventId, String token) {
        return send("POST", "/internal/events/" + eventId + "/redrive", token, null);
    }

    private JsonNode parkedEvents() {
        HttpResponse<String> list = get("/internal/events/parked", operator());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return json(list).get("items");
    }

    private List<String> parkedIds() {
        List<String> ids = new ArrayList<>();
        parkedEvents().forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private JsonNode parkedEvent(String eventId) {
        for (JsonNode item : parkedEvents()) {
            if (item.get("id").asString().equals(eventId)) {
                return item;
            }
        }
        throw new AssertionError("event " + eventId + " is not parked");
    }

    /** The gauge operators alert on, as Prometheus scrapes it. */
    private double parkedGauge() {
        return operations("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("accord_events_parked ") || line.startsWith("accord_events_parked{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no accord_events_parked in the scrape"));
    }

    private String storedEvent(String caseId, java.util.Date receivedAt, java.util.Date fannedOutAt) {
        String id = UUID.randomUUID().toString();
        Document event = new Document("_id", id).append("type", "CaseUpdated").append("occurredAt", receivedAt)
                .append("caseId", caseId).append("sequence", 1L);
        mongo.getCollection("events").insertOne(new Document("_id", id).append("event", event)
                .append("receivedAt", receivedAt).append("fannedOutAt", fannedOutAt));
        return id;
    }

    private String newCase(String tlp, List<String> countries, List<String> users) {
        String caseId = newCaseId();
        stubReaders(caseId, tlp, countries, users);
        return caseId;
    }

    private static void stubReaders(String caseId, String tlp, List<String> countries, List<String> users) {
        stubReaders(caseId, title(caseId), summary(caseId), tlp, countries, users);
    }

    private static String title(String caseId) {
        return "Attacks on villages, " + caseId.substring(caseId.length() - 6);
    }

    private static String summary(String caseId) {
        return "Militia units are moving on the camps near " + caseId.substring(caseId.length() - 6) + ".";
    }

    /** Gives the country a fresh address of its own, subscribed to every event type. */
    private String partnerMailbox(String liaison, String country, String mode) {
        String address = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@" + country.toLowerCase()
                + ".example";
        String settings = JSON.writeValueAsString(Map.of("emails", List.of(address),
                "events", List.of("CaseShared", "CaseUpdated", "ActionProposed", "AssignmentChanged"),
                "deliveryMode", mode));
        assertThat(send("PUT", "/api/partners/" + country, user(liaison), settings).statusCode()).isEqualTo(200);
        return address;
    }

    private static Map<String, Object> caseShared(String caseId, String actor, String actorCountry) {
        return event("CaseShared", caseId, 1, actor, actorCountry);
    }

    private List<JsonNode> itemsFor(String username, String eventId) {
        List<JsonNode> items = new ArrayList<>();
        json(get("/api/notifications?size=100", user(username))).get("items").forEach(item -> {
            if (item.has("eventId") && eventId.equals(item.get("eventId").asString())) {
                items.add(item);
            }
        });
        return items;
    }

    /** The body the queued webhook would carry if it were sent now: its text is made at each attempt. */
    private JsonNode webhookQueuedFor(String country, String eventId) {
        Document delivery = mongo.getCollection("deliveries").find(new Document("country", country)
                .append("channel", "WEBHOOK").append("key", eventId)).first();
        assertThat(delivery).isNotNull();
        MessageSource source = mongo.getConverter().read(MessageSource.class, delivery.get("source", Document.class));
        Disclosure.Decision decision = disclosure.decide(country, Channel.WEBHOOK, source, Set.of());
        assertThat(decision).isInstanceOf(Disclosure.Send.class);
        return JSON.readTree(((Disclosure.Send) decision).body());
    }

    /**
     * The mails to the address that name the case. Deliveries read the partner's addresses when they are sent, so a
     * mail of an earlier test may still reach the address a later test set: each test looks at its own cases' mails.
     */
    private static List<MimeMessage> mailsTo(String address, String caseId) {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage message : mailsAbout(caseId)) {
            try {
                for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                    if (recipient.toString().equalsIgnoreCase(address)) {
                        mails.add(message);
                    }
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    /** Every mail received by any address that names the case. */
    private static List<MimeMessage> mailsAbout(String caseId) {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage message : PARTNER_MAIL.getReceivedMessages()) {
            if (GreenMailUtil.getWholeMessage(message).contains(caseId)) {
                mails.add(message);
            }
        }
        return mails;
    }

    private static MimeMessage onlyMailTo(String address, String caseId) {
        List<MimeMessage> mails = mailsTo(address, caseId);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private void awaitFannedOut(String eventId) {
        eventuallyHolds(() -> assertThat(mongo.getCollection("events").find(new Document("_id", eventId)).first())
                .isNotNull().satisfies(stored -> assertThat(stored.get("fannedOutAt")).isNotNull()));
    }

    /** Waits for the start of a digest period, so the test's events fall into one period. */
    private static void startOfADigestPeriod() {
        long period = DIGEST_PERIOD.toMillis();
        long into = System.currentTimeMillis() % period;
        pause(Duration.ofMillis(period - into + 100));
    }

    private static void eventuallyHolds(Runnable check) {
        eventually(() -> {
            check.run();
            return null;
        });
    }
}
