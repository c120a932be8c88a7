package org.scforge.cli;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a picture as the grey levels 0..255 a model's preprocessing takes, row-major. */
final class Images {

    private Images() {
    }

    /**
     * The grey levels of {@code file}, which must be {@code height x width} pixels: a grey image's samples as
     * they are (16-bit ones shifted to 8 bits, 1- to 4-bit ones stretched to 0..255), a colour image's luminance {@code round(0.299 r + 0.587 g + 0.114 b)}.
     * Anything else is a one-line user error.
     */
    static double[] greyLevels(Path file, int height, int width) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such image file");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UserError(file + ": cannot read it as an image: " + e.getMessage());
        }
        if (image == null) {
            throw new UserError(file + ": not an image this Java reads (PNG, JPEG, GIF, BMP)");
        }
        if (image.getHeight() != height || image.getWidth() != width) {
            throw new UserError(file + ": " + image.getWidth() + " x " + image.getHeight() + " pixels; the model takes "
                    + width + " x " + height + " (scale it first: scforge does not resample)");
        }
        double[] grey = new double[height * width];
        Raster raster = image.getRaster();
        boolean isGrey = image.getColorModel().getNumColorComponents() == 1;
        int bits = image.getColorModel().getComponentSize(0);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (isGrey) {
                    int sample = raster.getSample(x, y, 0);
                    grey[y * width + x] = bits > 8 ? sample >> (bits - 8)
                            : bits < 8 ? Math.round(sample * 255.0 / ((1 << bits) - 1)) : sample;
                } else {
                    int rgb = image.getRGB(x, y);
                    grey[y * width + x] = Math.round(0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff)
                            + 0.114 * (rgb & 0xff));
                }
            }
        }
        return grey;
    }
}
