package org.scforge.sim.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxTest {

    @TempDir
    Path dir;

    static byte[] images(int magic, int count, int rows, int cols, int payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int n = 0; n < payload; n++) {
            out.writeByte((n * 37) & 0xff);
        }
        return bytes.toByteArray();
    }

    static byte[] labels(int count, int... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(Idx.LABELS_MAGIC);
        out.writeInt(count);
        for (int v : values) {
            out.writeByte(v);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void readsRawAndGzipImagesWithTheirValues() throws IOException {
        byte[] raw = images(Idx.IMAGES_MAGIC, 2, 2, 3, 12);
        for (Path p : new Path[] {file("im", raw), file("im.gz", gzip(raw))}) {
            Idx.Images im = Idx.readImages(p);
            assertThat(im.rows()).isEqualTo(2);
            assertThat(im.cols()).isEqualTo(3);
            assertThat(im.count()).isEqualTo(2);
            assertThat(im.pixels()[0]).containsExactly(0, 37, 74, 111, 148, 185);
            assertThat(im.pixels()[1]).containsExactly(222, 3, 40, 77, 114, 151);
        }
    }

    @Test
    void readsLabelsAndBuildsADataset() throws IOException {
        Path im = file("im", images(Idx.IMAGES_MAGIC, 2, 2, 3, 12));
        Path lab = file("lab.gz", gzip(labels(2, 7, 3)));
        Dataset d = Dataset.load(im, lab);
        assertThat(d.labels()).containsExactly(7, 3);
        assertThat(d.features()).isEqualTo(6);
        assertThat(d.classes()).isEqualTo(8);
        assertThat(d.subset(new int[] {1}).labels()).containsExactly(3);
    }

    @Test
    void wrongMagicIsNamed() throws IOException {
        Path p = file("im", images(0x0801, 1, 1, 1, 1));
        assertThatThrownBy(() -> Idx.readImages(p)).isInstanceOf(DataException.class)
                .hasMessage(p + ": not an IDX images file: magic 0x00000801, expected 0x00000803");
    }

    @Test
    void truncatedPayloadIsNamed() throws IOException {
        Path p = file("im", images(Idx.IMAGES_MAGIC, 2, 2, 2, 5));
        assertThatThrownBy(() -> Idx.readImages(p)).hasMessageStartingWith(p + ": truncated: the file ends inside image 1 of 2");
    }

    @Test
    void truncatedHeaderAndGzipAndTrailingBytes() throws IOException {
        byte[] raw = images(Idx.IMAGES_MAGIC, 2, 2, 2, 8);
        Path header = file("h", Arrays.copyOf(raw, 6));
        assertThatThrownBy(() -> Idx.readImages(header)).hasMessageContaining("truncated").hasMessageNotContaining("\n");
        byte[] gz = gzip(raw);
        Path cut = file("cut.gz", Arrays.copyOf(gz, gz.length - 12));
        assertThatThrownBy(() -> Idx.readImages(cut)).isInstanceOf(DataException.class).hasMessageStartingWith(cut + ": ");
        Path longer = file("long", images(Idx.IMAGES_MAGIC, 2, 2, 2, 9));
        assertThatThrownBy(() -> Idx.readImages(longer)).hasMessageContaining("trailing bytes");
        Path zero = file("zero", images(Idx.IMAGES_MAGIC, 0, 2, 2, 0));
        assertThatThrownBy(() -> Idx.readImages(zero)).hasMessage(zero + ": image count 0 in the header must be >= 1");
    }

    @Test
    void missingFileAndCountMismatch() throws IOException {
        assertThatThrownBy(() -> Idx.readLabels(dir.resolve("nope"))).hasMessage(dir.resolve("nope") + ": no such file");
        Path im = file("im", images(Idx.IMAGES_MAGIC, 2, 1, 1, 2));
        Path lab = file("lab", labels(3, 1, 2, 3));
        assertThatThrownBy(() -> Dataset.load(im, lab)).hasMessageContaining("holds 3 labels but");
    }

    @Test
    void folderLayouts() throws IOException {
        file("train-images-idx3-ubyte", images(Idx.IMAGES_MAGIC, 2, 1, 1, 2));
        file("train-labels-idx1-ubyte.gz", gzip(labels(2, 0, 1)));
        IdxFolder f = IdxFolder.load(dir);
        assertThat(f.train().size()).isEqualTo(2);
        assertThat(f.test()).isEmpty();
        file("t10k-images-idx3-ubyte", images(Idx.IMAGES_MAGIC, 1, 1, 1, 1));
        assertThatThrownBy(() -> IdxFolder.load(dir)).hasMessageContaining("t10k-labels-idx1-ubyte[.gz] is missing");
        assertThatThrownBy(() -> IdxFolder.load(dir.resolve("absent"))).hasMessageContaining("no such data folder");
    }
}
