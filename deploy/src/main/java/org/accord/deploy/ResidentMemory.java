package org.accord.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** The resident memory of the launcher and every process it started, from {@code /proc} where there is one. */
final class ResidentMemory {

    private ResidentMemory() {
    }

    /** Bytes resident in the launcher and its descendants; empty where {@code /proc} does not tell. */
    static OptionalLong ofLauncherAndChildren() {
        ProcessHandle self = ProcessHandle.current();
        if (vmRss(self.pid()).isEmpty()) {
            return OptionalLong.empty();
        }
        long bytes = Stream.concat(Stream.of(self), self.descendants())
                .mapToLong(process -> vmRss(process.pid()).orElse(0)).sum();
        return OptionalLong.of(bytes);
    }

    static OptionalLong vmRss(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024))
                    .orElse(OptionalLong.empty());
        } catch (IOException | RuntimeException unavailable) {
            return OptionalLong.empty();
        }
    }

    static String describe(long bytes) {
        return String.format("%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
