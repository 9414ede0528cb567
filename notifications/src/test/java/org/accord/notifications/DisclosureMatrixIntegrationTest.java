package org.accord.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.accord.notifications.delivery.Channel;
import org.accord.notifications.events.EventType;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.icegreen.greenmail.util.GreenMailUtil;

import tools.jackson.databind.JsonNode;

/**
 * What leaves the platform is decided when it leaves. For a case event and an action event, each change made to the
 * case between the event and the send (none, the country narrowed away, a relabel to AMBER+STRICT or RED, the case
 * closed) is checked on each channel at each moment it sends: a webhook and a mail at their first attempt, at a retry
 * after the partner's server failed, and at a liaison's redrive after it refused; a digest at its close, at a retry
 * and at a redrive; and the in-app inbox as it is read. Every type of event, each with every change, is checked at
 * the first attempt of its webhook and mail and in the inbox. Exactly what the label lets out at that moment arrives,
 * and a message the country may no longer receive arrives not at all and is {@code WITHDRAWN} in its delivery log
 * with the reason. Every case starts as AMBER, seen by the US (which acts) and the receiving country. The rows of one
 * moment run side by side, so each moment's waiting is paid once.
 */
class DisclosureMatrixIntegrationTest extends DeliveryIntegrationTestSupport {

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final List<String> EVENTS = List.of("CaseUpdated", "ActionProposed");

    enum Kind { CASE_EVENT, ACTION_EVENT }

    /** The change made to the case between the event and the send, and what the country may then receive. */
    enum Change {
        NONE(Outcome.FULL), NARROWED(Outcome.WITHDRAWN), AMBER_STRICT(Outcome.CUT), RED(Outcome.WITHDRAWN),
        CLOSED(Outcome.FULL);

        final Outcome outcome;

        Change(Outcome outcome) {
            this.outcome = outcome;
        }

        String reason(String country) {
            return switch (this) {
                case NARROWED -> "the case is no longer shared with " + country;
                case RED -> "the case is now TLP:RED, which never leaves the platform";
                default -> null;
            };
        }
    }

    enum Outcome { FULL, CUT, WITHDRAWN }

    /** When a message on its own is sent: at once, when tried again after a failure, or when a liaison redrives it. */
    enum Moment { FIRST_ATTEMPT, RETRY, REDRIVE }

    /**
     * One cell of the matrix: a case of its own, its event, and the country the event is for.
     *
     * @param said what the event says beyond the case, in words of its own, that only a full message may carry;
     *             {@code null} when it says nothing of the kind
     */
    record Row(EventType type, Change change, String country, String caseId, String title, String summary,
            String taskId, Map<String, Object> event, String said) {

        String eventId() {
            return (String) event.get("id");
        }

        /** The type partners hear it as: a new case is, to a country that sees it, a case shared with it. */
        String partnerType() {
            return type == EventType.CaseCreated ? "CaseShared" : type.name();
        }

        @Override
        public String toString() {
            return type + " " + change + " to " + country + " (case " + caseId + ")";
        }
    }

