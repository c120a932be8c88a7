package org.scforge.dsl.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The hidden siblings an atomic write works in: {@code .NAME.scforge-PID-KIND-RANDOM} beside
 * {@code NAME}. The process id in the name is what lets a later run tell a leftover of a run that was
 * killed (its process is gone) from the work of a run still going, so {@link #sweep} never touches
 * another live run's files.
 */
final class Temporaries {

    /**
     * What a temporary holds: a file or folder being written, an old output moved aside (put back when
     * a replacement was killed between its renames), or a folder moved aside to be deleted (never put back).
     */
    enum Kind {
        NEW("new"), OLD("old"), FILE("tmp"), DISCARDED("gone");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }
    }

    private static final long PID = ProcessHandle.current().pid();

    private Temporaries() {
    }

    /** A name beside {@code target} that no one uses yet (the caller creates or moves something there). */
    static Path sibling(Path target, Kind kind) {
        return target.resolveSibling(prefix(target) + PID + "-" + kind.tag + "-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
    }

    private static String prefix(Path target) {
        return "." + target.getFileName() + ".scforge-";
    }

    /**
     * Removes what killed runs left beside {@code target}. An old output moved aside just before a kill
     * is put back when {@code target} is missing and the old one is complete (it holds {@code complete}):
     * that is the instant between the two renames of a replacement. Failures are ignored: an undeletable
     * leftover stays hidden and is tried again next time.
     */
    static void sweep(Path target, String complete) {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        String prefix = prefix(target);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path leftover : entries) {
                Optional<Kind> stale = staleKind(leftover.getFileName().toString().substring(prefix.length()));
                if (stale.isEmpty()) {
                    continue;
                }
                if (stale.get() == Kind.OLD && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                        && Files.exists(leftover.resolve(complete))) {
                    Files.move(leftover, target, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    AtomicFiles.deleteQuietly(leftover);
                }
            }
        } catch (IOException e) {
            // an unreadable parent or a race with another sweeper: nothing of ours is lost by skipping
        }
    }

    /** The kind of a leftover named {@code PID-KIND-RANDOM} whose process is gone; empty while it runs. */
    private static Optional<Kind> staleKind(String rest) {
        String[] parts = rest.split("-", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean running = pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (running) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.tag.equals(parts[1])) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
