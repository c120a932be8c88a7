package org.scforge.sim.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A header is checked against what the file holds before anything is allocated for it: a lying count or
 * image size is a one-line {@link DataException}, never an OutOfMemoryError. And a folder's sets must fit
 * one network: the same image size for training and test, labels 0..9.
 */
class IdxHeaderLimitsTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void aHugeImageCountInASmallFileIsRefusedBeforeAllocating() throws IOException {
        Path raw = file("im", IdxTest.images(Idx.IMAGES_MAGIC, Integer.MAX_VALUE, 28, 28, 784 * 3));
        assertThatThrownBy(() -> Idx.readImages(raw)).isInstanceOf(DataException.class)
                .hasMessage(raw + ": truncated: the file ends inside image 3 of 2147483647 (its header declares 2147483647"
                        + " of 784 bytes, the file holds 2368 bytes)");
        Path gz = file("im.gz", IdxTest.gzip(IdxTest.images(Idx.IMAGES_MAGIC, Integer.MAX_VALUE, 28, 28, 784 * 3)));
        assertThatThrownBy(() -> Idx.readImages(gz)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(gz + ": its header declares 2147483647 images of 28x28, ")
                .hasMessageContaining("more than this JVM may use");
    }

    @Test
    void hugeDimensionsInASmallFileAreRefused() throws IOException {
        Path raw = file("im", IdxTest.images(Idx.IMAGES_MAGIC, 100, 4096, 4096, 1000));
        assertThatThrownBy(() -> Idx.readImages(raw)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(raw + ": truncated: the file ends inside image 0 of 100");
        // in gzip the length is unknown: the images are read one by one, so the lie shows as the end of the data
        Path gz = file("im.gz", IdxTest.gzip(IdxTest.images(Idx.IMAGES_MAGIC, 3, 4096, 4096, 1000)));
        assertThatThrownBy(() -> Idx.readImages(gz)).isInstanceOf(DataException.class)
                .hasMessage(gz + ": truncated: the file ends inside image 0 of 3");
    }

    @Test
    void aHugeLabelCountIsRefused() throws IOException {
        Path raw = file("lab", IdxTest.labels(Integer.MAX_VALUE, 1, 2, 3));
        assertThatThrownBy(() -> Idx.readLabels(raw)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(raw + ": truncated: the file ends inside label 3 of 2147483647");
        Path gz = file("lab.gz", IdxTest.gzip(IdxTest.labels(Integer.MAX_VALUE, 1, 2, 3)));
        assertThatThrownBy(() -> Idx.readLabels(gz)).isInstanceOf(DataException.class)
                .hasMessage(gz + ": truncated: the file ends inside 2147483647 labels");
    }

    @Test
    void trainingAndTestImagesOfDifferentSizesAreRefused() throws IOException {
        file("train-images-idx3-ubyte", IdxTest.images(Idx.IMAGES_MAGIC, 2, 2, 2, 8));
        file("train-labels-idx1-ubyte", IdxTest.labels(2, 0, 1));
        Path test = file("t10k-images-idx3-ubyte", IdxTest.images(Idx.IMAGES_MAGIC, 1, 3, 3, 9));
        file("t10k-labels-idx1-ubyte", IdxTest.labels(1, 1));
        assertThatThrownBy(() -> IdxFolder.load(dir)).isInstanceOf(DataException.class)
                .hasMessage(test + ": images are 3x3 but the training images " + dir.resolve("train-images-idx3-ubyte")
                        + " are 2x2; training and test images must be the same size");
        file("t10k-images-idx3-ubyte", IdxTest.images(Idx.IMAGES_MAGIC, 1, 1, 2, 2));
        assertThatThrownBy(() -> IdxFolder.load(dir)).hasMessageContaining("images are 1x2 but the training images");
        file("t10k-images-idx3-ubyte", IdxTest.images(Idx.IMAGES_MAGIC, 1, 2, 2, 4));
        assertThat(IdxFolder.load(dir).test()).isPresent();
    }

    @Test
    void labelsAboveNineAreRefused() throws IOException {
        Path im = file("im", IdxTest.images(Idx.IMAGES_MAGIC, 3, 1, 1, 3));
        Path lab = file("lab", IdxTest.labels(3, 0, 200, 9));
        assertThatThrownBy(() -> Dataset.load(im, lab)).isInstanceOf(DataException.class)
                .hasMessage(lab + ": label 200 of image 1 is outside 0..9; scforge trains on MNIST-layout data of 10 classes");
        Path nine = file("nine", IdxTest.labels(3, 0, 9, 9));
        assertThat(Dataset.load(im, nine).classes()).isEqualTo(10);
    }
}
