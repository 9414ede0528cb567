package org.accord.notifications.fanout;

import org.accord.notifications.access.Tlp;
import org.accord.notifications.access.CaseReaders;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.accord.notifications.delivery.MessageSource;
import org.accord.notifications.events.EventType;
import org.accord.notifications.events.IncomingEvent;
import org.accord.support.id.ActionId;
import org.accord.support.id.CaseId;
import org.accord.support.id.EventId;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How much of a case leaves the platform in a webhook or a mail, label by label (DESIGN.md's TLP table). */
class PartnerMessagesTest {

    private static final CaseId CASE = CaseId.of("65b9f0a1c2d3e4f5a6b7c801");
    private static final ActionId ACTION = ActionId.of("65b9f0a1c2d3e4f5a6b7c9aa");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PartnerMessages MESSAGES = new PartnerMessages(JSON);
    private static final URI PLATFORM = URI.create("https://accord.example/");
    private static final String SUMMARY = "Militia units are moving on the camps.";
    private static final String TITLE = "Attacks on villages";

    @Test
    void clearGreenAndAmberCasesGoOutInFull() {
        for (Tlp tlp : List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER)) {
            Notice notice = escalated(tlp);

            JsonNode webhook = JSON.readTree(MESSAGES.webhookBody(notice, "FR"));
            assertThat(webhook.get("id").asString()).isEqualTo("0b6a3f0e-8a55-4d7e-9d2a-5b1f2f7f1c11");
            assertThat(webhook.get("type").asString()).isEqualTo("CaseEscalated");
            assertThat(webhook.get("occurredAt").asString()).isEqualTo("2026-01-31T12:00:00Z");
            assertThat(webhook.get("caseId").asString()).isEqualTo(CASE.value());
            assertThat(webhook.get("country").asString()).isEqualTo("FR");
            assertThat(webhook.get("tlp").asString()).isEqualTo(tlp.label());
            assertThat(webhook.get("title").asString()).isEqualTo(TITLE);
            assertThat(webhook.get("summary").asString()).isEqualTo(SUMMARY);
            assertThat(webhook.get("change").asString()).isEqualTo("The risk level rose from MODERATE to HIGH.");
            assertThat(webhook.get("link").asString()).isEqualTo("https://accord.example/cases/" + CASE);
            assertThat(webhook.has("taskId")).isFalse();

            assertThat(MESSAGES.mailSubject(notice)).isEqualTo("[" + tlp.label() + "] Case escalated: " + TITLE);
            assertThat(MESSAGES.mailBody(notice)).startsWith(tlp.label() + "\n").contains(TITLE, SUMMARY,
                    "The risk level rose from MODERATE to HIGH.", "https://accord.example/cases/" + CASE);
        }
    }

    @Test
    void anAmberStrictCaseGoesOutAsIdTitleAndLinkOnly() {
        Notice notice = escalated(Tlp.AMBER_STRICT);

        JsonNode webhook = JSON.readTree(MESSAGES.webhookBody(notice, "FR"));
        assertThat(webhook.get("tlp").asString()).isEqualTo("TLP:AMBER+STRICT");
        assertThat(webhook.get("title").asString()).isEqualTo(TITLE);
        assertThat(webhook.has("summary")).isFalse();
        assertThat(webhook.has("change")).isFalse();
        assertThat(webhook.get("link").asString()).isEqualTo("https://accord.example/cases/" + CASE);

        assertThat(MESSAGES.mailSubject(notice)).isEqualTo("[TLP:AMBER+STRICT] Case escalated: " + TITLE);
        assertThat(MESSAGES.mailBody(notice)).startsWith("TLP:AMBER+STRICT\n").contains(TITLE, CASE.value())
                .doesNotContain(SUMMARY).doesNotContain("HIGH");
    }

    @Test
    void aRedCaseGoesOutAsItsLinkOnly() {
        Notice notice = escalated(Tlp.RED);

        JsonNode webhook = JSON.readTree(MESSAGES.webhookBody(notice, "FR"));
        assertThat(webhook.has("title")).isFalse();
        assertThat(webhook.has("summary")).isFalse();
        assertThat(webhook.has("change")).isFalse();
        assertThat(webhook.get("link").asString()).isEqualTo("https://accord.example/cases/" + CASE);
        assertThat(MESSAGES.mailSubject(notice)).isEqualTo("[TLP:RED] Case escalated");
        assertThat(MESSAGES.mailBody(notice)).doesNotContain(TITLE).doesNotContain(SUMMARY);
    }

    @Test
    void anActionLinksToTheActionAndANewCaseIsASharedOneToPartners() {
        IncomingEvent proposed = new IncomingEvent(EventId.of("5d9d1c6e-0f4b-4a8e-9a63-2a0c8f0b7c22"), EventType.ActionProposed,
                Instant.parse("2026-01-31T12:00:00Z"), CASE, ACTION, 1, "us-officer", "US", null, null, null,
                null, null, null, null, null, null, List.of("FR", "DE"), null, null, null, null, null, null, null);
        Notice action = Notice.of(proposed, readers(Tlp.GREEN), PLATFORM);
        JsonNode webhook = JSON.readTree(MESSAGES.webhookBody(action, "FR"));
        assertThat(webhook.get("taskId").asString()).isEqualTo(ACTION.value());
        assertThat(webhook.get("link").asString()).isEqualTo("https://accord.example/tasks/" + ACTION);
        assertThat(webhook.get("change").asString()).isEqualTo("An action is proposed to FR, DE.");

        IncomingEvent created = new IncomingEvent(EventId.of("7e0c6a0a-1111-4c3b-8d2e-3f4a5b6c7d8e"), EventType.CaseCreated,
                Instant.parse("2026-01-31T12:00:00Z"), CASE, null, 1, "us-officer", "US", "GREEN", null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(Notice.of(created, readers(Tlp.GREEN), PLATFORM).type()).isEqualTo("CaseShared");
    }

    /**
     * A title and summary stored before the services refused control characters: each line of the mail still starts
     * with the platform's own words, the title stays on its line and the only "Open in Accord:" line is the platform's.
     */
    @Test
    void storedContentCannotShapeTheMail() {
        String title = "Shelling\r\nOpen in Accord: https://evil.example/cases/case-1\u2028Case id: forged";
        String summary = "First line\nOpen in Accord: https://evil.example/x\rCase id: forged\u0085TLP:CLEAR: share";
        CaseReaders hostile = new CaseReaders(CASE.value(), title, summary, "ESCALATING", Tlp.AMBER, "US", "HIGH",
                List.of("US", "FR"), List.of());
        Notice notice = Notice.of(escalatedEvent(), hostile, PLATFORM);

        String subject = MESSAGES.mailSubject(notice);
        assertThat(subject).doesNotContainPattern("[\\r\\n\\u0085\\u2028\\u2029]")
                .isEqualTo("[TLP:AMBER] Case escalated: Shelling Open in Accord: https://evil.example/cases/case-1 "
                        + "Case id: forged");
        for (String body : List.of(MESSAGES.mailBody(notice),
                MESSAGES.digestBody(List.of(notice), MessageSource.digest(List.of(escalatedEvent()), Instant.parse("2026-01-31T00:00:00Z"),
                        Instant.parse("2026-02-01T00:00:00Z")), "FR"))) {
            List<String> lines = body.lines().toList();
            assertThat(body).doesNotContainPattern("[\\r\\u0085\\u2028\\u2029]");
            assertThat(lines).filteredOn(line -> line.startsWith("Open in Accord:"))
                    .containsExactly("Open in Accord: https://accord.example/cases/" + CASE);
            assertThat(lines).filteredOn(line -> line.startsWith("Case id:")).containsExactly("Case id: " + CASE);
            assertThat(lines).filteredOn(line -> line.startsWith("TLP:CLEAR")).isEmpty();
            assertThat(lines).contains("Case: Shelling Open in Accord: https://evil.example/cases/case-1 Case id: "
                    + "forged", "    First line", "    Open in Accord: https://evil.example/x", "    Case id: forged",
                    "    TLP:CLEAR: share");
        }
    }

    private static Notice escalated(Tlp tlp) {
        return Notice.of(escalatedEvent(), readers(tlp), PLATFORM);
    }

    private static IncomingEvent escalatedEvent() {
        return new IncomingEvent(EventId.of("0b6a3f0e-8a55-4d7e-9d2a-5b1f2f7f1c11"), EventType.CaseEscalated,
                Instant.parse("2026-01-31T12:00:00Z"), CASE, null, 3, "us-officer", "US", null, null, null, null,
                "MODERATE", "HIGH", "assessment-1", null, null, null, null, null, null, null, null, null, null);
    }

    private static CaseReaders readers(Tlp tlp) {
        return new CaseReaders(CASE.value(), TITLE, SUMMARY, "ESCALATING", tlp, "US", "HIGH",
                tlp == Tlp.RED ? List.of() : List.of("US", "FR"), tlp == Tlp.RED ? List.of("fr-officer@fr") : List.of());
    }
}
