package org.scforge.sim.data;

import java.nio.file.Path;

/**
 * Labelled images: {@code pixels[n]} is image {@code n} flattened row-major (0 = background, 255 = ink),
 * {@code labels[n]} its class.
 */
public record Dataset(int rows, int cols, int[][] pixels, int[] labels) {

    /** Classes of the data sets scforge reads: labels are 0..9, the digits of MNIST and its look-alikes. */
    public static final int CLASSES = 10;

    public Dataset {
        if (pixels.length != labels.length) {
            throw new IllegalArgumentException(pixels.length + " images but " + labels.length + " labels");
        }
    }

    /** Reads an IDX image file and its label file; their counts must agree. */
    public static Dataset load(Path images, Path labels) {
        Idx.Images im = Idx.readImages(images);
        int[] lab = Idx.readLabels(labels);
        if (im.count() != lab.length) {
            throw new DataException(labels + ": holds " + lab.length + " labels but " + images + " holds "
                    + im.count() + " images");
        }
        for (int n = 0; n < lab.length; n++) {
            if (lab[n] >= CLASSES) {
                // a stray 200 would otherwise make a 201-class network that trains and scores silently
                throw new DataException(labels + ": label " + lab[n] + " of image " + n + " is outside 0.." + (CLASSES - 1)
                        + "; scforge trains on MNIST-layout data of " + CLASSES + " classes");
            }
        }
        return new Dataset(im.rows(), im.cols(), im.pixels(), lab);
    }

    /** Whether {@code other}'s images have this set's size, so that one network reads both. */
    public boolean sameImageSize(Dataset other) {
        return rows == other.rows && cols == other.cols;
    }

    public int size() {
        return labels.length;
    }

    /** Pixels per image. */
    public int features() {
        return rows * cols;
    }

    /** One more than the largest label. */
    public int classes() {
        int max = 0;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    /** The images at {@code indices}, in that order (arrays shared, not copied: a dataset is never mutated). */
    public Dataset subset(int[] indices) {
        int[][] p = new int[indices.length][];
        int[] l = new int[indices.length];
        for (int n = 0; n < indices.length; n++) {
            p[n] = pixels[indices[n]];
            l[n] = labels[indices[n]];
        }
        return new Dataset(rows, cols, p, l);
    }

    /** The first {@code count} images (all of them when there are fewer). */
    public Dataset first(int count) {
        int n = Math.min(count, size());
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return subset(indices);
    }

    /** Pixels as doubles, one row per image: the input of preprocessing. */
    public double[][] pixelRows() {
        double[][] out = new double[size()][features()];
        for (int n = 0; n < size(); n++) {
            for (int p = 0; p < features(); p++) {
                out[n][p] = pixels[n][p];
            }
        }
        return out;
    }
}
