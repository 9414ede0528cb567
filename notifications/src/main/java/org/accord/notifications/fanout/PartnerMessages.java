package org.accord.notifications.fanout;

import org.accord.notifications.access.Tlp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.accord.notifications.delivery.MessageSource;
import org.accord.support.text.ControlCharacters;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook body, the mail text and the digest of notices for one country, cut to what each case's TLP lets leave
 * the platform (see DESIGN.md): CLEAR, GREEN and AMBER in full, AMBER+STRICT id, title and link, RED the link only.
 * Made at the moment of sending, from the label the case has then.
 */
@Component
public class PartnerMessages {

    /** Every way a reader may break a line: CR LF, CR, LF, VT, FF, NEL and the Unicode separators. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final String INDENT = "    ";

    private final JsonMapper json;

    PartnerMessages(JsonMapper json) {
        this.json = json;
    }

    /** The webhook body of the API: {@code country} is the receiving country. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebhookBody(String id, String type, Instant occurredAt, String caseId, String taskId, String country,
            String tlp, String title, String summary, String change, String link) {
    }

    public String webhookBody(Notice notice, String country) {
        return json.writeValueAsString(new WebhookBody(notice.event().id().value(), notice.type(),
                notice.event().occurredAt(), notice.event().caseId().value(), notice.event().actionIdOrNull(), country,
                notice.tlp().label(), notice.title().orElse(null), notice.summary().orElse(null), notice.change().orElse(null),
                notice.link().toString()));
    }

    public String mailSubject(Notice notice) {
        return "[" + notice.tlp().label() + "] " + notice.heading() + notice.title()
                .map(title -> ": " + ControlCharacters.oneLine(title)).orElse("");
    }

    public String mailBody(Notice notice) {
        return notice.tlp().label() + "\n\n" + mailSection(notice) + "\n" + footer(notice);
    }

    /**
     * The notice as one section of a mail: what happened, and as much of the case as the label lets out. Every line
     * starts with the platform's own words: a value is put on one line, running text is indented under its heading,
     * so no content (even one stored before the services refused control characters) can start a line that reads
     * as the platform's, such as another "Open in Accord:" link.
     */
    public String mailSection(Notice notice) {
        StringBuilder text = new StringBuilder();
        text.append(notice.heading()).append(" (").append(notice.tlp().label()).append(")\n");
        notice.title().ifPresent(title -> text.append("Case: ").append(ControlCharacters.oneLine(title)).append('\n'));
        text.append("Case id: ").append(notice.event().caseId()).append('\n');
        if (notice.event().taskId() != null) {
            text.append("Action id: ").append(notice.event().taskId()).append('\n');
        }
        text.append("When: ").append(notice.event().occurredAt()).append('\n');
        notice.change().ifPresent(change -> text.append("What changed: ")
                .append(ControlCharacters.oneLine(change)).append('\n'));
        notice.summary().ifPresent(summary -> text.append("Summary:\n").append(indented(summary)));
        text.append("Open in Accord: ").append(notice.link()).append('\n');
        return text.toString();
    }

    /** A digest names the strictest label among its events, and lists each event cut by its own. */
    public String digestSubject(List<Notice> notices, MessageSource digest) {
        return "[" + strictest(notices).label() + "] Accord digest: " + notices.size()
                + (notices.size() == 1 ? " event" : " events") + " from " + digest.digestFrom() + " to "
                + digest.digestTo();
    }

    public String digestBody(List<Notice> notices, MessageSource digest, String country) {
        Tlp strictest = strictest(notices);
        StringBuilder body = new StringBuilder();
        body.append(strictest.label()).append("\n\n")
                .append("Events for ").append(country).append(" from ").append(digest.digestFrom())
                .append(" to ").append(digest.digestTo()).append(". Each event states its own label; treat this ")
                .append("mail as ").append(strictest.label()).append(".\n");
        notices.stream().sorted(Comparator.comparing(notice -> notice.event().occurredAt()))
                .forEach(notice -> body.append("\n----\n").append(mailSection(notice)));
        return body.toString();
    }

    /** Running text, each of its lines indented under the heading it belongs to. */
    private static String indented(String text) {
        StringBuilder block = new StringBuilder();
        for (String line : LINE_BREAK.split(text, -1)) {
            block.append(INDENT).append(ControlCharacters.oneLine(line).stripTrailing()).append('\n');
        }
        return block.toString();
    }

    private static Tlp strictest(List<Notice> notices) {
        return notices.stream().map(Notice::tlp).max(Comparator.naturalOrder()).orElse(Tlp.CLEAR);
    }

    private static String footer(Notice notice) {
        return switch (notice.tlp()) {
            case CLEAR -> "TLP:CLEAR: this message may be shared without restriction.\n";
            case GREEN -> "TLP:GREEN: share within your community, not publicly.\n";
            case AMBER -> "TLP:AMBER: share only within your organisation and its clients, on a need-to-know basis.\n";
            case AMBER_STRICT -> "TLP:AMBER+STRICT: only the case's id, title and link leave the platform; "
                    + "read the rest in Accord. Share only within your organisation.\n";
            case RED -> "TLP:RED: read this case in Accord only.\n";
        };
    }
}
