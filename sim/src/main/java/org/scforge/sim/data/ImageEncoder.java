package org.scforge.sim.data;

import org.scforge.dsl.Code;
import org.scforge.dsl.Preprocessing;

import java.util.Optional;

/**
 * A model's {@link Preprocessing} as the pipeline's own objects ({@link Pca}, {@link Quantiser}), so that
 * an image is encoded with exactly the arithmetic that made the training and test codes: the same
 * doubles in the same order, hence the same codes.
 */
public final class ImageEncoder {

    private final Preprocessing preprocessing;
    private final Optional<Pca> pca;
    private final Quantiser quantiser;

    private ImageEncoder(Preprocessing preprocessing, Optional<Pca> pca, Quantiser quantiser) {
        this.preprocessing = preprocessing;
        this.pca = pca;
        this.quantiser = quantiser;
    }

    /** The encoder of {@code preprocessing} for inputs coded as {@code code}. */
    public static ImageEncoder of(Preprocessing preprocessing, Code code) {
        Optional<Pca> pca = preprocessing.projection().map(p -> new Pca(p.mean(), p.components(), new double[0]));
        Quantiser quantiser;
        if (preprocessing.scaling() instanceof Preprocessing.Scaling.SignMagnitude sm) {
            quantiser = new SignMagnitudeQuantiser(code, sm.scales(), 100);
        } else {
            Preprocessing.Scaling.Unsigned u = (Preprocessing.Scaling.Unsigned) preprocessing.scaling();
            quantiser = new UnsignedQuantiser(code, u.min(), u.max());
        }
        return new ImageEncoder(preprocessing, pca, quantiser);
    }

    /** What the pipeline used, as a model file stores it: the image size, the PCA (if any) and the quantiser. */
    public static Preprocessing describe(int height, int width, Optional<Pca> pca, Quantiser quantiser) {
        Preprocessing.Scaling scaling;
        if (quantiser instanceof SignMagnitudeQuantiser sm) {
            scaling = new Preprocessing.Scaling.SignMagnitude(sm.scales());
        } else if (quantiser instanceof UnsignedQuantiser u) {
            scaling = new Preprocessing.Scaling.Unsigned(u.min(), u.max());
        } else {
            throw new IllegalArgumentException("no model-file form for " + quantiser.describe());
        }
        return new Preprocessing(height, width,
                pca.map(p -> new Preprocessing.Projection(p.mean(), p.components())), scaling);
    }

    public int height() {
        return preprocessing.height();
    }

    public int width() {
        return preprocessing.width();
    }

    /** The input codes of an image of grey levels, {@code height * width} of them, row-major. */
    public int[] encode(double[] pixels) {
        if (pixels.length != preprocessing.height() * preprocessing.width()) {
            throw new IllegalArgumentException(pixels.length + " pixels for a " + preprocessing.height() + " x "
                    + preprocessing.width() + " image");
        }
        return quantiser.encode(pca.map(p -> p.transform(pixels)).orElse(pixels));
    }
}
