package org.accord.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A part's log as an operator finds it under {@code data/logs} after a long run and after a restart. */
class RollingLogTest {

    private static final long FILE_SIZE = 4096;
    private static final int KEPT_FILES = 3;
    private static final int LINES = 2000;

    @TempDir
    Path logs;

    @Test
    void aChattyPartLeavesTheNewestLinesInAFewBoundedFilesOfWholeLines() throws Exception {
        Path log = logs.resolve("cases.log");

        follow(printing(LINES, "cases"), log);

        assertThat(filesOf("cases.log")).containsExactlyInAnyOrder("cases.log", "cases.log.1", "cases.log.2",
                "cases.log.3");
        List<String> kept = new ArrayList<>();
        for (Path file : List.of(numbered(log, 3), numbered(log, 2), numbered(log, 1), log)) {
            String text = Files.readString(file);
            assertThat(Files.size(file)).as(file.getFileName().toString()).isLessThanOrEqualTo(FILE_SIZE + 100);
            assertThat(text).as("%s holds whole lines", file.getFileName()).endsWith("\n").startsWith("cases line ");
            kept.addAll(text.lines().toList());
        }
        assertThat(kept).as("the newest lines, in order, none lost between the files")
                .isEqualTo(IntStream.rangeClosed(LINES - kept.size() + 1, LINES).mapToObj(n -> line("cases", n))
                        .toList())
                .hasSizeGreaterThan(LINES / 20);
    }

    @Test
    void aRestartedPartBeginsANewLogAndKeepsThePreviousRunsOutput() throws Exception {
        Path log = logs.resolve("gateway.log");
        follow(printing(3, "before the crash"), log);

        follow(printing(2, "after the restart"), log);

        assertThat(Files.readAllLines(numbered(log, 1))).containsExactly(line("before the crash", 1),
                line("before the crash", 2), line("before the crash", 3));
        assertThat(Files.readAllLines(log)).containsExactly(line("after the restart", 1),
                line("after the restart", 2));
    }

    private static void follow(Process process, Path log) throws InterruptedException {
        RollingLog rolling = RollingLog.follow(process.getInputStream(), log, "part", FILE_SIZE, KEPT_FILES);
        assertThat(process.waitFor()).isZero();
        assertThat(rolling.awaitEnd(Duration.ofSeconds(30))).as("the output ended in the log").isTrue();
    }

    /** A child JVM, as the launcher's parts are, writing numbered lines to its standard output and errors. */
    private Process printing(int lines, String text) throws IOException {
        Path program = logs.resolve("Printer.java");
        Files.writeString(program, """
                public class Printer {
                    public static void main(String[] args) {
                        for (int n = 1; n <= Integer.parseInt(args[0]); n++) {
                            (n % 2 == 0 ? System.err : System.out).println(args[1] + " line " + n);
                            System.out.flush();
                            System.err.flush();
                        }
                    }
                }
                """, StandardCharsets.UTF_8);
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                program.toString(), Integer.toString(lines), text).redirectErrorStream(true).start();
    }

    private static String line(String text, int n) {
        return text + " line " + n;
    }

    private static Path numbered(Path log, int n) {
        return log.resolveSibling(log.getFileName() + "." + n);
    }

    private List<String> filesOf(String log) throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(log)).toList();
        }
    }
}