    /** Every channel that sends on its own at every moment; the digest's moments have a test of their own. */
    static Stream<Arguments> sends() {
        return Stream.of(Channel.values()).flatMap(channel -> Stream.of(Moment.values())
                .map(moment -> Arguments.of(channel, moment)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("sends")
    void eachSendCarriesExactlyWhatTheLabelLetsOutAtThatMoment(Channel channel, Moment moment) {
        String tag = channel.name().toLowerCase() + "-" + moment.name().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        // A retry's rows are spread over countries so that no partner endpoint fails often enough to open its breaker.
        List<String> countries = switch (moment) {
            case FIRST_ATTEMPT -> List.of("DE");
            case RETRY -> List.of("GB", "FR", "DE", "CA");
            case REDRIVE -> List.of("FR");
        };
        String mailbox = "desk-" + tag + "@partner.example";
        // Each country's webhook on a host of its own, so that each has its own breaker.
        List<String> hosts = switch (moment) {
            case FIRST_ATTEMPT -> List.of("a");
            case RETRY -> List.of("b", "c", "d", "j");
            case REDRIVE -> List.of("k");
        };
        for (int i = 0; i < countries.size(); i++) {
            String country = countries.get(i);
            if (channel == Channel.EMAIL) {
                partnerSettings(country, List.of(mailbox), null, "IMMEDIATE");
                continue;
            }
            partnerSettings(country, List.of(), partnerUrl(hosts.get(i), path(tag, country)), "IMMEDIATE");
            PARTNERS.stubFor(post(urlEqualTo(path(tag, country))).willReturn(switch (moment) {
                case FIRST_ATTEMPT -> ok();
                // Retried no sooner than asked, so the change is made before the second attempt.
                case RETRY -> aResponse().withStatus(503).withHeader("Retry-After", "3");
                case REDRIVE -> aResponse().withStatus(422);
            }));
        }
        List<Row> rows = rows(tag, countries);
        for (Row row : rows) {
            if (moment == Moment.FIRST_ATTEMPT) {
                // Cases answers as before for the event's handling, and with the change from then on.
                stubReadersChangedAfterFirstQuestion(row);
            } else {
                stubReaders(row, Change.NONE);
            }
            if (channel == Channel.EMAIL && moment == Moment.RETRY) {
                // The partner's mail server is busy at the first attempt, and the change is made as it says so.
                PARTNER_MAIL_FRONT.refuseNext(mail -> row.eventId().equals(mail.key()),
                        "451 4.3.0 mailbox busy, try again later", () -> stubReaders(row, row.change()));
            } else if (channel == Channel.EMAIL && moment == Moment.REDRIVE) {
                PARTNER_MAIL_FRONT.refuseNext(mail -> row.eventId().equals(mail.key()),
                        "550 5.7.1 refused by policy", () -> { });
            }
            handOver(row.event());
        }

        if (moment == Moment.REDRIVE || channel == Channel.WEBHOOK && moment == Moment.RETRY) {
            String failedState = moment == Moment.RETRY ? "FAILED" : "PARKED";
            rows.forEach(row -> awaitDelivery(row, channel, failedState));
            rows.forEach(row -> stubReaders(row, row.change()));
            countries.forEach(country -> PARTNERS.stubFor(post(urlEqualTo(path(tag, country))).willReturn(ok())));
            if (moment == Moment.REDRIVE) {
                rows.forEach(row -> assertThat(redrive(row, channel).statusCode()).as(row.toString())
                        .isEqualTo(202));
            }
        }

        for (Row row : rows) {
            Document sent = awaitDelivery(row, channel, row.change().outcome == Outcome.WITHDRAWN
                    ? "WITHDRAWN" : "DELIVERED");
            assertFirstAttempt(row, sent, moment);
            if (channel == Channel.WEBHOOK) {
                assertWebhooksAccepted(row, path(tag, row.country()));
            } else {
                assertMails(row, mailbox);
            }
            assertLoggedAsWithdrawnOrNot(row, sent);
            if (moment == Moment.REDRIVE && row.change().outcome == Outcome.WITHDRAWN) {
                HttpResponse<String> again = redrive(row, channel);
                assertThat(again.statusCode()).as(row.toString()).isEqualTo(409);
                assertProblem(again, "delivery-not-redrivable");
            }
            assertInbox(row);
        }
    }

    @Test
    void everyTypeOfEventCarriesExactlyWhatTheLabelLetsOutAtItsFirstSendAndInTheInbox() {
        String tag = "types-" + UUID.randomUUID().toString().substring(0, 6);
        String mailbox = "desk-" + tag + "@partner.example";
        String path = path(tag, "GB");
        partnerSettings("GB", List.of(mailbox), partnerUrl("e", path), "IMMEDIATE",
                Stream.of(org.accord.notifications.partners.PartnerEventType.values()).map(Enum::name).toList());
        PARTNERS.stubFor(post(urlEqualTo(path)).willReturn(ok()));
        List<Row> rows = rowsOfEveryType(tag, "GB");
        for (Row row : rows) {
            // Cases answers as before for the event's handling, and with the change from then on.
            stubReadersChangedAfterFirstQuestion(row);
            handOver(row.event());
        }

        for (Row row : rows) {
            for (Channel channel : Channel.values()) {
                Document sent = awaitDelivery(row, channel, row.change().outcome == Outcome.WITHDRAWN
                        ? "WITHDRAWN" : "DELIVERED");
                assertThat(sent.getString("eventType")).as(row.toString()).isEqualTo(row.partnerType());
                assertFirstAttempt(row, sent, Moment.FIRST_ATTEMPT);
                assertLoggedAsWithdrawnOrNot(row, sent);
            }
            assertWebhooksAccepted(row, path);
            assertMails(row, mailbox);
        }
        HttpResponse<String> inbox = get("/api/notifications?size=100", user("gb-liaison"));
        rows.forEach(row -> assertInbox(row, inbox));
    }

    enum DigestMoment { CLOSE, RETRY, REDRIVE }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DigestMoment.class)
    void aDigestLeavesOutWhatTheCountryMayNoLongerReceiveAndCutsTheRestToTheLabelAtEachSend(DigestMoment moment) {
        String tag = "digest-" + moment.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
        String mailbox = "desk-" + tag + "@partner.example";
        partnerSettings("CA", List.of(mailbox), null, "HOURLY_DIGEST");
        List<Row> rows = rows(tag, List.of("CA"));
        switch (moment) {
            case CLOSE -> { }
            // The partner's mail server is busy when the digest closes, and the change is made as it says so.
            case RETRY -> PARTNER_MAIL_FRONT.refuseNext(mail -> mail.recipients().contains(mailbox),
                    "451 4.3.0 mailbox busy, try again later", () -> rows.forEach(row -> stubReaders(row,
                            row.change())));
            case REDRIVE -> PARTNER_MAIL_FRONT.refuseNext(mail -> mail.recipients().contains(mailbox),
                    "550 5.7.1 refused by policy", () -> { });
        }
        startOfADigestPeriod();
        for (Row row : rows) {
            stubReaders(row, Change.NONE);
            handOver(row.event());
        }
        rows.forEach(row -> eventually(() -> assertThat(mongo.getCollection("mail_digests")
                .countDocuments(new Document("entries.eventId", row.eventId()))).isEqualTo(1)));
        if (moment == DigestMoment.CLOSE) {
            rows.forEach(row -> stubReaders(row, row.change()));
        }

        List<String> keys = new ArrayList<>();
        mongo.getCollection("mail_digests").find(new Document("entries.eventId",
                new Document("$in", rows.stream().map(Row::eventId).toList())))
                .forEach(digest -> keys.add("digest:" + digest.getString("_id")));
        if (moment == DigestMoment.REDRIVE) {
            keys.forEach(key -> awaitStatus(key, "PARKED", SOON.plus(DIGEST_PERIOD)));
            rows.forEach(row -> stubReaders(row, row.change()));
            keys.forEach(key -> {
                HttpResponse<String> redriven = send("POST", "/api/partners/CA/deliveries/"
                        + deliveries(key).get(0).getObjectId("_id").toHexString() + "/redrive",
                        user("ca-liaison"), null);
                assertThat(redriven.statusCode()).as(redriven.body()).isEqualTo(202);
            });
        }
        keys.forEach(key -> {
            Document digest = awaitStatus(key, "DELIVERED", SOON.plus(DIGEST_PERIOD));
            assertThat(attempts(digest)).as(key).startsWith(switch (moment) {
                case CLOSE -> "DELIVERED";
                case RETRY -> "FAILED";
                case REDRIVE -> "PARKED";
            });
        });
        List<String> sections = new ArrayList<>();
        for (MimeMessage mail : mailsTo(mailbox)) {
            assertThat(subject(mail)).startsWith("[TLP:AMBER+STRICT] Accord digest: ");
            String body = text(mail);
            assertThat(body).doesNotContain("TLP:RED");
            sections.addAll(List.of(body.split("\n----\n")));
        }
        JsonNode log = json(get("/api/partners/CA/deliveries?size=100", user("ca-liaison")));
        for (Row row : rows) {
            List<String> about = sections.stream().filter(section -> section.contains(row.caseId())).toList();
            List<JsonNode> withdrawn = new ArrayList<>();
            log.get("items").forEach(item -> item.get("withdrawnLines").forEach(line -> {
                if (line.get("eventId").asString().equals(row.eventId())) {
                    withdrawn.add(line);
                }
            }));
            switch (row.change().outcome) {
                case WITHDRAWN -> {
                    assertThat(about).as(row.toString()).isEmpty();
                    assertThat(withdrawn).as(row.toString()).hasSize(1);
                    assertThat(withdrawn.get(0).get("because").asString()).isEqualTo(row.change().reason("CA"));
                }
                case FULL -> {
                    assertThat(about).as(row.toString()).hasSize(1);
                    assertThat(about.get(0)).contains("(TLP:AMBER)", "Case: " + row.title(), row.summary(),
                            "What changed:");
                    assertThat(withdrawn).isEmpty();
                }
                case CUT -> {
                    assertThat(about).as(row.toString()).hasSize(1);
                    assertThat(about.get(0)).contains("(TLP:AMBER+STRICT)", "Case: " + row.title())
                            .doesNotContain(row.summary()).doesNotContain("What changed:");
                    assertThat(withdrawn).isEmpty();
                }
            }
            assertInbox(row);
        }
    }

    @Test
    void whileCasesCannotAnswerAtTheSendNothingIsSentAndTheDeliveryWaitsUntilItCan() {
        String tag = "unanswered-" + UUID.randomUUID().toString().substring(0, 6);
        String mailbox = "desk-" + tag + "@partner.example";
        partnerSettings("GB", List.of(mailbox), partnerUrl("i", path(tag, "GB")), "IMMEDIATE");
        PARTNERS.stubFor(post(urlEqualTo(path(tag, "GB"))).willReturn(ok()));
        Row row = rows(tag, List.of("GB")).get(0);
        String scenario = "unanswered " + row.caseId();
        CASES.stubFor(WireMock.get(readersPath(row.caseId())).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("down")
                .willReturn(readersAnswer(row, Change.NONE)));
        CASES.stubFor(WireMock.get(readersPath(row.caseId())).inScenario(scenario)
                .whenScenarioStateIs("down").willReturn(aResponse().withStatus(503)));

        handOver(row.event());
        // The event's handling, then at least one full question (three tries) at a send.
        eventually(() -> assertThat(CASES.findAll(WireMock.getRequestedFor(urlEqualTo(readersPath(row.caseId())))))
                .hasSizeGreaterThanOrEqualTo(4));
        for (Channel channel : Channel.values()) {
            Document waiting = delivery(row, channel);
            assertThat(waiting.getString("status")).as(channel.name()).isEqualTo("PENDING");
            assertThat(waiting.getInteger("attemptCount")).as(channel.name()).isZero();
        }
        assertThat(accepted(path(tag, "GB"), row)).isEmpty();
        assertThat(mailsTo(mailbox)).isEmpty();

        stubReaders(row, Change.NONE);
        awaitDelivery(row, Channel.WEBHOOK, "DELIVERED");
        awaitDelivery(row, Channel.EMAIL, "DELIVERED");
        assertWebhooksAccepted(row, path(tag, "GB"));
        assertMails(row, mailbox);
    }

    /** Every kind of event with every change, each on a case of its own, spread over the countries in turn. */
    private static List<Row> rows(String tag, List<String> countries) {
        List<Row> rows = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Change change : Change.values()) {
                String country = countries.get(rows.size() % countries.size());
                String caseId = newCaseId();
                String marker = tag + " " + kind + " " + change + " " + caseId.substring(caseId.length() - 6);
                String title = "Title " + marker;
                String summary = "Secret summary " + marker;
                String taskId = kind == Kind.ACTION_EVENT ? stubAction(caseId, "US", List.of(country)) : null;
                Map<String, Object> event = event(kind == Kind.CASE_EVENT ? "CaseUpdated" : "ActionProposed",
                        caseId, 1, "us-officer", "US");
                if (kind == Kind.CASE_EVENT) {
                    event.put("changedFields", List.of("summary"));
                } else {
                    event.put("taskId", taskId);
                    event.put("countries", List.of(country));
                }
                rows.add(new Row(kind == Kind.CASE_EVENT ? EventType.CaseUpdated : EventType.ActionProposed, change,
                        country, caseId, title, summary, taskId, event, null));
            }
        }
        return rows;
    }

