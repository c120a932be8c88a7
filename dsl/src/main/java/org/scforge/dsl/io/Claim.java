package org.scforge.dsl.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One run's hold on an {@link OutputFolder}: an operating-system lock on the hidden file
 * {@code .NAME.scforge-lock} beside the folder, in its parent. The lock is beside the folder, not in
 * it, because publishing swaps the folder by two renames: between them the folder's name is free, and
 * a lock inside the folder moved aside with it, so a run that came at that instant made the folder anew
 * and claimed that (two winners, and the first one's swap failed). The parent stays put, so the lock
 * covers the whole run: the checks of what the folder holds, its creation, the work and the swap.
 * <p>
 * The lock, not the file, is the claim: the system drops it when the process dies, even by SIGKILL, so
 * a killed run never leaves a folder that no later run may take (only the small lock file, which the
 * next run into the folder takes over and removes). Within one process the threads are told apart by
 * a set of held folders before any file is touched, because closing any channel on a locked file drops
 * the process's lock on it. Used once: publish, then close (a claim closed unpublished leaves the
 * folder as it was, and removes it if the claim made it).
 */
public final class Claim implements AutoCloseable {

    private static final int ATTEMPTS = 5;
    /** The folders that threads of this process hold: a second thread is refused before it opens the lock file. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    /** The claims not closed yet, for {@link #closeAllAtExit}. */
    private static final Set<Claim> OPEN = ConcurrentHashMap.newKeySet();

    private final Path target;
    private final Manifest manifest;
    private final AtomicFiles.Remover remover;
    private final Path lockFile;
    private final FileChannel channel;
    /** The lock file opened again by name, to read the token back: kept open while the claim holds (see take). */
    private final FileChannel check;
    private final FileLock lock;
    // volatile: the interruption hook's thread closes claims that the command's thread made and published
    private volatile boolean created;
    private volatile boolean published;
    private boolean closed;

    private Claim(Path target, Manifest manifest, AtomicFiles.Remover remover, Path lockFile, FileChannel channel,
                  FileChannel check, FileLock lock) {
        this.target = target;
        this.manifest = manifest;
        this.remover = remover;
        this.lockFile = lockFile;
        this.channel = channel;
        this.check = check;
        this.lock = lock;
    }

    /**
     * Locks the lock file of {@code target}, whose parent must exist. A lock is on a file, not a name: a
     * run that ends removes the lock file while it still holds the lock, so a run that opened the file
     * before and locks it after holds a file no longer at that name. So each claim writes a token of its
     * own into the locked file and reads it back through the name; only a match is a claim.
     *
     * @throws OutputRefusedException when another run holds the folder
     * @throws IOException when the lock file cannot be made (a read-only parent)
     */
    static Claim take(Path target, Path shown, Manifest manifest, AtomicFiles.Remover remover) throws IOException {
        if (!HELD.add(target)) {
            throw busy(shown);
        }
        try {
            Path file = Temporaries.lockFile(target);
            String token = "scforge process " + ProcessHandle.current().pid() + ", claim "
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + "\n";
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                Optional<FileChannel> check = Optional.empty();
                boolean claimed = false;
                try {
                    FileLock lock = tryLock(channel);
                    if (lock == null) {
                        break; // another process holds it
                    }
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)));
                    check = openIfThere(file);
                    if (check.isPresent() && token.equals(read(check.get()))) {
                        Interruption.install();
                        Claim claim = new Claim(target, manifest, remover, file, channel, check.get(), lock);
                        OPEN.add(claim);
                        claimed = true;
                        return claim;
                    }
                } finally {
                    if (!claimed) {
                        // closing the channel releases its lock; a failed attempt holds nothing
                        if (check.isPresent()) {
                            check.get().close();
                        }
                        channel.close();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            HELD.remove(target);
            throw e;
        }
        HELD.remove(target);
        throw busy(shown);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this process holds it under another name of the same folder (a link)
        }
    }

    private static OutputRefusedException busy(Path shown) {
        return new OutputRefusedException("another scforge run is writing " + shown + " right now; wait for it, "
                + "or choose another folder");
    }

    /**
     * The file at the name now, opened to read the token back. It stays open while the claim holds:
     * on POSIX systems closing any descriptor of a file drops every lock the process holds on it, so
     * reading it with a throw-away descriptor (Files.readString) would end the claim at once for
     * other processes.
     */
    private static Optional<FileChannel> openIfThere(Path file) throws IOException {
        try {
            return Optional.of(FileChannel.open(file, StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static String read(FileChannel check) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(256);
        while (bytes.hasRemaining() && check.read(bytes, bytes.position()) > 0) {
            // a token is a few dozen bytes; more than 256 is not ours
        }
        bytes.flip();
        return StandardCharsets.UTF_8.decode(bytes).toString();
    }

    /** The claimed folder, as an absolute path. */
    public Path folder() {
        return target;
    }

    /** Makes the folder, under the claim; a claim closed unpublished removes a folder it made. */
    void createFolder() throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(target);
            created = true;
        }
    }

    /**
     * Writes the folder's new content into a hidden sibling, adds the manifest last (so a folder that
     * has one is complete), and swaps it in for whatever the folder held. Returns what the writer did.
     * When the writer fails, the folder is left as it was.
     */
    public <T> T publish(AtomicFiles.FolderWriter<T> writer) throws IOException {
        if (published) {
            throw new IllegalStateException(target + " was published already");
        }
        Path fresh = Files.createDirectory(Temporaries.sibling(target, Temporaries.Kind.NEW));
        try {
            T result = writer.writeInto(fresh);
            Files.writeString(fresh.resolve(Manifest.FILE), manifest.toJson());
            AtomicFiles.replaceFolder(target, fresh, remover);
            published = true;
            return result;
        } finally {
            AtomicFiles.deleteQuietly(fresh);
        }
    }

    /**
     * Closes every claim of this process still open: for a process that is being stopped (SIGINT,
     * SIGTERM), after its temporaries are gone, so that it leaves neither a lock file nor a folder its
     * claim made and never filled. The process still holds those locks, so removing the lock files is safe.
     */
    static void closeAllAtExit() {
        for (Claim claim : OPEN) {
            claim.close();
        }
    }

    /** Releases the folder; unpublished, it is left as before the claim (a folder the claim made goes again). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN.remove(this);
        try {
            if (!published && created) {
                Files.deleteIfExists(target);
            }
        } catch (IOException e) {
            // not empty: someone put files there meanwhile, theirs; or it will not go: it stays, empty
        }
        try {
            Files.deleteIfExists(lockFile); // while still locked: see take
        } catch (IOException e) {
            // the lock file stays; the next run into the folder takes it over
        }
        try {
            lock.release();
            channel.close();
            check.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        } finally {
            HELD.remove(target);
        }
    }
}
