package org.scforge.sim.data;

/**
 * Training-set augmentation: every image also shifted by up to {@code radius} pixels in each direction
 * (zero fill), the classic cheap way to make a small digit set generalise better.
 */
public final class Augment {

    private Augment() {
    }

    /** The images of {@code set} followed by their shifted copies, {@code (2r+1)^2} images per original. */
    public static Dataset shifts(Dataset set, int radius) {
        int copies = (2 * radius + 1) * (2 * radius + 1);
        int[][] pixels = new int[set.size() * copies][];
        int[] labels = new int[pixels.length];
        int out = 0;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                for (int n = 0; n < set.size(); n++) {
                    pixels[out] = shift(set.pixels()[n], set.rows(), set.cols(), dx, dy);
                    labels[out++] = set.labels()[n];
                }
            }
        }
        return new Dataset(set.rows(), set.cols(), pixels, labels);
    }

    static int[] shift(int[] image, int rows, int cols, int dx, int dy) {
        int[] out = new int[image.length];
        for (int r = 0; r < rows; r++) {
            int from = r - dy;
            if (from < 0 || from >= rows) {
                continue;
            }
            for (int c = 0; c < cols; c++) {
                int fc = c - dx;
                if (fc >= 0 && fc < cols) {
                    out[r * cols + c] = image[from * cols + fc];
                }
            }
        }
        return out;
    }
}