    /**
     * Every type of event with every change, each on a case of its own, for one country, with what its type carries
     * as cases and tasks record it. The US acts, except on an assignment, which Canada moves or staffs on an action
     * addressed to Canada and the country (Canada does not see the case, so hears nothing), and on an overdue
     * assignment, which the platform records itself.
     */
    private static List<Row> rowsOfEveryType(String tag, String country) {
        List<Row> rows = new ArrayList<>();
        for (EventType type : EventType.values()) {
            for (Change change : Change.values()) {
                String caseId = newCaseId();
                String marker = tag + " " + type + " " + change + " " + caseId.substring(caseId.length() - 6);
                boolean assignment = type == EventType.AssignmentChanged || type == EventType.AssigneeSet;
                String taskId = !type.ofAnAction() ? null
                        : stubAction(caseId, "US", assignment ? List.of("CA", country) : List.of(country));
                Map<String, Object> event = event(type.name(), caseId, 1, "us-officer", "US");
                String said = null;
                switch (type) {
                    case CaseCreated, CaseShared -> {
                        event.put("tlp", "AMBER");
                        event.put("sharedWith", List.of(Map.of("country", country)));
                        event.put("namedRecipients", List.of());
                    }
                    case CaseUpdated -> event.put("changedFields", List.of("summary"));
                    case CaseEscalated -> {
                        event.put("previousRiskLevel", "MEDIUM");
                        event.put("riskLevel", "HIGH");
                        event.put("assessmentId", UUID.randomUUID().toString());
                    }
                    case EntryAdded -> {
                        event.put("entryId", UUID.randomUUID().toString());
                        event.put("entryKind", "NOTE");
                    }
                    case ActionProposed -> {
                        event.put("countries", List.of(country));
                        event.put("dueDate", "2031-01-01T00:00:00Z");
                    }
                    case ActionUpdated -> event.put("changedFields", List.of("dueDate"));
                    case ActionCancelled -> {
                        said = "Cancelled for reasons " + marker;
                        event.put("reason", said);
                    }
                    case AssignmentChanged -> {
                        said = "Declined for reasons " + marker;
                        event.putAll(Map.of("actor", "ca-liaison@ca", "actorCountry", "CA", "country", "CA",
                                "from", "PROPOSED", "to", "DECLINED", "reason", said));
                    }
                    case AssigneeSet -> {
                        said = "ca-officer@ca";
                        event.putAll(Map.of("actor", "ca-liaison@ca", "actorCountry", "CA", "country", "CA",
                                "assignee", said));
                    }
                    case CommentAdded -> event.put("commentId", UUID.randomUUID().toString());
                    case ActionOverdue -> {
                        event.remove("actor");
                        event.remove("actorCountry");
                        event.put("country", country);
                        event.put("dueDate", "2026-01-01T00:00:00Z");
                    }
                }
                if (taskId != null) {
                    event.put("taskId", taskId);
                }
                rows.add(new Row(type, change, country, caseId, "Title " + marker, "Secret summary " + marker,
                        taskId, event, said));
            }
        }
        return rows;
    }

