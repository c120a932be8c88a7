package org.scforge.generators;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a set of files into a directory all at once: into a sibling temporary directory first, then
 * moved into place, so that a failed generation never leaves half a design behind.
 */
final class OutputDirectory {

    private OutputDirectory() {
    }

    /** Thrown when the directory already holds files and {@code force} was not given. */
    static final class NotEmptyException extends IOException {
        private static final long serialVersionUID = 1L;

        NotEmptyException(Path dir) {
            super(dir + " already exists and is not empty; choose another directory or pass --force");
        }
    }

    static void write(Path dir, Map<String, String> files, boolean force) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(target) && !isEmpty(target) && !force) {
            throw new NotEmptyException(dir);
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(dir + " is a file, not a directory");
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = temporary.resolve(file.getKey());
                Files.writeString(path, file.getValue());
                if (file.getKey().endsWith(".sh")) {
                    executable(path);
                }
            }
            if (Files.exists(target)) {
                deleteTree(target);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
        } finally {
            if (Files.exists(temporary)) {
                deleteTree(temporary);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void executable(Path path) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the scripts still run with "sh script.sh"
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
