package org.scforge.sim.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A folder of MNIST-layout IDX files: {@code train-images-idx3-ubyte[.gz]} with {@code train-labels-idx1-ubyte[.gz]}
 * and, when present, the {@code t10k-} pair as the test set; or the embedded layout
 * {@code images-idx3-ubyte.gz} / {@code labels-idx1-ubyte.gz} (one set, to be split).
 */
public record IdxFolder(Dataset train, Optional<Dataset> test) {

    public static IdxFolder load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": no such data folder");
        }
        Optional<Path> trainImages = find(dir, "train-images-idx3-ubyte");
        if (trainImages.isPresent()) {
            Dataset train = Dataset.load(trainImages.get(), require(dir, "train-labels-idx1-ubyte"));
            Optional<Path> testImages = find(dir, "t10k-images-idx3-ubyte");
            Optional<Dataset> test = testImages.map(p -> Dataset.load(p, require(dir, "t10k-labels-idx1-ubyte")));
            if (test.isPresent() && !test.get().sameImageSize(train)) {
                throw new DataException(testImages.get() + ": images are " + test.get().rows() + "x" + test.get().cols()
                        + " but the training images " + trainImages.get() + " are " + train.rows() + "x" + train.cols()
                        + "; training and test images must be the same size");
            }
            return new IdxFolder(train, test);
        }
        Optional<Path> images = find(dir, "images-idx3-ubyte");
        if (images.isPresent()) {
            return new IdxFolder(Dataset.load(images.get(), require(dir, "labels-idx1-ubyte")), Optional.empty());
        }
        throw new DataException(dir + ": no IDX data: expected train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz]"
                + " (optionally the t10k- pair), or images-idx3-ubyte.gz and labels-idx1-ubyte.gz");
    }

    private static Optional<Path> find(Path dir, String base) {
        for (String name : new String[] {base + ".gz", base}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Path require(Path dir, String base) {
        return find(dir, base).orElseThrow(() -> new DataException(dir + ": " + base + "[.gz] is missing"));
    }
}
