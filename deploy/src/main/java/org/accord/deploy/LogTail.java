package org.accord.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a part's log, shown when that part fails to start. */
final class LogTail {

    private LogTail() {
    }

    static String of(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return last.isEmpty() ? "" : "\n  last lines of " + log.getFileName() + ":\n    "
                    + String.join("\n    ", last);
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }
}
