package org.accord.identity.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP/1.1 connection to the gateway kept open across calls, as a browser keeps it: every call is written on the
 * same socket and its answer read before the next call is sent. The body goes out on a thread of its own while the
 * answer is read, because the gateway may answer before it has read the body. An answer that does not come within the
 * timeout is a failure, not a wait. A call's framing is written by the connection, or, for calls that test how the
 * gateway meets odd framing, exactly as the call gives it.
 */
public final class KeptAliveConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 10_000;

    private final int port;
    private Socket socket;
    private int opened;
    private int sent;

    public KeptAliveConnection(int port) {
        this.port = port;
        this.socket = connect();
    }

    /** How a call's body is framed: with its length, in chunks, or by the call's own header fields and bytes. */
    public enum Framing {
        LENGTH, CHUNKED, AS_GIVEN
    }

    /** A call: its head's fields, and its body sent with a length, in chunks, not at all, or exactly as given. */
    public record Call(String method, String target, Map<String, String> headers, byte[] body, Framing framing) {

        public static Call get(String target, Map<String, String> headers) {
            return new Call("GET", target, headers, null, Framing.LENGTH);
        }

        public static Call withBody(String method, String target, Map<String, String> headers, byte[] body) {
            return new Call(method, target, headers, body, Framing.LENGTH);
        }

        public static Call chunked(String method, String target, Map<String, String> headers, byte[] body) {
            return new Call(method, target, headers, body, Framing.CHUNKED);
        }

        /** The head's fields as given, framing ones included, and then the bytes as given, whatever they announce. */
        public static Call asGiven(String method, String target, Map<String, String> headers, byte[] bytes) {
            return new Call(method, target, headers, bytes, Framing.AS_GIVEN);
        }

        boolean chunked() {
            return framing == Framing.CHUNKED;
        }

        public String describe() {
            return method + " " + target + " " + headers.keySet();
        }
    }

    public record Answer(int status, Map<String, String> headers, String body) {

        /** The gateway announced that it closes the connection after this answer. */
        public boolean closesConnection() {
            return "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
        }
    }

    /** How many connections this one has been: a new one is opened after an answer that closed the last. */
    public int connectionsOpened() {
        return opened;
    }

    /**
     * Sends the call and reads its answer; if the answer announced that the gateway closes the connection, the next
     * call goes out on a new one, as any HTTP client does.
     */
    public Answer exchange(Call call) {
        Answer answer = send(call);
        if (answer.closesConnection()) {
            closeQuietly();
            socket = connect();
        }
        return answer;
    }

    /**
     * Sends the call's head (which asks {@code Expect: 100-continue}), waits for the interim {@code 100} answer, then
     * sends the body and reads the final answer. A final answer that comes instead of the {@code 100} is returned, and
     * the body is not sent.
     */
    public Answer exchangeAfterContinue(Call call) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(head(call));
            out.flush();
            Answer answer = readAnswer(socket.getInputStream(), call);
            if (answer.status() == 100) {
                writeBody(out, call);
                answer = readAnswer(socket.getInputStream(), call);
            }
            if (answer.closesConnection()) {
                closeQuietly();
                socket = connect();
            }
            return answer;
        } catch (SocketTimeoutException e) {
            throw new AssertionError(call.describe() + ": no answer within " + TIMEOUT_MILLIS / 1000 + " s", e);
        } catch (IOException e) {
            throw new UncheckedIOException(call.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends the calls one after the other in one write, without waiting for answers in between (HTTP/1.1
     * pipelining), then reads their answers in order.
     */
    public List<Answer> pipeline(Call... calls) {
        try {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (Call call : calls) {
                all.write(head(call));
                if (call.body() != null) {
                    writeBody(all, call);
                }
            }
            socket.getOutputStream().write(all.toByteArray());
            socket.getOutputStream().flush();
            List<Answer> answers = new ArrayList<>();
            for (Call call : calls) {
                answers.add(readAnswer(socket.getInputStream(), call));
            }
            return answers;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + TIMEOUT_MILLIS / 1000 + " s to pipelined calls", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(Call call) {
        try {
            OutputStream out = socket.getOutputStream();
            sent++;
            boolean together = call.body() != null && call.framing() != Framing.CHUNKED
                    && call.body().length <= 64 * 1024 && sent % 2 == 0;
            if (together) {
                // head and a small body in one write, as they often leave a browser in one packet
                byte[] head = head(call);
                byte[] whole = Arrays.copyOf(head, head.length + call.body().length);
                System.arraycopy(call.body(), 0, whole, head.length, call.body().length);
                out.write(whole);
            } else {
                out.write(head(call));
            }
            out.flush();
            AtomicReference<IOException> bodyFailed = new AtomicReference<>();
            Thread sender = null;
            if (call.body() != null && !together) {
                sender = new Thread(() -> {
                    try {
                        writeBody(out, call);
                    } catch (IOException e) {
                        bodyFailed.set(e);
                    }
                }, "kept-alive-body");
                sender.setDaemon(true);
                sender.start();
            }
            Answer answer = readAnswer(socket.getInputStream(), call);
            if (sender != null) {
                sender.join(TIMEOUT_MILLIS);
                if (sender.isAlive()) {
                    throw new AssertionError(call.method() + " " + call.target()
                            + ": answered, but the gateway stopped reading the body");
                }
                if (bodyFailed.get() != null && !answer.closesConnection()) {
                    throw new AssertionError(call.method() + " " + call.target()
                            + ": the connection broke while the body was sent, though the answer kept it open",
                            bodyFailed.get());
                }
            }
            return answer;
        } catch (SocketTimeoutException e) {
            throw new AssertionError(call.method() + " " + call.target() + ": no answer within "
                    + TIMEOUT_MILLIS / 1000 + " s on a connection the gateway kept open", e);
        } catch (IOException e) {
            throw new UncheckedIOException(call.method() + " " + call.target() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] head(Call call) {
        StringBuilder head = new StringBuilder(call.method()).append(' ').append(call.target())
                .append(" HTTP/1.1\r\nHost: localhost\r\n");
        call.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (call.body() != null && call.framing() != Framing.AS_GIVEN) {
            head.append(call.chunked() ? "Transfer-Encoding: chunked" : "Content-Length: " + call.body().length)
                    .append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void writeBody(OutputStream out, Call call) throws IOException {
        byte[] body = call.body();
        int piece = 16 * 1024;
        for (int from = 0; from < body.length; from += piece) {
            int length = Math.min(piece, body.length - from);
            if (call.chunked()) {
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(body, from, length);
            if (call.chunked()) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (call.chunked()) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private static Answer readAnswer(InputStream in, Call call) throws IOException {
        String statusLine = line(in, call);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in, call); !line.isEmpty(); line = line(in, call)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(exactly(in, Integer.parseInt(headers.get("content-length")), call));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in, call).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in, call).split(";")[0].trim(), 16)) {
                body.write(exactly(in, size, call));
                line(in, call);
            }
            while (!line(in, call).isEmpty()) {
                // trailer fields, none expected
            }
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in, Call call) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                throw new EOFException(call.method() + " " + call.target()
                        + ": the gateway closed the connection without a (whole) answer");
            }
            line.write(next);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static byte[] exactly(InputStream in, int length, Call call) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException(call.method() + " " + call.target() + ": the answer's body broke off");
        }
        return bytes;
    }

    public static byte[] jsonOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        byte[] start = "{\"summary\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, body, 0, start.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private Socket connect() {
        try {
            Socket fresh = new Socket("localhost", port);
            fresh.setSoTimeout(TIMEOUT_MILLIS);
            fresh.setTcpNoDelay(true);
            opened++;
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
