package org.scforge.dsl;

/**
 * The shape of an image: {@code height x width x channels}. Pixel {@code (y, x, c)} is element
 * {@code (y * width + x) * channels + c} of the flat vector (row-major, channels last), so an image is
 * also a list of inputs, or of spikes, in that order (docs/semantics.md, section 11).
 */
public record ImageShape(int height, int width, int channels) {

    /** Elements of the flat vector. */
    public long count() {
        return (long) height * width * channels;
    }

    /** The flat index of pixel {@code (y, x, c)}. */
    public int index(int y, int x, int c) {
        return (y * width + x) * channels + c;
    }

    /** {@code 28x28x1}. */
    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
