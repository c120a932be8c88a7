package org.scforge.dsl.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One run's hold on an {@link OutputFolder}: an operating-system lock on the hidden file {@value #FILE}
 * inside it. The lock, not the file, is the claim: the system drops it when the process dies, even by
 * SIGKILL, so a killed run never leaves a folder that no later run may take. Used once: publish, then
 * close (a claim closed unpublished leaves the folder as it was, and removes it if the claim made it).
 */
public final class Claim implements AutoCloseable {

    static final String FILE = ".scforge-claim";
    private static final int ATTEMPTS = 5;

    private final Path target;
    private final Manifest manifest;
    private final boolean created;
    private final AtomicFiles.Remover remover;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean published;

    private Claim(Path target, Manifest manifest, boolean created, AtomicFiles.Remover remover, FileChannel channel,
                  FileLock lock) {
        this.target = target;
        this.manifest = manifest;
        this.created = created;
        this.remover = remover;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code target/.scforge-claim}. A lock is on a file, not a name: when another run swapped the
     * folder between our open and our lock, the file we locked is no longer the one at that name. So
     * each claim writes a token of its own into the locked file and reads it back through the name;
     * only a match is a claim on the folder that is there now.
     */
    static Claim take(Path target, Path shown, Manifest manifest, boolean created, AtomicFiles.Remover remover)
            throws IOException {
        Path file = target.resolve(FILE);
        String token = "scforge process " + ProcessHandle.current().pid() + ", claim "
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + "\n";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                break; // the folder is being swapped by another run right now
            }
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                break;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)));
            if (token.equals(readOrEmpty(file))) {
                return new Claim(target, manifest, created, remover, channel, lock);
            }
            lock.release();
            channel.close();
        }
        throw new OutputRefusedException("another scforge run is writing " + shown + " right now; wait for it, "
                + "or choose another folder");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // another thread of this process holds it
        }
    }

    private static String readOrEmpty(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "";
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

    /** Releases the folder; unpublished, it is left as before the claim (a folder the claim made goes again). */
    @Override
    public void close() {
        try {
            if (!published) {
                Files.deleteIfExists(target.resolve(FILE));
                if (created) {
                    Files.deleteIfExists(target);
                }
            }
        } catch (DirectoryNotEmptyException e) {
            // someone put files there meanwhile: theirs
        } catch (IOException e) {
            // the claim file stays; it is hidden and the lock is what counts
        } finally {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // closing the channel releases the lock in any case
            }
        }
    }
}
