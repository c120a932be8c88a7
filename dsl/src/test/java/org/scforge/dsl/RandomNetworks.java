package org.scforge.dsl;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * jqwik generators of valid random networks: random input count, code width and signedness, weight
 * bits, L, one to three layers of random sizes, integrate-and-fire parameters, synapse kinds (about a
 * third of the layers xnor), source plans (low discrepancy or LFSR, random widths and seeds, wide
 * enough for the xnor offset codes) and random weights within range. Published in the
 * dsl test jar so that the simulator, generator and co-simulation tests draw from the same space.
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
}
