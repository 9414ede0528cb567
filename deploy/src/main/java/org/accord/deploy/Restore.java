package org.accord.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Puts a backup, a folder or an archive, into a data folder while no launcher runs on it. The backup is unpacked
 * beside the data folder first and moved into its place only once whole, so a failed restore leaves the folder as
 * it was; an existing data folder is replaced only when asked to.
 */
final class Restore {

    private Restore() {
    }

    static String run(Path source, Path dataDir, boolean replace) throws IOException {
        source = source.toAbsolutePath().normalize();
        if (!Files.exists(source)) {
            throw new LaunchException(source + " does not exist");
        }
        refuseWhileALauncherRuns(dataDir);
        if (holdsAnything(dataDir) && !replace) {
            throw new LaunchException(dataDir + " already holds a data folder: restore into a new folder with"
                    + " --data=<folder>, or add --replace to delete what it holds and put the backup in its place");
        }
        Files.createDirectories(dataDir.getParent());
        // readable by its owner only, as the data folder it becomes
        Path work = Files.createTempDirectory(dataDir.getParent(), "." + dataDir.getFileName() + ".restoring-");
        try {
            if (Files.isDirectory(source)) {
                copy(source, work);
            } else {
                BackupArchive.unpack(source, work);
            }
            Path manifestFile = work.resolve(OnlineBackup.MANIFEST);
            if (!Files.isRegularFile(manifestFile)) {
                throw new LaunchException(source + " is not an Accord backup: it holds no " + OnlineBackup.MANIFEST);
            }
            Properties manifest = new Properties();
            try (InputStream in = Files.newInputStream(manifestFile)) {
                manifest.load(in);
            }
            Files.delete(manifestFile);
            Path password = work.resolve(KeycloakAdminPassword.FILE);
            if (Files.isRegularFile(password)) {
                OwnerOnly.restrict(password);
            }
            refuseWhileALauncherRuns(dataDir);
            OnlineBackup.delete(dataDir);
            Files.move(work, dataDir, StandardCopyOption.ATOMIC_MOVE);
            return "Restored the backup of " + manifest.getProperty("dataFolder") + " begun at "
                    + manifest.getProperty("begun") + " into " + dataDir + "; start the platform on it with the same"
                    + " options (a folder is always started on the same ports)";
        } finally {
            OnlineBackup.delete(work);
        }
    }

    /** A launcher holds the embedded MongoDB store's file locked for as long as it runs on the folder. */
    private static void refuseWhileALauncherRuns(Path dataDir) throws IOException {
        Path store = dataDir.resolve(DocumentStore.FOLDER).resolve(DocumentStore.FILE);
        if (!Files.isRegularFile(store)) {
            return;
        }
        boolean held;
        try (FileChannel channel = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            try (FileLock lock = channel.tryLock()) {
                held = lock == null;
            } catch (OverlappingFileLockException sameProcess) {
                held = true;
            }
        }
        if (held) {
            throw new LaunchException("a launcher runs on " + dataDir + ": stop it first (Ctrl-C), then restore");
        }
    }

    private static boolean holdsAnything(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return false;
        }
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isPresent();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
