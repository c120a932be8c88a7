package org.scforge.dsl.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A folder that one scforge command writes as a whole: a design, a co-simulation, a trained model.
 * The rules that keep a user's files safe live here, once for every command:
 * <ul>
 * <li>a new or empty folder is written; a non-empty one only with {@code force}, and only when scforge
 * wrote it (it holds the {@link Manifest}); a git checkout, the current directory and any folder that
 * holds one of the command's inputs never;</li>
 * <li>{@link #claim} takes the folder before the work starts, by a lock beside it that holds until
 * the run ends, so two runs into one folder cannot both succeed and a refusal comes before minutes
 * of training, not after;</li>
 * <li>{@link Claim#publish} writes the whole content into a hidden sibling and swaps it in by
 * renames, so at every instant the old output or the new one is complete.</li>
 * </ul>
 * Instances are immutable; each setting returns a new one.
 */
public final class OutputFolder {

    private final Path shown;
    private final Path target;
    private final Manifest manifest;
    private final boolean force;
    private final List<Path> inputs;
    private final AtomicFiles.Remover remover;

    private OutputFolder(Path shown, Manifest manifest, boolean force, List<Path> inputs, AtomicFiles.Remover remover) {
        this.shown = shown;
        this.target = shown.toAbsolutePath().normalize();
        this.manifest = manifest;
        this.force = force;
        this.inputs = List.copyOf(inputs);
        this.remover = remover;
    }

    /** The folder {@code folder}, to be marked as written by {@code manifest}'s command. */
    public static OutputFolder of(Path folder, Manifest manifest) {
        return new OutputFolder(Objects.requireNonNull(folder, "folder"), Objects.requireNonNull(manifest, "manifest"),
                false, List.of(), AtomicFiles::deleteTree);
    }

    /** With {@code replace}, an earlier scforge output in the folder is replaced instead of refused. */
    public OutputFolder force(boolean replace) {
        return new OutputFolder(shown, manifest, replace, inputs, remover);
    }

    /** {@code input} (a file or folder the command reads) must not be inside the folder, nor be it. */
    public OutputFolder protecting(Path input) {
        List<Path> more = new ArrayList<>(inputs);
        more.add(Objects.requireNonNull(input, "input"));
        return new OutputFolder(shown, manifest, force, more, remover);
    }

    /** The same folder with another way of removing the old output: for tests of files that will not go. */
    OutputFolder removingWith(AtomicFiles.Remover other) {
        return new OutputFolder(shown, manifest, force, inputs, other);
    }

    /** The folder as an absolute path. */
    public Path path() {
        return target;
    }

    /** Claims, writes and swaps in one go: for outputs whose content takes no long work to make. */
    public <T> T write(AtomicFiles.FolderWriter<T> writer) throws IOException {
        try (Claim claim = claim()) {
            return claim.publish(writer);
        }
    }

    /**
     * Takes the folder for this run, or refuses it with an {@link OutputRefusedException} that says why.
     * Nothing of the user's is changed by a refusal. Everything that looks at or changes the folder
     * happens under the claim (the sweep, the checks of what it holds, its creation), so no other run
     * can change it between a check and the work.
     */
    public Claim claim() throws IOException {
        refuseUnsafe();
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new OutputRefusedException(shown + ": cannot create the output folder: " + IoErrors.reason(e));
        }
        Claim claim;
        try {
            claim = Claim.take(target, shown, manifest, remover);
        } catch (OutputRefusedException e) {
            throw e;
        } catch (IOException e) {
            // the lock file goes beside the folder, where the output is also put together before its swap
            throw new OutputRefusedException(shown + ": cannot write beside it in " + target.getParent()
                    + ", where the output is put together: " + IoErrors.cause(e));
        }
        try {
            Temporaries.sweep(target, Manifest.FILE);
            refuseUnsafe(); // again under the claim: before it, the folder may have been mid-swap by another run
            refuseContents();
            try {
                claim.createFolder();
            } catch (IOException e) {
                throw new OutputRefusedException(shown + ": cannot create the output folder: " + IoErrors.reason(e));
            }
            probeParent();
        } catch (IOException | RuntimeException e) {
            claim.close();
            throw e;
        }
        return claim;
    }

    /**
     * The output is swapped in by renaming a hidden sibling, so the parent folder must take new folders
     * too (the lock file showed it takes files): tried now, with a sibling made and removed, so that a
     * parent that refuses is named before the work, in words that name the user's folder rather than
     * the sibling's name.
     */
    private void probeParent() throws OutputRefusedException {
        Path probe = Temporaries.sibling(target, Temporaries.Kind.NEW);
        try {
            Files.createDirectory(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new OutputRefusedException(shown + ": cannot write beside it in " + target.getParent()
                    + ", where the output is put together: " + IoErrors.cause(e));
        }
    }

    /** The first part of the folder's path that exists, when it is not a folder: nothing can be made below it. */
    private void refuseFileAncestor() throws OutputRefusedException {
        for (Path p = target.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new OutputRefusedException(shown + " cannot be made: " + p + " is a file, not a folder");
                }
                return;
            }
        }
    }

    /** The places that are never replaced, with or without force. */
    private void refuseUnsafe() throws OutputRefusedException {
        // one read of what is there: "exists" then "is a folder" as two questions once called a folder that
        // another run was swapping (gone between the two) a file
        BasicFileAttributes there;
        try {
            there = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            there = null;
        }
        if (there != null && !there.isDirectory()) {
            throw new OutputRefusedException(shown + " is a file, not a folder; choose a folder for the output");
        }
        if (there == null) {
            refuseFileAncestor();
            return; // a folder that does not exist holds nothing
        }
        Path real = real(target);
        for (Path input : inputs) {
            if (real(input).startsWith(real)) {
                throw new OutputRefusedException(shown + " holds the input " + input
                        + "; scforge never writes over its input: choose an output folder outside it");
            }
        }
        if (real(Path.of("")).startsWith(real)) {
            throw new OutputRefusedException(shown + " is the current directory or one of its parents; scforge never "
                    + "replaces it: choose a new folder below it, e.g. " + shown.resolve("out"));
        }
    }

    /** What the folder holds decides: empty is fine, an earlier scforge output needs force, the rest never. */
    private void refuseContents() throws IOException {
        if (!Files.isDirectory(target)) {
            return;
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        }
        if (names.isEmpty()) {
            return;
        }
        if (names.contains(".git")) {
            throw new OutputRefusedException(shown + " is a git checkout (it holds .git); scforge never replaces one: "
                    + "choose a new folder, e.g. " + shown.resolve("out"));
        }
        if (!names.contains(Manifest.FILE)) {
            throw new OutputRefusedException(shown + " is not empty and scforge did not write it (it has no "
                    + Manifest.FILE + "); " + (force ? "--force only replaces folders scforge wrote: " : "")
                    + "choose a new or empty folder");
        }
        if (!force) {
            throw new OutputRefusedException(shown + " holds an earlier scforge output; pass --force to replace it, "
                    + "or choose another folder");
        }
    }

    /** The real path (links resolved) where it exists, else the absolute one: inputs may be links into the folder. */
    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
