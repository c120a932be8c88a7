package org.scforge.dsl;

/**
 * A convolutional layer: its {@code kernel} (a dense layer of {@code K} neurons, the output channels,
 * over the {@code Q = kernelHeight * kernelWidth * C} taps of a window, with its weights, biases, neuron
 * model and weight plan) applied at every output position of an {@code input} image, with
 * {@code stride} and {@code padding} (zero pixels, streams that never fire, on every side). Tap
 * {@code q = (dy * kernelWidth + dx) * C + c}. The weight plan's masks are per output channel
 * ({@code neuronMasks[k]}) and per tap ({@code inputMasks[q]}, the bias's last), so one weight stream per
 * channel and tap is shared by every position (docs/semantics.md, section 11).
 */
public record ConvLayer(DenseLayer kernel, ImageShape input, int kernelHeight, int kernelWidth, int stride,
                        int padding) implements ImageLayer {

    @Override
    public String name() {
        return kernel.name();
    }

    /** {@code K}, the output channels. */
    public int channels() {
        return kernel.neurons();
    }

    /** {@code Q}, the synapses of a window (the bias apart). */
    public int taps() {
        return kernelHeight * kernelWidth * input.channels();
    }

    /** The output image: {@code floor((H + 2p - kh) / s) + 1} rows, likewise columns, {@code K} channels. */
    @Override
    public ImageShape output() {
        return new ImageShape(outputSide(input.height(), kernelHeight), outputSide(input.width(), kernelWidth), channels());
    }

    private int outputSide(int side, int kernelSide) {
        return Math.floorDiv(side + 2 * padding - kernelSide, stride) + 1;
    }

    /**
     * The input element that tap {@code q} of neuron {@code j} reads: pixel
     * {@code (oy * s + dy - p, ox * s + dx - p, c)}, or -1 when that is padding, outside the image.
     */
    public int inputOf(int j, int q) {
        ImageShape out = output();
        int position = j / out.channels();
        int oy = position / out.width();
        int ox = position % out.width();
        int c = q % input.channels();
        int dx = (q / input.channels()) % kernelWidth;
        int dy = q / (input.channels() * kernelWidth);
        int y = oy * stride + dy - padding;
        int x = ox * stride + dx - padding;
        if (y < 0 || y >= input.height() || x < 0 || x >= input.width()) {
            return -1;
        }
        return input.index(y, x, c);
    }

    /** The output channel of neuron {@code j}. */
    public int channelOf(int j) {
        return j % channels();
    }

    /** The conv layers among {@code layers}, in order (a network's image layers hold pools too). */
    public static java.util.List<ConvLayer> among(java.util.List<ImageLayer> layers) {
        return layers.stream().filter(ConvLayer.class::isInstance).map(ConvLayer.class::cast).toList();
    }

    public ConvLayer withKernel(DenseLayer newKernel) {
        return new ConvLayer(newKernel, input, kernelHeight, kernelWidth, stride, padding);
    }
}
