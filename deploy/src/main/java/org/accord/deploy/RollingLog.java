package org.accord.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A part's log under {@code data/logs}, written from the output of its process as it comes. Once the file has reached
 * its size it starts afresh at the next line: {@code cases.log} becomes {@code cases.log.1}, the older files move up
 * one and the oldest kept is dropped, so a platform that runs for months holds a few files of each part, never more.
 * Each start of a part begins a new file too, keeping the previous run's output as {@code .1}, which is what an
 * operator wants to read after a crash.
 */
final class RollingLog implements AutoCloseable {

    /** The size at which a part's log starts afresh. */
    static final long FILE_SIZE = 10L * 1024 * 1024;
    /** How many earlier files of a part's log are kept beside the current one. */
    static final int KEPT_FILES = 5;
    /** A line longer than this is split across two files rather than hold the roll back. */
    private static final int LONGEST_LINE = 64 * 1024;

    private final Path file;
    private final long fileSize;
    private final int keptFiles;
    private final CountDownLatch ended = new CountDownLatch(1);
    private OutputStream out;
    private long size;
    private boolean atLineStart = true;

    private RollingLog(Path file, long fileSize, int keptFiles) {
        if (fileSize < 1 || keptFiles < 1) {
            throw new IllegalArgumentException("a rolling log keeps at least one earlier file of at least one byte");
        }
        this.file = file;
        this.fileSize = fileSize;
        this.keptFiles = keptFiles;
    }

    /** Opens the log for a new run of its part, moving a previous run's output to {@code .1}. */
    static RollingLog open(Path file, long fileSize, int keptFiles) {
        RollingLog log = new RollingLog(file, fileSize, keptFiles);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file) && Files.size(file) > 0) {
                log.shift();
            }
            log.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("the log " + file + " could not be opened", e);
        }
        return log;
    }

    /**
     * Writes everything the process prints (its standard output, into which its errors are redirected) to a log of
     * the platform's sizes, on a thread of its own until the process and every descendant holding its output have
     * ended. The process must have been started with its output piped, never left unread: a full pipe would stop it.
     */
    static RollingLog follow(Process process, Path file, String part) {
        return follow(process.getInputStream(), file, part, FILE_SIZE, KEPT_FILES);
    }

    static RollingLog follow(InputStream output, Path file, String part, long fileSize, int keptFiles) {
        RollingLog log = open(file, fileSize, keptFiles);
        Thread copier = new Thread(() -> log.copy(output), part + "-log");
        // never keeps the launcher alive: a part's output ends when the part does
        copier.setDaemon(true);
        copier.start();
        return log;
    }

    private void copy(InputStream output) {
        byte[] buffer = new byte[8192];
        try (output) {
            for (int read; (read = output.read(buffer)) != -1;) {
                write(buffer, 0, read);
            }
        } catch (IOException processGone) {
            // its output ended with it
        } finally {
            close();
            ended.countDown();
        }
    }

    /** Waits until the followed output has ended and is all in the file; answers whether it did within the time. */
    boolean awaitEnd(Duration patience) throws InterruptedException {
        return ended.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    Path file() {
        return file;
    }

    /**
     * Appends output to the log. Should the disk refuse it, the rest is read and dropped: a part must never stop
     * because its log cannot be written.
     */
    synchronized void write(byte[] bytes, int offset, int length) {
        int end = offset + length;
        try {
            while (offset < end && out != null) {
                if (size >= fileSize && (atLineStart || size >= fileSize + LONGEST_LINE)) {
                    roll();
                }
                int newline = indexOf('\n', bytes, offset, end);
                int stop = (int) Math.min(newline < 0 ? end : newline + 1, offset + fileSize + LONGEST_LINE - size);
                out.write(bytes, offset, stop - offset);
                size += stop - offset;
                atLineStart = bytes[stop - 1] == '\n';
                offset = stop;
            }
        } catch (IOException refused) {
            close();
        }
    }

    private static int indexOf(char wanted, byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private void roll() throws IOException {
        out.close();
        shift();
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        size = 0;
    }

    /** Moves the current file to {@code .1} and each earlier one up by one, dropping the oldest kept. */
    private void shift() throws IOException {
        Files.deleteIfExists(numbered(keptFiles));
        for (int n = keptFiles - 1; n >= 1; n--) {
            if (Files.exists(numbered(n))) {
                Files.move(numbered(n), numbered(n + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
    }

    private Path numbered(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    @Override
    public synchronized void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing more can be written to this log anyway
        } finally {
            out = null;
        }
    }
}
