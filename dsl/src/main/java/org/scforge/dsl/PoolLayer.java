package org.scforge.dsl;

/**
 * OR pooling: output pixel {@code (oy, ox, c)} spikes at a step when any input spike of its
 * {@code window x window} window, channel {@code c}, does (docs/semantics.md section 11.5). Windows
 * start every {@code stride} pixels and lie inside the image: {@code Ho = floor((H - window) / stride) + 1}.
 * No weights, no state: it reads spikes, so it comes after a conv layer.
 */
public record PoolLayer(String name, ImageShape input, int window, int stride) implements ImageLayer {

    @Override
    public ImageShape output() {
        return new ImageShape(Math.floorDiv(input.height() - window, stride) + 1,
                Math.floorDiv(input.width() - window, stride) + 1, input.channels());
    }

    /** The pixels of a window: {@code window * window}. */
    public int taps() {
        return window * window;
    }

    /** The input element that tap {@code q = dy * window + dx} of neuron {@code j} reads. */
    public int inputOf(int j, int q) {
        ImageShape out = output();
        int c = j % out.channels();
        int position = j / out.channels();
        int y = (position / out.width()) * stride + q / window;
        int x = (position % out.width()) * stride + q % window;
        return input.index(y, x, c);
    }
}
