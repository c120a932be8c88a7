package org.scforge.cli;

import org.scforge.dsl.IntMatrix;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The receptive fields of a layer on an image input as one PNG: each neuron's weights as a {@code height x width}
 * grey tile (the lowest code black, the highest white), tiles in a near-square grid in neuron order, row by row.
 */
final class ReceptiveFields {

    /** Screen pixels per weight, so that a 28 x 28 field is legible. */
    static final int SCALE = 3;
    /** Gap between tiles, in screen pixels (mid grey, apart from both ends of the scale). */
    static final int GAP = 2;
    private static final int GAP_GREY = 0x80;

    private ReceptiveFields() {
    }

    /** Writes {@code weights} ({@code [neuron][pixel]}, row-major pixels) scaled from {@code min .. max} to grey. */
    static void write(IntMatrix weights, int height, int width, int min, int max, Path png) throws IOException {
        if (weights.cols() != height * width) {
            throw new IllegalArgumentException(weights.cols() + " weights per neuron for a " + height + " x " + width + " image");
        }
        int neurons = weights.rows();
        int columns = (int) Math.ceil(Math.sqrt(neurons));
        int rows = (neurons + columns - 1) / columns;
        int tileW = width * SCALE + GAP;
        int tileH = height * SCALE + GAP;
        BufferedImage image = new BufferedImage(columns * tileW + GAP, rows * tileH + GAP, BufferedImage.TYPE_BYTE_GRAY);
        var raster = image.getRaster();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                raster.setSample(x, y, 0, GAP_GREY);
            }
        }
        double span = Math.max(1, max - min);
        for (int j = 0; j < neurons; j++) {
            int left = GAP + (j % columns) * tileW;
            int top = GAP + (j / columns) * tileH;
            for (int p = 0; p < height * width; p++) {
                int grey = (int) Math.round((weights.get(j, p) - min) / span * 255);
                int x0 = left + (p % width) * SCALE;
                int y0 = top + (p / width) * SCALE;
                for (int dy = 0; dy < SCALE; dy++) {
                    for (int dx = 0; dx < SCALE; dx++) {
                        raster.setSample(x0 + dx, y0 + dy, 0, Math.max(0, Math.min(255, grey)));
                    }
                }
            }
        }
        ImageIO.write(image, "png", png.toFile());
    }
}
