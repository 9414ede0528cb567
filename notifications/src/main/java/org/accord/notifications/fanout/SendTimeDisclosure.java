package org.accord.notifications.fanout;

import org.accord.notifications.access.CaseReaders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accord.notifications.access.NotificationAccessPolicy;
import org.accord.notifications.delivery.Channel;
import org.accord.notifications.delivery.Disclosure;
import org.accord.notifications.delivery.MessageSource;
import org.accord.notifications.delivery.WithdrawnLine;
import org.accord.notifications.events.IncomingEvent;
import org.springframework.stereotype.Component;

/**
 * Makes a partner message's text at the moment it is sent: asks cases who may see each case it tells of now, leaves
 * out what the country may no longer receive and cuts the rest to the label the case has now. When cases cannot
 * answer, nothing is sent.
 */
@Component
class SendTimeDisclosure implements Disclosure {

    private final CaseReadersClient readers;
    private final NotificationAccessPolicy policy;
    private final PartnerMessages messages;
    private final FanOutProperties properties;

    SendTimeDisclosure(CaseReadersClient readers, NotificationAccessPolicy policy, PartnerMessages messages,
            FanOutProperties properties) {
        this.readers = readers;
        this.policy = policy;
        this.messages = messages;
        this.properties = properties;
    }

    @Override
    public Decision decide(String country, Channel channel, MessageSource source, Set<String> leftOut) {
        if (source == null || source.events().isEmpty()) {
            // Queued without the events it tells of, it cannot be checked: it is never sent unchecked.
            return new Withdrawn("what the message tells of is not known, so it cannot be checked", List.of());
        }
        Map<String, Optional<CaseReaders>> asked = new HashMap<>();
        List<Notice> notices = new ArrayList<>();
        List<WithdrawnLine> withdrawn = new ArrayList<>();
        try {
            for (IncomingEvent event : source.events()) {
                if (leftOut.contains(event.id().value())) {
                    continue;
                }
                Optional<CaseReaders> now = asked.computeIfAbsent(event.caseId().value(), readers::of);
                Optional<String> withheld = policy.withheldFromPartner(country, now);
                if (withheld.isPresent()) {
                    withdrawn.add(new WithdrawnLine(event.id().value(), event.caseId().value(), withheld.get()));
                } else {
                    notices.add(Notice.of(event, now.get(), properties.publicUrl()));
                }
            }
        } catch (CasesUnavailableException unanswered) {
            return new Unanswered(unanswered.getMessage());
        }
        if (notices.isEmpty()) {
            String because = !source.isDigest() && withdrawn.size() == 1 ? withdrawn.get(0).because()
                    : "every event of the digest is withdrawn";
            return new Withdrawn(because, source.isDigest() ? withdrawn : List.of());
        }
        if (source.isDigest()) {
            return new Send(messages.digestSubject(notices, source), messages.digestBody(notices, source, country),
                    withdrawn);
        }
        Notice notice = notices.get(0);
        return channel == Channel.WEBHOOK ? new Send(null, messages.webhookBody(notice, country), List.of())
                : new Send(messages.mailSubject(notice), messages.mailBody(notice), List.of());
    }
}
