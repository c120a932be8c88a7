package org.scforge.dsl.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way scforge puts a file or a folder in place: it is written under a hidden sibling name
 * ({@link Temporaries}) and renamed into place, so a reader, a crash or a kill sees either what was
 * there before or the whole new thing, never a part. Renames stay within one folder, so they are
 * atomic on every local file system.
 */
public final class AtomicFiles {

    /** Writes the content of a folder that does not exist yet. */
    @FunctionalInterface
    public interface FolderWriter<T> {
        T writeInto(Path folder) throws IOException;
    }

    /** Removes an old output once the new one is in place (a seam for tests of undeletable files). */
    @FunctionalInterface
    interface Remover {
        void remove(Path old) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code text} (UTF-8) to a sibling temporary file, then renames it over {@code file}. */
    public static void writeString(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Temporaries.sweep(target, "");
        Path temporary = Temporaries.sibling(target, Temporaries.Kind.FILE);
        try {
            Files.writeString(temporary, text);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Puts a folder in place unless one is there already: the content is written into a hidden sibling
     * that is renamed to {@code folder}; when another process got there first, theirs is kept and ours
     * dropped (the way of a cache, whose entries are equal by construction). True when ours was kept.
     */
    public static boolean publishFolder(Path folder, FolderWriter<?> writer) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Temporaries.sweep(target, "");
        Path temporary = Files.createDirectory(Temporaries.sibling(target, Temporaries.Kind.NEW));
        try {
            writer.writeInto(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (IOException e) {
                if (Files.isDirectory(target)) {
                    return false; // another process put the same folder there meanwhile
                }
                throw e;
            }
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Replaces {@code target} with the complete folder {@code replacement} (a sibling) by renames: the
     * old one aside, the new one in, then the old one removed. Deleting first, as scforge once did, left
     * half an output behind when a file would not go or the run was killed.
     */
    static void replaceFolder(Path target, Path replacement, Remover remover) throws IOException {
        Path aside = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            aside = Temporaries.sibling(target, Temporaries.Kind.OLD);
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(replacement, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (aside != null) {
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (aside != null) {
            try {
                remover.remove(aside);
            } catch (IOException e) {
                // the new output is whole; the hidden old one is swept by the next run
            }
        }
    }

    /**
     * Takes {@code folder} away at once by a rename to a hidden sibling, then deletes that: a later
     * {@link #publishFolder} of the same name can go ahead at once, and a run killed while deleting leaves
     * a leftover the next sweep removes.
     */
    public static void discardFolder(Path folder) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        Path aside = Temporaries.sibling(target, Temporaries.Kind.DISCARDED);
        try {
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.NoSuchFileException e) {
            return; // another process took it away first
        }
        deleteQuietly(aside);
    }

    /**
     * Removes what killed runs (their process gone) left in {@code folder} by the writes of this class,
     * for every name: a cache folder, whose entries are each written once and never swept by a later
     * write of the same name.
     */
    public static void sweepFolder(Path folder) {
        Temporaries.sweepFolder(folder);
    }

    /** Deletes a file or a folder tree, without following symbolic links out of it. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@link #deleteTree}, for clean-ups whose failure must not hide the error that led to them. */
    static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException e) {
            // left for the next sweep
        }
    }
}
