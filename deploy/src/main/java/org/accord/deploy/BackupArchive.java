package org.accord.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A backup as one zip archive: the backup folder's files under their paths in it. */
final class BackupArchive {

    private BackupArchive() {
    }

    /** Whether a backup named so is an archive rather than a folder. */
    static boolean isArchive(Path path) {
        return path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    static void pack(Path folder, Path archive) throws IOException {
        try (Stream<Path> walk = Files.walk(folder); OutputStream out = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    /** Unpacks every file of the archive into the folder, refusing an entry that would land outside it. */
    static void unpack(Path archive, Path folder) throws IOException {
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder)) {
                    throw new LaunchException(archive + " is not an Accord backup: it holds " + entry.getName());
                }
                if (!entry.isDirectory()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }

    /** The one file an H2 backup zip holds, written to {@code file}; answers its size. */
    static long unpackSingle(Path archive, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null) {
                throw new IOException(archive + " is empty");
            }
            Files.createDirectories(file.getParent());
            return Files.copy(zip, file);
        }
    }
}
