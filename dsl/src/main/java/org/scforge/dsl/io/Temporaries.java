package org.scforge.dsl.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    /** This process's temporaries and their targets, for {@link #removeOwn} when the process is stopped. */
    private static final Map<Path, Path> OWN = new ConcurrentHashMap<>();
    private static final int OWN_PRUNE_AT = 1024;

    private Temporaries() {
    }

    /** A name beside {@code target} that no one uses yet (the caller creates or moves something there). */
    static Path sibling(Path target, Kind kind) {
        Interruption.install();
        Path temporary = target.resolveSibling(prefix(target) + PID + "-" + kind.tag + "-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
        if (OWN.size() >= OWN_PRUNE_AT) {
            // a long run (a mutation campaign, a cache of many builds) makes temporaries by the thousand and
            // consumes them; only those still on disk are of use to removeOwn
            OWN.keySet().removeIf(t -> !Files.exists(t, LinkOption.NOFOLLOW_LINKS));
        }
        OWN.put(temporary, target);
        return temporary;
    }

    /**
     * Removes what this process has beside its targets, as {@link #sweep} would once the process is gone:
     * for a process that is being stopped (SIGINT, SIGTERM), so that it leaves nothing behind. An old
     * output moved aside whose target is missing goes back in place; everything else is deleted.
     */
    static void removeOwn() {
        for (Map.Entry<Path, Path> own : OWN.entrySet()) {
            Path temporary = own.getKey();
            if (!Files.exists(temporary, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                if (temporary.getFileName().toString().contains("-" + Kind.OLD.tag + "-")
                        && !Files.exists(own.getValue(), LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(temporary, own.getValue(), StandardCopyOption.ATOMIC_MOVE);
                } else {
                    AtomicFiles.deleteQuietly(temporary);
                }
            } catch (IOException e) {
                // the process is ending; a later run's sweep takes it
            }
        }
    }

    /**
     * {@link #sweep} for every target in {@code folder}: removes what killed runs left there, whatever it
     * was for (a cache, whose many entries are each written by one run). Nothing is put back: with no
     * marker of completeness named, an old folder is deleted like any other leftover.
     */
    static void sweepFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                p -> p.getFileName().toString().startsWith(".") && p.getFileName().toString().contains(".scforge-"))) {
            for (Path leftover : entries) {
                String name = leftover.getFileName().toString();
                if (staleKind(name.substring(name.lastIndexOf(".scforge-") + ".scforge-".length())).isPresent()) {
                    AtomicFiles.deleteQuietly(leftover);
                }
            }
        } catch (IOException e) {
            // an unreadable folder: nothing of ours is lost by skipping
        }
    }

    /**
     * The lock file of a {@link Claim} on {@code target}: {@code .NAME.scforge-lock} beside it. One name for
     * every run, with no process id in it, so the sweeps never take it for a leftover.
     */
    static Path lockFile(Path target) {
        return target.resolveSibling(prefix(target) + "lock");
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
