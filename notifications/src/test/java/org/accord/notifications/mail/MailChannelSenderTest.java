package org.accord.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.accord.identity.testing.FreePorts;
import org.accord.notifications.delivery.AttemptResult;
import org.accord.notifications.delivery.Channel;
import org.accord.notifications.delivery.QueuedDelivery;
import org.accord.notifications.delivery.SendResult;
import org.accord.notifications.partners.DeliveryMode;
import org.accord.notifications.partners.PartnerInbox;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * What a partner's mail server answers decides what happens to a mail: tried later on 4xx or when the server cannot
 * be reached, parked on 5xx. Each case talks SMTP with a small server that answers as scripted.
 */
class MailChannelSenderTest {

    private static final QueuedDelivery MAIL = new QueuedDelivery("d-1", "FR", Channel.EMAIL, "event-1", "CaseShared",
            "[TLP:GREEN] Case shared: a case", "TLP:GREEN\n\nthe text");
    private static final PartnerInbox FRANCE = new PartnerInbox("FR", List.of("desk@fr.example"), null, null,
            List.of(), DeliveryMode.IMMEDIATE);

    @Test
    void aMailTheServerAcceptsIsDelivered() {
        assertThat(sendTo(new ScriptedSmtp("250 OK", "250 OK", "250 queued"))).isInstanceOfSatisfying(
                SendResult.Delivered.class, sent -> assertThat(sent.result()).isEqualTo(AttemptResult.MAIL_ACCEPTED));
    }

    @Test
    void aTemporaryRefusalIsTriedAgain() {
        assertThat(sendTo(new ScriptedSmtp("250 OK", "451 4.3.0 mailbox busy, try later", "250 queued")))
                .isInstanceOfSatisfying(SendResult.Retry.class,
                        retry -> {
                            assertThat(retry.result()).isEqualTo(AttemptResult.MAIL_DEFERRED);
                            assertThat(retry.result().sentence()).doesNotContain("451").doesNotContain("mailbox");
                            assertThat(retry.detail()).as("for the service's log").contains("451 4.3.0 mailbox busy");
                        });
        assertThat(sendTo(new ScriptedSmtp("250 OK", "250 OK", "452 4.3.1 insufficient storage")))
                .isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void aPermanentRefusalIsParked() {
        assertThat(sendTo(new ScriptedSmtp("250 OK", "550 5.1.1 no such mailbox", "250 queued")))
                .isInstanceOfSatisfying(SendResult.Park.class, park -> {
                    assertThat(park.result()).isEqualTo(AttemptResult.MAIL_REFUSED);
                    assertThat(park.result().sentence()).doesNotContain("550").doesNotContain("mailbox");
                    assertThat(park.detail()).as("for the service's log").contains("550 5.1.1 no such mailbox");
                });
        assertThat(sendTo(new ScriptedSmtp("250 OK", "250 OK", "554 5.7.1 rejected as spam")))
                .isInstanceOf(SendResult.Park.class);
    }

    @Test
    void aServerThatCannotBeReachedIsTriedAgain() {
        int closed = FreePorts.next();
        assertThat(sender(closed).send(MAIL, FRANCE)).isInstanceOfSatisfying(SendResult.Retry.class, retry -> {
            assertThat(retry.result()).isEqualTo(AttemptResult.MAIL_UNREACHABLE);
            assertThat(retry.result().sentence()).doesNotContain(Integer.toString(closed)).doesNotContain("127.0.0.1");
        });
    }

    @Test
    void aCountryWithoutAddressesHasNothingToSendTo() {
        PartnerInbox none = new PartnerInbox("FR", List.of(), null, null, List.of(), DeliveryMode.IMMEDIATE);
        assertThat(sender(FreePorts.next()).send(MAIL, none)).isInstanceOfSatisfying(SendResult.Park.class,
                park -> assertThat(park.result()).isEqualTo(AttemptResult.NO_EMAIL_ADDRESSES));
    }

    private static SendResult sendTo(ScriptedSmtp server) {
        try (server) {
            return sender(server.port()).send(MAIL, FRANCE);
        }
    }

    private static MailChannelSender sender(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        mail.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return new MailChannelSender(mail, "accord@localhost");
    }

    /** Answers one SMTP session: the replies to MAIL FROM, RCPT TO and the end of DATA as given, all else 250. */
    private static final class ScriptedSmtp implements AutoCloseable {

        private final ServerSocket socket;
        private final Thread session;

        ScriptedSmtp(String mailFrom, String rcptTo, String endOfData) {
            try {
                socket = new ServerSocket(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            session = new Thread(() -> serve(mailFrom, rcptTo, endOfData), "scripted-smtp");
            session.setDaemon(true);
            session.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(String mailFrom, String rcptTo, String endOfData) {
            try (Socket client = socket.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream();
                reply(out, "220 scripted ESMTP");
                boolean inData = false;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (inData) {
                        if (line.equals(".")) {
                            inData = false;
                            reply(out, endOfData);
                        }
                        continue;
                    }
                    String command = line.toUpperCase();
                    if (command.startsWith("MAIL FROM")) {
                        reply(out, mailFrom);
                    } else if (command.startsWith("RCPT TO")) {
                        reply(out, rcptTo);
                    } else if (command.startsWith("DATA")) {
                        inData = true;
                        reply(out, "354 go ahead");
                    } else if (command.startsWith("QUIT")) {
                        reply(out, "221 bye");
                        return;
                    } else {
                        reply(out, "250 scripted");
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
