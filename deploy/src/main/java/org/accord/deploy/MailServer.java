package org.accord.deploy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The partner inboxes' mail server: SMTP for the notifications service, IMAP to read what arrived. Without
 * authentication, every address that receives mail gets its own mailbox, readable with the address as login.
 */
final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static MailServer start(String address, int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, address, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, address, ServerSetup.PROTOCOL_IMAP) })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new LaunchException("the mail server cannot listen on ports " + smtpPort + " (SMTP) and "
                    + imapPort + " (IMAP): " + e.getMessage(), e);
        }
        return new MailServer(greenMail);
    }

    @Override
    public String toString() {
        return "the mail server";
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
