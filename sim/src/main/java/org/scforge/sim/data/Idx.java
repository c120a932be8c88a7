package org.scforge.sim.data;

import org.scforge.dsl.io.IoErrors;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;

    private Idx() {
    }

    /** Images of {@code rows x cols} unsigned pixels, each flattened row-major. */
    public record Images(int rows, int cols, int[][] pixels) {
        public int count() {
            return pixels.length;
        }
    }

    public static Images readImages(Path file) {
        return read(file, (in, size) -> {
            int magic = in.readInt();
            expectMagic(file, magic, IMAGES_MAGIC, "images");
            int count = positive(file, "image count", in.readInt());
            int rows = positive(file, "rows", in.readInt());
            int cols = positive(file, "columns", in.readInt());
            if ((long) rows * cols > 1 << 24) {
                throw new DataException(file + ": implausible image size " + rows + "x" + cols);
            }
            int pixels = rows * cols;
            // the header is checked against the file before anything is allocated for it
            size.ensure(IMAGES_HEADER, count, pixels, "image");
            fitsInMemory(file, (long) count * pixels * Integer.BYTES, count + " images of " + rows + "x" + cols);
            // grown image by image, not allocated as the header says: a gzip file's length tells nothing
            List<int[]> images = new ArrayList<>(Math.min(count, 1 << 16));
            byte[] buffer = new byte[pixels];
            for (int n = 0; n < count; n++) {
                readFully(file, in, buffer, "image " + n + " of " + count);
                int[] image = new int[pixels];
                for (int p = 0; p < pixels; p++) {
                    image[p] = buffer[p] & 0xff;
                }
                images.add(image);
            }
            expectEnd(file, in);
            return new Images(rows, cols, images.toArray(int[][]::new));
        });
    }

    public static int[] readLabels(Path file) {
        return read(file, (in, size) -> {
            int magic = in.readInt();
            expectMagic(file, magic, LABELS_MAGIC, "labels");
            int count = positive(file, "label count", in.readInt());
            size.ensure(LABELS_HEADER, count, 1, "label");
            byte[] buffer = in.readNBytes(count); // grows with what is there, up to count
            if (buffer.length < count) {
                throw new DataException(file + ": truncated: the file ends inside " + count + " labels");
            }
            expectEnd(file, in);
            int[] labels = new int[count];
            for (int n = 0; n < count; n++) {
                labels[n] = buffer[n] & 0xff;
            }
            return labels;
        });
    }

    private interface Body<T> {
        T read(DataInputStream in, Size size) throws IOException;
    }

    /** The length of an uncompressed file, when it is known, to check a header against before allocating. */
    private record Size(Path file, long bytes) {
        static final long UNKNOWN = -1;

        /** {@code count} records of {@code recordBytes} after a header of {@code header} bytes fit in the file. */
        void ensure(int header, int count, int recordBytes, String record) {
            if (bytes == UNKNOWN) {
                return;
            }
            long whole = (Math.max(0, bytes - header)) / recordBytes;
            if (whole < count) {
                throw new DataException(file + ": truncated: the file ends inside " + record + " " + whole + " of " + count
                        + " (its header declares " + count + " of " + recordBytes + " bytes, the file holds "
                        + bytes + " bytes)");
            }
        }
    }

    private static void fitsInMemory(Path file, long bytes, String what) {
        long max = Runtime.getRuntime().maxMemory();
        // half the heap: training keeps the pixels and their features beside them
        if (bytes > max / 2) {
            throw new DataException(file + ": its header declares " + what + ", " + (bytes >> 20) + " MiB in memory, more"
                    + " than this JVM may use for it (" + (max >> 21) + " MiB; give java a larger -Xmx)");
        }
    }

    private static <T> T read(Path file, Body<T> body) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            long bytes = !gzip && Files.isRegularFile(file) ? Files.size(file) : Size.UNKNOWN;
            return body.read(new DataInputStream(in), new Size(file, bytes));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (EOFException e) {
            throw new DataException(file + ": truncated: the file ends inside its header");
        } catch (ZipException e) {
            throw new DataException(file + ": corrupt gzip data: " + e.getMessage());
        } catch (IOException e) {
            String what = e.getMessage() != null && e.getMessage().contains("Unexpected end of ZLIB")
                    ? "truncated gzip data" : "cannot read: " + IoErrors.cause(e);
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
