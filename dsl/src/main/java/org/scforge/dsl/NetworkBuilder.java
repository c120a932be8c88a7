package org.scforge.dsl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The fluent description of a network; {@link #build()} yields a validated {@link Network} with zero
 * weights, ready to train.
 *
 * <pre>{@code
 * Network net = Network.named("mnist")
 *     .inputs(50, Code.signMagnitude(8))
 *     .weights(8)
 *     .bitstream(512)
 *     .sources(SourcePlan.lowDiscrepancy())
 *     .dense("hidden", 128, Neuron.integrateAndFire(8))
 *     .dense("out", 10, Neuron.counter())
 *     .build();
 * }</pre>
 */
public final class NetworkBuilder {

    private final String name;
    private int inputs = -1;
    private Code inputCode;
    private int weightBits = 8;
    private int length = 256;
    private SourcePlan sourcePlan = SourcePlan.lowDiscrepancy();
    private final List<PendingLayer> layers = new ArrayList<>();
    private final List<PendingImage> images = new ArrayList<>();
    private ImageShape image;

    private record PendingLayer(String name, int neurons, NeuronModel neuron, Synapse synapse, Stdp learning) {
    }

    private sealed interface PendingImage permits PendingConv, PendingPool {
        String name();
    }

    private record PendingConv(String name, int channels, int kernel, int stride, int padding, NeuronModel neuron)
            implements PendingImage {
    }

    private record PendingPool(String name, int window, int stride) implements PendingImage {
    }

    NetworkBuilder(String name) {
        this.name = name;
    }

    /** {@code count} input features, each carried as {@code code}. */
    public NetworkBuilder inputs(int count, Code code) {
        this.inputs = count;
        this.inputCode = code;
        return this;
    }

    /**
     * An image input, {@code height x width x channels} pixels carried as {@code code}: the
     * {@code height * width * channels} inputs in row-major order, channels last (docs/semantics.md,
     * section 11), for conv layers to read.
     */
    public NetworkBuilder image(int height, int width, int channels, Code code) {
        this.image = new ImageShape(height, width, channels);
        return inputs((int) Math.min(Integer.MAX_VALUE, image.count()), code);
    }

    /**
     * A conv layer of {@code channels} output channels, a square {@code kernel x kernel} window, a
     * stride and a padding, with AND synapses and integrate-and-fire neurons; conv layers come before
     * every dense layer, the first on the {@link #image} input.
     */
    public NetworkBuilder conv(String layerName, int channels, int kernel, int stride, int padding, NeuronModel neuron) {
        return image(new PendingConv(layerName, channels, kernel, stride, padding, neuron));
    }

    /**
     * An OR pool of square {@code window x window} windows every {@code stride} pixels, after a conv
     * layer (docs/semantics.md section 11.5).
     */
    public NetworkBuilder pool(String layerName, int window, int stride) {
        return image(new PendingPool(layerName, window, stride));
    }

    private NetworkBuilder image(PendingImage layer) {
        if (!layers.isEmpty()) {
            throw new ValidationException(List.of("layer '" + layer.name() + "': conv and pool layers come before the"
                    + " dense layers; declare it before dense('" + layers.get(0).name() + "', ...)"));
        }
        images.add(layer);
        return this;
    }

    /** Magnitude bits of the sign-magnitude weight codes (default 8). */
    public NetworkBuilder weights(int magnitudeBits) {
        this.weightBits = magnitudeBits;
        return this;
    }

    /** L: the bitstream length, steps per frame (default 256). */
    public NetworkBuilder bitstream(int length) {
        this.length = length;
        return this;
    }

    /** The decorrelation plan (default {@link SourcePlan#lowDiscrepancy()}). */
    public NetworkBuilder sources(SourcePlan plan) {
        this.sourcePlan = plan;
        return this;
    }

    /** A fully connected layer of AND synapses; the last one must be {@link Neuron#counter()}. */
    public NetworkBuilder dense(String layerName, int neurons, NeuronModel neuron) {
        return dense(layerName, neurons, neuron, Synapse.AND);
    }

    /**
     * A fully connected layer whose synapses are of kind {@code synapse}; {@link Synapse#XNOR} needs
     * sources one bit wider than the weight codes (docs/semantics.md, section 5.2).
     */
    public NetworkBuilder dense(String layerName, int neurons, NeuronModel neuron, Synapse synapse) {
        layers.add(new PendingLayer(layerName, neurons, neuron, synapse, null));
        return this;
    }

    /**
     * Gives the dense layer declared last a learning rule (docs/semantics.md, section 12): {@code
     * .dense("features", 16, Neuron.integrateAndFire(4)).learning(Stdp.stochastic("src_learn", ...))}. The
     * rule's source must be one of the plan's sources; with {@link SourcePlan#lowDiscrepancy()} name one
     * the plan does not use for the layer's weights or inputs (validation says which exist).
     */
    public NetworkBuilder learning(Stdp rule) {
        if (layers.isEmpty()) {
            throw new ValidationException(List.of("network '" + name + "': learning(...) applies to the dense layer"
                    + " declared before it; call dense(name, neurons, neuron) first"));
        }
        PendingLayer last = layers.remove(layers.size() - 1);
        layers.add(new PendingLayer(last.name(), last.neurons(), last.neuron(), last.synapse(), rule));
        return this;
    }

    /**
     * The plan's sources and, for every learning rule whose source the plan does not have, a Sobol source of
     * that name, as wide as the plan's, of the next dimension none of them uses: a learning source of its own,
     * decorrelated from every weight and input stream (docs/semantics.md, section 12.3).
     */
    private List<Source> withLearningSources(List<Source> planned) {
        List<Source> sources = new ArrayList<>(planned);
        int width = sourcePlan instanceof SourcePlan.LowDiscrepancy d ? d.width() : ((SourcePlan.Lfsrs) sourcePlan).width();
        for (PendingLayer layer : layers) {
            if (layer.learning() == null || layer.learning().source() == null) {
                continue;
            }
            String wanted = layer.learning().source();
            if (sources.stream().noneMatch(s -> s.name().equals(wanted))) {
                int dimension = 1 + sources.stream().mapToInt(s -> s instanceof Source.Sobol sobol ? sobol.dimension() : 0)
                        .max().orElse(0);
                sources.add(new Source.Sobol(wanted, width, dimension));
            }
        }
        return sources;
    }

    /** Validates and builds; throws {@link ValidationException} naming every problem. */
    public Network build() {
        List<String> problems = new ArrayList<>();
        if (inputCode == null || inputs < 1) {
            problems.add("network '" + name + "': inputs " + inputs + " must be >= 1; call inputs(count, code)");
        }
        for (PendingLayer layer : layers) {
            if (layer.neurons() < 1) {
                problems.add("layer '" + layer.name() + "': neurons " + layer.neurons() + " must be >= 1");
            }
            if (layer.neuron() == null) {
                problems.add("layer '" + layer.name() + "': neuron model is missing; use Neuron.integrateAndFire() or Neuron.counter()");
            }
            if (layer.synapse() == null) {
                problems.add("layer '" + layer.name() + "': synapse kind is missing; use Synapse.AND or Synapse.XNOR");
            }
        }
        // The plan draws masks of weightBits bits and LFSR seeds below 2^width: out-of-range values
        // must be refused here, before they reach the drawing (where they would hang or divide by 0).
        if (weightBits < 1 || weightBits > Code.MAX_BITS) {
            problems.add("network '" + name + "': weight bits " + weightBits + " must be between 1 and " + Code.MAX_BITS);
        }
        if (sourcePlan == null) {
            problems.add("network '" + name + "': source plan is missing; use SourcePlan.lowDiscrepancy()");
        } else if (sourcePlan instanceof SourcePlan.Lfsrs l
                && (l.width() < LfsrTaps.MIN_WIDTH || l.width() > LfsrTaps.MAX_WIDTH)) {
            problems.add("network '" + name + "': LFSR source plan width " + l.width() + " must be between "
                    + LfsrTaps.MIN_WIDTH + " and " + LfsrTaps.MAX_WIDTH);
        }
        for (PendingImage pending : images) {
            String at = "layer '" + pending.name() + "': ";
            if (pending instanceof PendingConv conv) {
                if (conv.channels() < 1 || conv.kernel() < 1 || conv.stride() < 1 || conv.padding() < 0
                        || conv.padding() >= conv.kernel()) {
                    problems.add(at + "channels " + conv.channels() + ", kernel " + conv.kernel() + ", stride "
                            + conv.stride() + ", padding " + conv.padding() + ": channels, kernel and stride must be >= 1,"
                            + " the padding between 0 and kernel - 1");
                }
                if (!(conv.neuron() instanceof NeuronModel.IntegrateAndFire)) {
                    problems.add(at + "a conv layer's neurons spike: use Neuron.integrateAndFire(threshold)");
                }
            } else if (pending instanceof PendingPool pool && (pool.window() < 1 || pool.stride() < 1)) {
                problems.add(at + "window " + pool.window() + ", stride " + pool.stride() + ": both must be >= 1");
            }
        }
        if (!images.isEmpty() && image == null) {
            problems.add("network '" + name + "': conv and pool layers read an image; call image(height, width,"
                    + " channels, code) instead of inputs(count, code)");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<SourcePlan.LayerShape> shapes = new ArrayList<>();
        List<ImageLayer> imageLayers = new ArrayList<>();
        ImageShape in = image;
        for (PendingImage pending : images) {
            ImageLayer layer;
            if (pending instanceof PendingConv conv) {
                if (in.height() + 2L * conv.padding() < conv.kernel() || in.width() + 2L * conv.padding() < conv.kernel()) {
                    throw new ValidationException(List.of("layer '" + conv.name() + "': the " + conv.kernel() + "x"
                            + conv.kernel() + " kernel does not fit the " + in + " image with padding " + conv.padding()));
                }
                // the shape the plan draws masks for is the kernel's: K neurons over Q taps (one stream per channel and tap)
                ConvLayer shape = new ConvLayer(new DenseLayer(conv.name(), conv.channels(), conv.neuron(),
                        IntMatrix.zeros(0, 0), List.of(), null), in, conv.kernel(), conv.kernel(), conv.stride(),
                        conv.padding());
                shapes.add(new SourcePlan.LayerShape(conv.name(), conv.channels(), Math.max(0, shape.taps())));
                layer = shape;
            } else {
                PendingPool pool = (PendingPool) pending;
                if (pool.window() > Math.min(in.height(), in.width())) {
                    throw new ValidationException(List.of("layer '" + pool.name() + "': the " + pool.window() + "x"
                            + pool.window() + " window does not fit the " + in + " image"));
                }
                layer = new PoolLayer(pool.name(), in, pool.window(), pool.stride());
            }
            imageLayers.add(layer);
            in = layer.output();
        }
        int convCount = shapes.size();
        int fanIn = imageLayers.isEmpty() ? inputs : (int) Math.max(0, in.count());
        for (PendingLayer layer : layers) {
            shapes.add(new SourcePlan.LayerShape(layer.name(), layer.neurons(), fanIn));
            fanIn = layer.neurons();
        }
        SourcePlan.Assignment assignment = sourcePlan.assign(inputs, inputCode.magnitudeBits(), weightBits, shapes);
        List<ImageLayer> builtImages = new ArrayList<>();
        int weighted = 0;
        for (ImageLayer layer : imageLayers) {
            if (layer instanceof ConvLayer conv) {
                SourcePlan.LayerShape shape = shapes.get(weighted);
                builtImages.add(conv.withKernel(new DenseLayer(conv.name(), shape.neurons(), conv.kernel().neuron(),
                        IntMatrix.zeros(shape.neurons(), shape.fanIn()), Collections.nCopies(shape.neurons(), 0),
                        assignment.weightPlans().get(weighted), Synapse.AND)));
                weighted++;
            } else {
                builtImages.add(layer);
            }
        }
        List<DenseLayer> built = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            PendingLayer layer = layers.get(l);
            SourcePlan.LayerShape shape = shapes.get(convCount + l);
            built.add(new DenseLayer(layer.name(), layer.neurons(), layer.neuron(),
                    IntMatrix.zeros(layer.neurons(), shape.fanIn()),
                    Collections.nCopies(layer.neurons(), 0), assignment.weightPlans().get(convCount + l), layer.synapse(),
                    java.util.Optional.ofNullable(layer.learning())));
        }
        return new Network(name, inputs, inputCode, weightBits, length, withLearningSources(assignment.sources()),
                assignment.inputPlan(),
                builtImages, built);
    }
}
