package org.scforge.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checksums that commit a cache entry: {@link #seal} writes the SHA-256 of every file of the entry
 * into {@code SHA256SUMS}, as the last file written, and {@link #damage} checks them before the entry is
 * used. A rename into place keeps half a build out of the cache, but not a file truncated later (a full
 * disk, a killed copy, a hand edit): without this, every later run used the broken entry and failed.
 */
final class CacheEntry {

    static final String CHECKSUMS = "SHA256SUMS";

    private CacheEntry() {
    }

    /** Writes the checksum file of the finished entry {@code dir}. */
    static void seal(Path dir) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Path file : files(dir)) {
            lines.append(sha256(file)).append("  ").append(relative(dir, file)).append('\n');
        }
        Files.writeString(dir.resolve(CHECKSUMS), lines.toString(), StandardCharsets.UTF_8);
    }

    /** Why the entry {@code dir} cannot be used (a file missing or changed, no checksums); empty when it verifies. */
    static Optional<String> damage(Path dir) {
        Path sums = dir.resolve(CHECKSUMS);
        if (!Files.isRegularFile(sums)) {
            return Optional.of("it has no " + CHECKSUMS + ": an older scforge or an interrupted copy made it");
        }
        try {
            for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
                int split = line.indexOf("  ");
                if (split < 0) {
                    return Optional.of(CHECKSUMS + " is damaged");
                }
                Path file = dir.resolve(line.substring(split + 2));
                if (!Files.isRegularFile(file)) {
                    return Optional.of(line.substring(split + 2) + " is missing");
                }
                if (!sha256(file).equals(line.substring(0, split))) {
                    return Optional.of(line.substring(split + 2) + " differs from its checksum");
                }
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.of("it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.equals(dir.resolve(CHECKSUMS))).sorted().toList();
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /** Streamed: an entry's objects can be tens of megabytes. */
    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
