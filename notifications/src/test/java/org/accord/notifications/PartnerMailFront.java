package org.accord.notifications;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The partners' mail server as the service reaches it: every SMTP session is passed on to the test's mail server as
 * it is, except a mail picked beforehand, which is answered at the end of its data with the reply given (a server
 * that is busy, or that refuses) and never reaches a mailbox. A refusal may make a change as it answers, so that the
 * change falls exactly between the refused attempt and the next.
 */
final class PartnerMailFront implements AutoCloseable {

    /** A mail as the front sees it: its message key header and the addresses it is for. */
    record Mail(String key, List<String> recipients) {
    }

    private record Refusal(Predicate<Mail> which, String reply, Runnable then) {
    }

    private final int behind;
    private final ServerSocket socket;
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();

    PartnerMailFront(int behind) {
        this.behind = behind;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "partner-mail-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The next mail the test picks is answered with {@code reply}; {@code then} runs before the answer is sent. */
    void refuseNext(Predicate<Mail> which, String reply, Runnable then) {
        refusals.add(new Refusal(which, reply, then));
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread session = new Thread(() -> relay(client), "partner-mail-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), behind)) {
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = client.getOutputStream();
            InputStream fromServer = new BufferedInputStream(server.getInputStream());
            OutputStream toServer = server.getOutputStream();
            toClient.write(reply(fromServer));
            toClient.flush();
            List<String> recipients = new ArrayList<>();
            for (byte[] line = line(fromClient); line != null; line = line(fromClient)) {
                String command = new String(line, StandardCharsets.US_ASCII).strip().toUpperCase(Locale.ROOT);
                if (command.equals("DATA")) {
                    data(fromClient, toClient, fromServer, toServer, List.copyOf(recipients));
                    recipients.clear();
                    continue;
                }
                if (command.startsWith("RCPT TO:")) {
                    recipients.add(command.replaceFirst("^RCPT TO:\\s*<?([^> ]*).*$", "$1").toLowerCase(Locale.ROOT));
                } else if (command.startsWith("MAIL FROM:") || command.equals("RSET")) {
                    recipients.clear();
                }
                toServer.write(line);
                toServer.flush();
                toClient.write(reply(fromServer));
                toClient.flush();
                if (command.equals("QUIT")) {
                    return;
                }
            }
        } catch (IOException ended) {
            // the sender or the server closed the session
        }
    }

    /** Takes the whole mail first, so that a refused one never reaches the server behind. */
    private void data(InputStream fromClient, OutputStream toClient, InputStream fromServer, OutputStream toServer,
            List<String> recipients) throws IOException {
        toClient.write("354 End data with <CR><LF>.<CR><LF>\r\n".getBytes(StandardCharsets.US_ASCII));
        toClient.flush();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] line = line(fromClient); line != null; line = line(fromClient)) {
            content.write(line);
            if (new String(line, StandardCharsets.US_ASCII).equals(".\r\n")) {
                break;
            }
        }
        Mail mail = new Mail(keyOf(content.toString(StandardCharsets.US_ASCII)), recipients);
        Refusal refusal = refusals.stream().filter(candidate -> candidate.which().test(mail)).findFirst()
                .orElse(null);
        if (refusal != null && refusals.remove(refusal)) {
            refusal.then().run();
            toServer.write("RSET\r\n".getBytes(StandardCharsets.US_ASCII));
            toServer.flush();
            reply(fromServer);
            toClient.write((refusal.reply() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            toClient.flush();
            return;
        }
        toServer.write("DATA\r\n".getBytes(StandardCharsets.US_ASCII));
        toServer.flush();
        byte[] go = reply(fromServer);
        if (!new String(go, StandardCharsets.US_ASCII).startsWith("354")) {
            toClient.write(go);
            toClient.flush();
            return;
        }
        toServer.write(content.toByteArray());
        toServer.flush();
        toClient.write(reply(fromServer));
        toClient.flush();
    }

    private static String keyOf(String content) {
        for (String header : content.split("\r\n")) {
            if (header.isEmpty()) {
                break;
            }
            if (header.regionMatches(true, 0, "X-Accord-Message-Key:", 0, "X-Accord-Message-Key:".length())) {
                return header.substring("X-Accord-Message-Key:".length()).strip();
            }
        }
        return null;
    }

    /** A whole SMTP reply, every line of it: the last one has a space after its code. */
    private static byte[] reply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (byte[] line = line(in); line != null; line = line(in)) {
            reply.write(line);
            if (line.length < 4 || line[3] != '-') {
                return reply.toByteArray();
            }
        }
        throw new IOException("the session ended in the middle of a reply");
    }

    /** One line with its line end, or null at the end of the stream. */
    private static byte[] line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
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
