package org.accord.notifications.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.accord.notifications.delivery.AttemptResult;
import org.accord.notifications.delivery.Channel;
import org.accord.notifications.delivery.ChannelSender;
import org.accord.notifications.delivery.QueuedDelivery;
import org.accord.notifications.delivery.SendResult;
import org.accord.notifications.partners.PartnerInbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a message, as plain text, to every address of the country's partner inbox over SMTP. The SMTP server's own
 * verdict decides what happens next: a 4xx reply (try later) is retried, a 5xx reply (never) parks the message, and a
 * server that cannot be reached is retried. The delivery log shows which of these it was; the reply itself, which may
 * name addresses and servers, goes to the service's log only.
 */
@Component
class MailChannelSender implements ChannelSender {

    /** The message's key, so a partner's mail system can recognise a message sent again after a lost reply. */
    static final String KEY_HEADER = "X-Accord-Message-Key";

    private static final Pattern SMTP_REPLY = Pattern.compile("([45]\\d\\d)[ -]");

    private final JavaMailSender mail;
    private final String from;

    MailChannelSender(JavaMailSender mail, @Value("${accord.notifications.mail-from:accord@localhost}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendResult send(QueuedDelivery delivery, PartnerInbox inbox) {
        if (inbox.emails().isEmpty()) {
            return new SendResult.Park(AttemptResult.NO_EMAIL_ADDRESSES,
                    "the country has no e-mail addresses in its partner inbox now");
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(inbox.emails().toArray(String[]::new));
            helper.setSubject(delivery.subject());
            helper.setText(delivery.body(), false);
            message.setHeader(KEY_HEADER, delivery.key());
            mail.send(message);
            return new SendResult.Delivered(AttemptResult.MAIL_ACCEPTED, "accepted by the mail server for " + inbox.emails().size()
                    + (inbox.emails().size() == 1 ? " address" : " addresses"));
        } catch (MessagingException | MailParseException unusable) {
            return new SendResult.Park(AttemptResult.MESSAGE_UNUSABLE,
                    "the message could not be made: " + unusable.getMessage());
        } catch (MailException failed) {
            return judge(failed);
        }
    }

    /** The strictest SMTP reply in the failure decides: any 5xx is permanent; a 4xx or no reply at all is not. */
    static SendResult judge(Throwable failure) {
        int worst = 0;
        String reply = null;
        for (Throwable cause : causesOf(failure)) {
            int code = replyCode(cause);
            if (code > worst) {
                worst = code;
                reply = cause.getMessage();
            }
        }
        if (worst >= 500) {
            return new SendResult.Park(AttemptResult.MAIL_REFUSED, "the mail server refused the message: " + reply);
        }
        if (worst >= 400) {
            return new SendResult.Retry(AttemptResult.MAIL_DEFERRED, "the mail server asked to try later: " + reply,
                    null);
        }
        return new SendResult.Retry(AttemptResult.MAIL_UNREACHABLE,
                "the mail server could not be reached: " + failure.getMessage(), null);
    }

    /** The SMTP reply a messaging failure carries: its message is the server's reply line, code first. */
    private static int replyCode(Throwable cause) {
        if (!(cause instanceof MessagingException) || cause.getMessage() == null) {
            return 0;
        }
        Matcher reply = SMTP_REPLY.matcher(cause.getMessage().strip());
        return reply.lookingAt() ? Integer.parseInt(reply.group(1)) : 0;
    }

    /** Every throwable reachable from the failure: causes, chained messaging exceptions, per-message failures. */
    private static Set<Throwable> causesOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> open = new ArrayDeque<>();
        open.push(failure);
        while (!open.isEmpty()) {
            Throwable next = open.pop();
            if (!seen.add(next)) {
                continue;
            }
            List<Throwable> linked = new ArrayList<>();
            linked.add(next.getCause());
            if (next instanceof MessagingException messaging) {
                linked.add(messaging.getNextException());
            }
            if (next instanceof MailSendException send) {
                linked.addAll(List.of(send.getMessageExceptions()));
                linked.addAll(send.getFailedMessages().values());
            }
            linked.stream().filter(Objects::nonNull).forEach(open::push);
        }
        return seen;
    }
}
