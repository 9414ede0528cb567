package org.accord.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's commands on a data folder: {@code backup <folder or .zip>} asks the launcher running on it for a
 * consistent copy while the platform goes on; {@code restore <folder or .zip> [--replace]} puts a copy into it while
 * no launcher runs. Both take the run command's {@code --data=<folder>}.
 */
final class DataFolderCommand {

    private DataFolderCommand() {
    }

    static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the command and answers the process's exit code. */
    static int run(String[] args) {
        String command = args[0];
        Path given = null;
        boolean replace = false;
        List<String> options = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--replace") && command.equals("restore")) {
                replace = true;
            } else if (args[i].startsWith("--")) {
                options.add(args[i]);
            } else if (given == null) {
                given = Path.of(args[i]);
            } else {
                return fail(command, "it takes one folder or .zip archive, not also " + args[i]);
            }
        }
        if (given == null) {
            return fail(command, command.equals("backup")
                    ? "name the new folder or .zip archive to write: backup <folder or .zip> [--data=<folder>]"
                    : "name the backup to restore: restore <folder or .zip> [--data=<folder>] [--replace]");
        }
        try {
            Path dataDir = AccordLauncher.settings(options).dataDir();
            System.out.println(command.equals("backup") ? LauncherControl.requestBackup(dataDir, given)
                    : Restore.run(given, dataDir, replace));
            return 0;
        } catch (LaunchException e) {
            return fail(command, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return fail(command, e.toString());
        }
    }

    private static int fail(String command, String reason) {
        System.err.println("Accord's " + command + " did not happen: " + reason);
        return 1;
    }
}
