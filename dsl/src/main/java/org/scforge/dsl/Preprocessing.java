package org.scforge.dsl;

import java.util.Arrays;
import java.util.Optional;

/**
 * How an image becomes the network's input codes, as the training pipeline did it, so that a host can
 * classify a picture with the same arithmetic (docs/model-file.md, "preprocessing"): an image of
 * {@code height x width} grey levels 0..255, row-major, optionally projected onto principal components,
 * then scaled and rounded to codes.
 */
public record Preprocessing(int height, int width, Optional<Projection> projection, Scaling scaling) {

    public Preprocessing {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("an image of " + height + " x " + width + " pixels");
        }
        projection.ifPresent(p -> {
            if (p.mean().length != height * width) {
                throw new IllegalArgumentException("a projection mean of " + p.mean().length + " values for an image of "
                        + height * width + " pixels");
            }
        });
    }

    /** How many features (inputs) it gives: the components, or the pixels. */
    public int features() {
        return projection.map(p -> p.components().length).orElse(height * width);
    }

    /** Principal components: feature {@code k} is {@code sum over pixels c of (pixel[c] - mean[c]) * components[k][c]}. */
    public record Projection(double[] mean, double[][] components) {
        public Projection {
            mean = finite(mean.clone(), "mean");
            components = Arrays.stream(components).map(c -> finite(c.clone(), "component")).toArray(double[][]::new);
            for (double[] row : components) {
                if (row.length != mean.length) {
                    throw new IllegalArgumentException("a component of " + row.length + " values for " + mean.length
                            + " pixels");
                }
            }
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[][] components() {
            return Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
        }

        /** By content, bit for bit (a model file must give back exactly the doubles it was written with). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Projection p && Arrays.equals(mean, p.mean) && Arrays.deepEquals(components, p.components);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(mean) + Arrays.deepHashCode(components);
        }

        @Override
        public String toString() {
            return "Projection[" + components.length + " components of " + mean.length + " pixels]";
        }
    }

    /** From features to codes. */
    public sealed interface Scaling {
        /** {@code sm<k>}: feature {@code c} to {@code round(f / scales[c] * (2^k - 1))}, clipped (0 for a scale of 0). */
        record SignMagnitude(double[] scales) implements Scaling {
            public SignMagnitude {
                scales = finite(scales.clone(), "scale");
            }

            @Override
            public double[] scales() {
                return scales.clone();
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof SignMagnitude s && Arrays.equals(scales, s.scales);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(scales);
            }

            @Override
            public String toString() {
                return "SignMagnitude" + Arrays.toString(scales);
            }
        }

        /** {@code u<k>}: every feature to {@code round((f - min) / (max - min) * (2^k - 1))}, clipped (0 when max = min). */
        record Unsigned(double min, double max) implements Scaling {
            public Unsigned {
                finite(new double[] {min, max}, "min or max");
            }
        }
    }

    /** {@code values}, when every one is finite (a model file cannot hold NaN or infinity). */
    static double[] finite(double[] values, String what) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a " + what + " of " + v + ": preprocessing numbers must be finite");
            }
        }
        return values;
    }
}