    private static String path(String tag, String country) {
        return "/matrix/" + tag + "/" + country.toLowerCase();
    }

    /** Who cases says may see the row's case once the change is made. */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder readersAnswer(Row row,
            Change change) {
        Map<String, Object> readers = new LinkedHashMap<>();
        readers.put("caseId", row.caseId());
        readers.put("title", row.title());
        readers.put("summary", row.summary());
        readers.put("status", change == Change.CLOSED ? "CLOSED" : "ACTIVE_RESPONSE");
        readers.put("tlp", switch (change) {
            case AMBER_STRICT -> "AMBER_STRICT";
            case RED -> "RED";
            default -> "AMBER";
        });
        readers.put("originCountry", "US");
        readers.put("riskLevel", "HIGH");
        readers.put("countries", switch (change) {
            case NARROWED -> List.of("US");
            case RED -> List.of();
            default -> List.of("US", row.country());
        });
        readers.put("users", change == Change.RED ? List.of("us-officer") : List.of());
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsString(readers));
    }

    private static void stubReaders(Row row, Change change) {
        CASES.stubFor(WireMock.get(readersPath(row.caseId())).willReturn(readersAnswer(row, change)));
    }

    private static void stubReadersChangedAfterFirstQuestion(Row row) {
        String scenario = "changed after the event " + row.caseId();
        CASES.stubFor(WireMock.get(readersPath(row.caseId())).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("changed")
                .willReturn(readersAnswer(row, Change.NONE)));
        CASES.stubFor(WireMock.get(readersPath(row.caseId())).inScenario(scenario)
                .whenScenarioStateIs("changed").willReturn(readersAnswer(row, row.change())));
    }

    private void partnerSettings(String country, List<String> emails, String webhookUrl, String mode) {
        partnerSettings(country, emails, webhookUrl, mode, EVENTS);
    }

    private void partnerSettings(String country, List<String> emails, String webhookUrl, String mode,
            List<String> events) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("emails", emails);
        if (webhookUrl != null) {
            settings.put("webhookUrl", webhookUrl);
        }
        settings.put("events", events);
        settings.put("deliveryMode", mode);
        String liaison = user(country.toLowerCase() + "-liaison");
        HttpResponse<String> put = send("PUT", "/api/partners/" + country, liaison,
                JSON.writeValueAsString(settings));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        if (webhookUrl != null) {
            assertThat(send("POST", "/api/partners/" + country + "/webhook-secret", liaison, null).statusCode())
                    .isEqualTo(200);
        }
    }

    private Document delivery(Row row, Channel channel) {
        Document found = mongo.getCollection("deliveries").find(new Document("country", row.country())
                .append("channel", channel.name()).append("key", row.eventId())).first();
        assertThat(found).as(channel + " of " + row).isNotNull();
        return found;
    }

    private Document awaitDelivery(Row row, Channel channel, String status) {
        return eventually(() -> {
            Document found = delivery(row, channel);
            assertThat(found.getString("status")).as(channel + " of " + row).isEqualTo(status);
            return found;
        });
    }

    private HttpResponse<String> redrive(Row row, Channel channel) {
        String id = delivery(row, channel).getObjectId("_id").toHexString();
        return send("POST", "/api/partners/" + row.country() + "/deliveries/" + id + "/redrive",
                user(row.country().toLowerCase() + "-liaison"), null);
    }

    /** The outcome of each attempt made, first to last. */
    private static List<String> attempts(Document delivery) {
        return delivery.getList("attempts", Document.class, List.of()).stream()
                .map(attempt -> attempt.getString("outcome")).toList();
    }

    /** The delivery went through the moment: its first attempt failed for a retry, or was parked for a redrive. */
    private static void assertFirstAttempt(Row row, Document delivery, Moment moment) {
        List<String> attempts = attempts(delivery);
        switch (moment) {
            case FIRST_ATTEMPT -> assertThat(attempts).as(row.toString()).isEqualTo(
                    row.change().outcome == Outcome.WITHDRAWN ? List.of() : List.of("DELIVERED"));
            case RETRY -> assertThat(attempts).as(row.toString()).startsWith("FAILED");
            case REDRIVE -> assertThat(attempts).as(row.toString()).startsWith("PARKED");
        }
    }

    /** The webhooks about the row's case that the receiver accepted. */
    private static List<String> accepted(String path, Row row) {
        List<String> bodies = new ArrayList<>();
        for (ServeEvent served : PARTNERS.getAllServeEvents()) {
            String body = served.getRequest().getBodyAsString();
            if (served.getRequest().getUrl().equals(path) && body.contains(row.caseId())
                    && served.getResponse().getStatus() / 100 == 2) {
                bodies.add(body);
            }
        }
        return bodies;
    }

    private static void assertWebhooksAccepted(Row row, String path) {
        List<String> accepted = accepted(path, row);
        if (row.change().outcome == Outcome.WITHDRAWN) {
            assertThat(accepted).as(row.toString()).isEmpty();
            return;
        }
        assertThat(accepted).as(row.toString()).hasSize(1);
        JsonNode body = JSON.readTree(accepted.get(0));
        assertThat(body.get("id").asString()).isEqualTo(row.eventId());
        assertThat(body.get("type").asString()).isEqualTo(row.partnerType());
        assertThat(body.get("country").asString()).isEqualTo(row.country());
        assertThat(body.get("title").asString()).isEqualTo(row.title());
        assertThat(body.get("link").asString()).endsWith(row.taskId() == null ? "/cases/" + row.caseId()
                : "/tasks/" + row.taskId());
        if (row.change().outcome == Outcome.FULL) {
            assertThat(body.get("tlp").asString()).isEqualTo("TLP:AMBER");
            assertThat(body.get("summary").asString()).isEqualTo(row.summary());
            assertThat(body.has("change")).isTrue();
            if (row.said() != null) {
                assertThat(body.get("change").asString()).contains(row.said());
            }
        } else {
            assertThat(body.get("tlp").asString()).as(row.toString()).isEqualTo("TLP:AMBER+STRICT");
            assertThat(body.has("summary")).as("summary in " + row + ": " + body).isFalse();
            assertThat(body.has("change")).as("change in " + row + ": " + body).isFalse();
            assertThat(accepted.get(0)).as(row.toString()).doesNotContain(row.summary());
            if (row.said() != null) {
                assertThat(accepted.get(0)).doesNotContain(row.said());
            }
        }
    }

    private void assertLoggedAsWithdrawnOrNot(Row row, Document delivery) {
        String status = row.change().outcome == Outcome.WITHDRAWN ? "WITHDRAWN" : "DELIVERED";
        HttpResponse<String> page = get("/api/partners/" + row.country() + "/deliveries?status=" + status
                + "&size=100", user(row.country().toLowerCase() + "-liaison"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode logged = null;
        for (JsonNode item : json(page).get("items")) {
            if (item.get("id").asString().equals(delivery.getObjectId("_id").toHexString())) {
                logged = item;
            }
        }
        assertThat(logged).as(row + " in the delivery log as " + status).isNotNull();
        if (row.change().outcome == Outcome.WITHDRAWN) {
            assertThat(logged.get("withdrawnBecause").asString()).isEqualTo(row.change().reason(row.country()));
            assertThat(logged.hasNonNull("withdrawnAt")).isTrue();
            assertThat(logged.hasNonNull("nextAttemptAt")).isFalse();
        } else {
            assertThat(logged.hasNonNull("withdrawnBecause")).isFalse();
        }
    }

    private static void assertMails(Row row, String mailbox) {
        List<MimeMessage> mails = mailsTo(mailbox).stream()
                .filter(mail -> row.eventId().equals(header(mail, "X-Accord-Message-Key"))).toList();
        if (row.change().outcome == Outcome.WITHDRAWN) {
            assertThat(mails).as(row.toString()).isEmpty();
            assertThat(mailsTo(mailbox).stream().map(DisclosureMatrixIntegrationTest::bodyOf))
                    .noneMatch(text -> text.contains(row.caseId()));
            return;
        }
        assertThat(mails).as(row.toString()).hasSize(1);
        String subject = subject(mails.get(0));
        String body = text(mails.get(0));
        assertThat(subject).contains(row.title());
        assertThat(body).contains("Case: " + row.title(), "Case id: " + row.caseId());
        if (row.change().outcome == Outcome.FULL) {
            assertThat(subject).startsWith("[TLP:AMBER] ");
            assertThat(body.lines().findFirst()).hasValue("TLP:AMBER");
            assertThat(body).contains(row.summary(), "What changed:");
            if (row.said() != null) {
                assertThat(body).contains(row.said());
            }
        } else {
            assertThat(subject).startsWith("[TLP:AMBER+STRICT] ");
            assertThat(body.lines().findFirst()).hasValue("TLP:AMBER+STRICT");
            assertThat(body).doesNotContain(row.summary()).doesNotContain("What changed:");
            if (row.said() != null) {
                assertThat(subject + "\n" + body).doesNotContain(row.said());
            }
        }
    }

    /** The in-app item of the row's country: shown, with the case's title, only while the country sees the case. */
    private void assertInbox(Row row) {
        assertInbox(row, get("/api/notifications?size=100", user(row.country().toLowerCase() + "-liaison")));
    }

    /** As {@link #assertInbox(Row)}, on a page of the country's inbox read after the change. */
    private static void assertInbox(Row row, HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        json(page).get("items").forEach(item -> {
            if (row.eventId().equals(item.get("eventId").asString())) {
                items.add(item);
            }
        });
        if (row.change().outcome == Outcome.WITHDRAWN) {
            assertThat(items).as(row.toString()).isEmpty();
            assertThat(page.body()).doesNotContain(row.title());
        } else {
            assertThat(items).as(row.toString()).hasSize(1);
            assertThat(items.get(0).get("title").asString()).endsWith(row.title());
            assertThat(items.get(0).get("type").asString()).isEqualTo(row.type().name());
        }
    }

    private static List<MimeMessage> mailsTo(String address) {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage message : PARTNER_MAIL.getReceivedMessages()) {
            try {
                for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                    if (recipient.toString().equalsIgnoreCase(address)) {
                        mails.add(message);
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    private static String header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subject and the text of a mail. */
    private static String bodyOf(MimeMessage mail) {
        return subject(mail) + "\n" + text(mail);
    }

    private static String text(MimeMessage mail) {
        return GreenMailUtil.getBody(mail).replace("\r\n", "\n");
    }

    /** Waits for the start of a digest period, so the test's events fall into one period. */
    private static void startOfADigestPeriod() {
        long period = DIGEST_PERIOD.toMillis();
        long into = System.currentTimeMillis() % period;
        pause(Duration.ofMillis(period - into + 100));
    }
}
