package org.scforge.sim.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files of MNIST (big-endian header: magic, dimension sizes; then unsigned bytes). Both raw and
 * gzip-compressed files are read; gzip is recognised by its magic bytes, not by the file name.
 */
public final class Idx {

    /** Unsigned bytes, 3 dimensions (count, rows, cols). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Unsigned bytes, 1 dimension (count). */
    public static final int LABELS_MAGIC = 0x00000801;

    private Idx() {
    }

    /** Images of {@code rows x cols} unsigned pixels, each flattened row-major. */
    public record Images(int rows, int cols, int[][] pixels) {
        public int count() {
            return pixels.length;
        }
    }

    public static Images readImages(Path file) {
        return read(file, in -> {
            int magic = in.readInt();
            expectMagic(file, magic, IMAGES_MAGIC, "images");
            int count = positive(file, "image count", in.readInt());
            int rows = positive(file, "rows", in.readInt());
            int cols = positive(file, "columns", in.readInt());
            if ((long) rows * cols > 1 << 24) {
                throw new DataException(file + ": implausible image size " + rows + "x" + cols);
            }
            int[][] pixels = new int[count][rows * cols];
            byte[] buffer = new byte[rows * cols];
            for (int n = 0; n < count; n++) {
                readFully(file, in, buffer, "image " + n + " of " + count);
                for (int p = 0; p < buffer.length; p++) {
                    pixels[n][p] = buffer[p] & 0xff;
                }
            }
            expectEnd(file, in);
            return new Images(rows, cols, pixels);
        });
    }

    public static int[] readLabels(Path file) {
        return read(file, in -> {
            int magic = in.readInt();
            expectMagic(file, magic, LABELS_MAGIC, "labels");
            int count = positive(file, "label count", in.readInt());
            byte[] buffer = new byte[count];
            readFully(file, in, buffer, count + " labels");
            expectEnd(file, in);
            int[] labels = new int[count];
            for (int n = 0; n < count; n++) {
                labels[n] = buffer[n] & 0xff;
            }
            return labels;
        });
    }

    private interface Body<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> T read(Path file, Body<T> body) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
            return body.read(new DataInputStream(in));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (EOFException e) {
            throw new DataException(file + ": truncated: the file ends inside its header");
        } catch (ZipException e) {
            throw new DataException(file + ": corrupt gzip data: " + e.getMessage());
        } catch (IOException e) {
            String what = e.getMessage() != null && e.getMessage().contains("Unexpected end of ZLIB")
                    ? "truncated gzip data" : "cannot read: " + e.getMessage();
            throw new DataException(file + ": " + what);
        }
    }

    private static void expectMagic(Path file, int magic, int expected, String what) {
        if (magic != expected) {
            throw new DataException(String.format("%s: not an IDX %s file: magic 0x%08x, expected 0x%08x", file, what,
                    magic, expected));
        }
    }

    private static int positive(Path file, String what, int value) {
        if (value < 1) {
            throw new DataException(file + ": " + what + " " + value + " in the header must be >= 1");
        }
        return value;
    }

    private static void readFully(Path file, DataInputStream in, byte[] buffer, String what) throws IOException {
        int done = 0;
        while (done < buffer.length) {
            int n = in.read(buffer, done, buffer.length - done);
            if (n < 0) {
                throw new DataException(file + ": truncated: the file ends inside " + what);
            }
            done += n;
        }
    }

    private static void expectEnd(Path file, DataInputStream in) throws IOException {
        if (in.read() >= 0) {
            throw new DataException(file + ": longer than its header says (trailing bytes after the data)");
        }
    }
}
