package org.accord.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files only their owner may read: secrets, and copies of everything the platform keeps. */
final class OwnerOnly {

    private OwnerOnly() {
    }

    /** Creates the file, empty and readable by its owner only, before anything is written to it. */
    static Path createFile(Path file) throws IOException {
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without owner permissions keeps the file as the data folder's others are kept
            return Files.createFile(file);
        }
    }

    /** Makes an existing file readable by its owner only. */
    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // as above
        }
    }
}
