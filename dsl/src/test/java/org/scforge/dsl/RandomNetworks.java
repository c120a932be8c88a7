package org.scforge.dsl;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random valid networks of every module's tests, published in the dsl test jar so that the simulator,
 * generator and co-simulation tests draw from the same space: jqwik generators ({@link #networks()}:
 * random input count, code width and signedness, weight bits, L, one to three layers of random sizes,
 * integrate-and-fire parameters, synapse kinds (about a third of the layers xnor), source plans (low
 * discrepancy or LFSR, random widths and seeds, wide enough for the xnor offset codes) and random weights
 * within range), and one small network per seed ({@link #seeded}) for properties that build RTL.
 */
public final class RandomNetworks {

    private RandomNetworks() {
    }

    /** The shape of a network before weights: everything the builder takes. */
    public record Shape(int inputs, Code code, int weightBits, int length, SourcePlan plan,
                        List<NeuronModel> layers, List<Integer> sizes, List<Synapse> synapses) {

        public Network build() {
            NetworkBuilder builder = Network.named("net").inputs(inputs, code).weights(weightBits).bitstream(length)
                    .sources(plan);
            for (int l = 0; l < layers.size(); l++) {
                builder.dense(l == layers.size() - 1 ? "out" : "h" + l, sizes.get(l), layers.get(l), synapses.get(l));
            }
            return builder.build();
        }
    }

    /** Valid random networks with random weights and biases. */
    public static Arbitrary<Network> networks() {
        return shapes().map(Shape::build).flatMap(RandomNetworks::withRandomWeights);
    }

    /** Valid random networks with random test frames and info. */
    public static Arbitrary<ModelDocument> documents() {
        return networks().flatMap(net -> Combinators.combine(
                        testFrames(net).optional(0.7),
                        Arbitraries.maps(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8),
                                infoValues()).ofMaxSize(4))
                .as((frames, info) -> new ModelDocument(net, frames, info)));
    }

    /** Free text as it may appear in info, including brackets, commas and runs of spaces around digits. */
    static Arbitrary<String> infoValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().withChars("[], -0123456789\"\\\n\t").ofMaxLength(20));
    }

    public static Arbitrary<Shape> shapes() {
        Arbitrary<Code> codes = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(1, 8))
                .as(Code::new);
        Arbitrary<Integer> weightBits = Arbitraries.integers().between(1, 8);
        return Combinators.combine(Arbitraries.integers().between(1, 8), codes, weightBits,
                        Arbitraries.integers().between(1, 48), Arbitraries.integers().between(1, 3),
                        Arbitraries.longs(), Arbitraries.of(true, false), Arbitraries.integers().between(0, 8))
                .flatAs((inputs, code, wb, length, depth, seed, lfsr, extraWidth) -> Combinators.combine(
                                integrateAndFire().list().ofSize(depth - 1),
                                Arbitraries.integers().between(1, 6).list().ofSize(depth),
                                synapses().list().ofSize(depth))
                        .as((hidden, sizes, synapses) -> {
                            List<NeuronModel> neurons = new ArrayList<>(hidden);
                            neurons.add(Neuron.counter());
                            int width = Math.min(lfsr ? 20 : SobolDirections.MAX_WIDTH,
                                    sourceBits(code, wb, synapses) + extraWidth);
                            SourcePlan plan = lfsr ? SourcePlan.lfsr(width, seed) : SourcePlan.lowDiscrepancy(width, seed);
                            return new Shape(inputs, code, wb, length, plan, neurons, sizes, synapses);
                        }))
                // The product of every part's edge cases outnumbers any sensible number of tries (and
                // jqwik logs that for every property); shrinking still finds a small failing network.
                .withoutEdgeCases();
    }

    /** Synapse kinds, about one layer in three {@link Synapse#XNOR}. */
    public static Arbitrary<Synapse> synapses() {
        return Arbitraries.frequency(Tuple.of(2, Synapse.AND), Tuple.of(1, Synapse.XNOR));
    }

    /**
     * The narrowest width every source of a one-width plan may have: wide enough for the input codes, the
     * weight codes, and the one bit wider offset codes of xnor layers (docs/semantics.md, section 5.2).
     */
    public static int sourceBits(Code code, int weightBits, List<Synapse> synapses) {
        int weights = synapses.stream().mapToInt(s -> s.comparedBits(weightBits)).max().orElse(weightBits);
        int inputs = code.signed() ? synapses.get(0).comparedBits(code.magnitudeBits()) : code.magnitudeBits();
        return Math.max(Math.max(inputs, weights), LfsrTaps.MIN_WIDTH);
    }

    /** Integrate-and-fire neurons with random threshold, floor, ceiling and leak. */
    public static Arbitrary<NeuronModel> integrateAndFire() {
        return Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.integers().between(-12, 0),
                        Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 3))
                .as(NeuronModel.IntegrateAndFire::new);
    }

    /** {@code net} with every weight and bias drawn uniformly from the codes sm{@code weightBits} holds. */
    public static Arbitrary<Network> withRandomWeights(Network net) {
        int max = net.weightCode().maxMagnitude();
        List<Arbitrary<DenseLayer>> layers = new ArrayList<>();
        for (DenseLayer layer : net.layers()) {
            layers.add(Arbitraries.integers().between(-max, max).array(int[].class)
                    .ofSize(layer.neurons() * (layer.fanIn() + 1))
                    .map(values -> {
                        int[][] rows = new int[layer.neurons()][layer.fanIn()];
                        List<Integer> bias = new ArrayList<>();
                        for (int j = 0; j < layer.neurons(); j++) {
                            System.arraycopy(values, j * (layer.fanIn() + 1), rows[j], 0, layer.fanIn());
                            bias.add(values[j * (layer.fanIn() + 1) + layer.fanIn()]);
                        }
                        return layer.withWeights(IntMatrix.of(rows), bias);
                    }));
        }
        return Combinators.combine(layers).as(net::withLayers);
    }

    /** Up to five frames of codes the network accepts, each with a label (-1 or a class). */
    public static Arbitrary<TestFrames> testFrames(Network net) {
        Code code = net.inputCode();
        Arbitrary<List<Integer>> frame = Arbitraries.integers().between(code.minValue(), code.maxMagnitude()).list()
                .ofSize(net.inputs());
        return Arbitraries.integers().between(0, 5).flatMap(count -> Combinators.combine(
                        frame.list().ofSize(count),
                        Arbitraries.integers().between(-1, net.classes() - 1).list().ofSize(count))
                .as(TestFrames::new));
    }

    /** A random frame of input codes for {@code net}. */
    public static Arbitrary<int[]> frames(Network net) {
        Code code = net.inputCode();
        return Arbitraries.integers().between(code.minValue(), code.maxMagnitude()).array(int[].class)
                .ofSize(net.inputs());
    }

    /**
     * One small random network per seed, for properties that build RTL from it (a few inputs and neurons,
     * L below 40): sizes, code widths and signedness, source kinds (lfsr, vdc, sobol, one of them sometimes
     * shared by two layers), random masks, neuron parameters including leak, synapse kinds (about a third of
     * the layers xnor) and weights. The same seed gives the same network.
     */
    public static Network seeded(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int inputs = r.nextInt(1, 6);
        Code code = r.nextBoolean() ? Code.signMagnitude(r.nextInt(1, 5)) : Code.unsigned(r.nextInt(1, 5));
        int weightBits = r.nextInt(1, 5);
        int length = r.nextInt(1, 40);
        int hiddenLayers = r.nextInt(0, 3);
        List<Synapse> synapses = new ArrayList<>();
        for (int l = 0; l <= hiddenLayers; l++) {
            synapses.add(r.nextInt(3) == 0 ? Synapse.XNOR : Synapse.AND);
        }
        // xnor layers compare one bit more (docs/semantics.md section 5.2): every source is wide enough for all
        int widest = Math.max(code.signed() ? synapses.get(0).comparedBits(code.magnitudeBits()) : code.magnitudeBits(),
                synapses.contains(Synapse.XNOR) ? weightBits + 1 : weightBits);
        List<Source> sources = new ArrayList<>();
        sources.add(source(r, "src_in", widest));
        int fanIn = inputs;
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l <= hiddenLayers; l++) {
            boolean readout = l == hiddenLayers;
            String name = readout ? "out" : "h" + l;
            String sourceName;
            if (l > 0 && r.nextInt(4) == 0) {
                sourceName = sources.get(sources.size() - 1).name(); // shared with the previous layer
            } else {
                sourceName = "src_" + name;
                sources.add(source(r, sourceName, widest));
            }
            int neurons = r.nextInt(1, 5);
            NeuronModel neuron = readout ? Neuron.counter() : randomIntegrateAndFire(r);
            layers.add(randomDense(r, name, neurons, neuron, fanIn, sourceName, weightBits, synapses.get(l)));
            fanIn = neurons;
        }
        return new Network("rnd" + Long.toHexString(seed & 0xffff), inputs, code, weightBits, length, sources,
                new InputPlan("src_in", masks(r, inputs, code.magnitudeBits())), layers);
    }

    /** A dense layer (or a conv kernel of {@code fanIn} taps) with random weights, biases and masks. */
    private static DenseLayer randomDense(SplittableRandom r, String name, int neurons, NeuronModel neuron, int fanIn,
                                          String sourceName, int weightBits, Synapse synapse) {
        int max = (1 << weightBits) - 1;
        int[][] weights = new int[neurons][fanIn];
        List<Integer> bias = new ArrayList<>();
        for (int j = 0; j < neurons; j++) {
            for (int i = 0; i < fanIn; i++) {
                weights[j][i] = r.nextInt(-max, max + 1);
            }
            bias.add(r.nextInt(-max, max + 1));
        }
        return new DenseLayer(name, neurons, neuron, IntMatrix.of(weights), bias,
                new WeightPlan(sourceName, masks(r, neurons, weightBits), masks(r, fanIn + 1, weightBits)), synapse);
    }

    private static NeuronModel.IntegrateAndFire randomIntegrateAndFire(SplittableRandom r) {
        return new NeuronModel.IntegrateAndFire(r.nextInt(1, 7), -r.nextInt(0, 7), r.nextInt(0, 7), r.nextInt(0, 4));
    }

    /**
     * One small conv network per seed, for properties that build RTL (docs/semantics.md section 11): a random image
     * (2..6 x 2..6, 1 or 2 channels, signed or unsigned codes), one or two conv layers (1..3 channels, kernel,
     * stride 1..2, padding below the kernel), each perhaps followed by an OR pool, perhaps a dense hidden layer, a
     * readout; random weights, masks and sources (one per layer, sometimes shared with the layer before).
     */
    public static Network convSeeded(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0xc0_4e_7L);
        int height = r.nextInt(2, 7);
        int width = r.nextInt(2, 7);
        int channels = r.nextInt(1, 3);
        Code code = r.nextBoolean() ? Code.signMagnitude(r.nextInt(1, 5)) : Code.unsigned(r.nextInt(1, 5));
        int weightBits = r.nextInt(1, 5);
        int length = r.nextInt(1, 24);
        int widest = Math.max(code.magnitudeBits(), weightBits);
        List<Source> sources = new ArrayList<>();
        sources.add(source(r, "src_in", widest));
        ImageShape image = new ImageShape(height, width, channels);
        List<ImageLayer> imageLayers = new ArrayList<>();
        int convs = r.nextInt(1, 3);
        for (int l = 0; l < convs; l++) {
            String name = "conv" + l;
            String sourceName = l > 0 && r.nextInt(4) == 0 ? sources.get(sources.size() - 1).name() : "src_" + name;
            if (!sourceName.equals(sources.get(sources.size() - 1).name())) {
                sources.add(source(r, sourceName, widest));
            }
            int kernel = r.nextInt(1, Math.min(3, Math.min(image.height(), image.width())) + 1);
            int taps = kernel * kernel * image.channels();
            ConvLayer conv = new ConvLayer(randomDense(r, name, r.nextInt(1, 4), randomIntegrateAndFire(r), taps,
                    sourceName, weightBits, Synapse.AND), image, kernel, kernel, r.nextInt(1, 3), r.nextInt(0, kernel));
            imageLayers.add(conv);
            image = conv.output();
            if (r.nextInt(3) == 0) {
                PoolLayer pool = new PoolLayer("pool" + l, image,
                        r.nextInt(1, Math.min(2, Math.min(image.height(), image.width())) + 1), r.nextInt(1, 3));
                imageLayers.add(pool);
                image = pool.output();
            }
        }
        List<DenseLayer> layers = new ArrayList<>();
        int fanIn = (int) image.count();
        if (r.nextBoolean()) {
            sources.add(source(r, "src_hidden", widest));
            layers.add(randomDense(r, "hidden", r.nextInt(1, 5), randomIntegrateAndFire(r), fanIn, "src_hidden",
                    weightBits, Synapse.AND));
            fanIn = layers.get(0).neurons();
        }
        sources.add(source(r, "src_out", widest));
        layers.add(randomDense(r, "out", r.nextInt(1, 5), Neuron.counter(), fanIn, "src_out", weightBits, Synapse.AND));
        int inputs = height * width * channels;
        return new Network("conv" + Long.toHexString(seed & 0xffff), inputs, code, weightBits, length, sources,
                new InputPlan("src_in", masks(r, inputs, code.magnitudeBits())), imageLayers, layers);
    }

    /**
     * One small random learning network per seed (docs/semantics.md section 12): 1 to 5 inputs (signed or
     * unsigned), one or two hidden {@code if} layers of and synapses, each learning with probability 3/4 by a
     * random rule (window, probabilities of 1 to 4 bits, step, bounds, winner-take-all or not) on a learning source
     * of its own, weights drawn within the rule's bounds, low thresholds so that neurons spike, then a readout.
     * The same seed gives the same network.
     */
    public static Network learningSeeded(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x57d9L);
        int inputs = r.nextInt(1, 6);
        Code code = r.nextBoolean() ? Code.signMagnitude(r.nextInt(1, 4)) : Code.unsigned(r.nextInt(1, 4));
        int weightBits = r.nextInt(1, 4);
        int length = r.nextInt(1, 40);
        int hidden = r.nextInt(1, 3);
        int widest = Math.max(code.magnitudeBits(), weightBits);
        List<Source> sources = new ArrayList<>();
        sources.add(source(r, "src_in", widest));
        List<DenseLayer> layers = new ArrayList<>();
        int fanIn = inputs;
        int max = (1 << weightBits) - 1;
        for (int l = 0; l <= hidden; l++) {
            boolean readout = l == hidden;
            String name = readout ? "out" : "h" + l;
            sources.add(source(r, "src_" + name, widest));
            int neurons = r.nextInt(1, 5);
            NeuronModel neuron = readout ? Neuron.counter()
                    : new NeuronModel.IntegrateAndFire(r.nextInt(1, 4), -r.nextInt(0, 5), r.nextInt(0, 4), r.nextInt(0, 3));
            DenseLayer layer = randomDense(r, name, neurons, neuron, fanIn, "src_" + name, weightBits, Synapse.AND);
            if (!readout && r.nextInt(4) != 0) {
                int kp = r.nextInt(1, 5);
                int min = r.nextInt(-max, max + 1);
                int top = r.nextInt(min, max + 1);
                Stdp rule = Stdp.stochastic("learn_" + name, r.nextInt(1, 6), kp, r.nextInt(0, 1 << kp),
                        r.nextInt(0, 1 << kp), r.nextInt(1, Math.min(3, 2 * max) + 1), min, top).withWta(r.nextBoolean());
                sources.add(source(r, "learn_" + name, kp));
                int[][] weights = new int[neurons][fanIn];
                for (int j = 0; j < neurons; j++) {
                    for (int i = 0; i < fanIn; i++) {
                        weights[j][i] = r.nextInt(min, top + 1);
                    }
                }
                layer = layer.withWeights(IntMatrix.of(weights), layer.bias()).withLearning(rule);
            }
            layers.add(layer);
            fanIn = neurons;
        }
        return new Network("learn" + Long.toHexString(seed & 0xffff), inputs, code, weightBits, length, sources,
                new InputPlan("src_in", masks(r, inputs, code.magnitudeBits())), layers);
    }

    /**
     * {@link #learningSeeded} with an adaptive threshold (docs/semantics.md section 12.5) on every learning rule:
     * a random step, decay period and limit, and, for every other seed, random learned offsets already stored,
     * as a model file of a learned network holds them.
     */
    public static Network adaptiveSeeded(long seed) {
        Network network = learningSeeded(seed);
        SplittableRandom r = new SplittableRandom(seed ^ 0x4d0e05L);
        boolean stored = r.nextBoolean();
        return network.withLayers(network.layers().stream().map(l -> l.learning().map(rule -> {
            int limit = r.nextInt(1, 9);
            Stdp.Homeostasis h = Stdp.Homeostasis.of(r.nextInt(1, limit + 1), r.nextInt(1, 4), limit);
            if (stored) {
                h = h.withOffsets(java.util.stream.IntStream.range(0, l.neurons()).map(j -> r.nextInt(0, limit + 1))
                        .boxed().toList());
            }
            return l.withLearning(rule.withHomeostasis(h));
        }).orElse(l)).toList());
    }

    /** {@code network} with winner-take-all and homeostasis removed from every rule: learning off, the plain network. */
    public static Network withoutInhibition(Network network) {
        return network.withLayers(network.layers().stream().map(l -> l.learning()
                .map(rule -> l.withLearning(rule.withWta(false).withHomeostasis(null))).orElse(l)).toList());
    }

    /** {@code network} with every learning rule removed: the plain network of the same weights. */
    public static Network withoutLearning(Network network) {
        return network.withLayers(network.layers().stream().map(l -> l.withLearning(null)).toList());
    }

    private static Source source(SplittableRandom r, String name, int minWidth) {
        int width = minWidth + r.nextInt(0, 4);
        switch (r.nextInt(3)) {
            case 0:
                int w = Math.max(width, LfsrTaps.MIN_WIDTH);
                return Source.Lfsr.maximal(name, w, r.nextLong(1, 1L << w));
            case 1:
                return new Source.VanDerCorput(name, width);
            default:
                return new Source.Sobol(name, width, r.nextInt(1, 8));
        }
    }

    private static List<Integer> masks(SplittableRandom r, int count, int bits) {
        List<Integer> masks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            masks.add(r.nextInt(0, 1 << bits));
        }
        return masks;
    }
}
