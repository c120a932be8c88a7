package org.scforge.dsl;

import java.util.ArrayList;
import java.util.List;

/**
 * A stated decorrelation plan: which sources exist and which source and XOR mask every SNG reads. The
 * plan is part of the model (written into the model file), never a random draw at run time; the masks
 * come from a seeded SplitMix64 so that the same plan and seed always give the same masks.
 *
 * <p>Inputs read one source; every layer's weights read a source of their own, so that no weight stream
 * is correlated with the stream it multiplies.
 */
public sealed interface SourcePlan permits SourcePlan.LowDiscrepancy, SourcePlan.Lfsrs {

    /** Sources, the input plan and one weight plan per layer for the given shape. */
    Assignment assign(int inputs, int inputBits, int weightBits, List<LayerShape> layers);

    record LayerShape(String name, int neurons, int fanIn) {
    }

    record Assignment(List<Source> sources, InputPlan inputPlan, List<WeightPlan> weightPlans) {
    }

    /**
     * The default: Sobol dimension 1 for the inputs and dimension {@code l + 2} for the weights of layer
     * {@code l}, each SNG digitally shifted by its masks. A digital shift keeps every pair (input,
     * weight) a low-discrepancy pair, so products are accurate even at short L.
     */
    static SourcePlan lowDiscrepancy() {
        return new LowDiscrepancy(16, 1);
    }

    static SourcePlan lowDiscrepancy(int width, long seed) {
        return new LowDiscrepancy(width, seed);
    }

    /** Maximal-length LFSRs of {@code width} bits, one for the inputs and one per layer, with seeded states and masks. */
    static SourcePlan lfsr(int width) {
        return new Lfsrs(width, 1);
    }

    static SourcePlan lfsr(int width, long seed) {
        return new Lfsrs(width, seed);
    }

    record LowDiscrepancy(int width, long seed) implements SourcePlan {
        @Override
        public Assignment assign(int inputs, int inputBits, int weightBits, List<LayerShape> layers) {
            List<Source> sources = new ArrayList<>();
            sources.add(new Source.Sobol("src_in", width, 1));
            for (int l = 0; l < layers.size(); l++) {
                sources.add(new Source.Sobol("src_" + layers.get(l).name(), width, l + 2));
            }
            return Masks.assign(sources, seed, inputs, inputBits, weightBits, layers);
        }
    }

    record Lfsrs(int width, long seed) implements SourcePlan {
        @Override
        public Assignment assign(int inputs, int inputBits, int weightBits, List<LayerShape> layers) {
            SplitMix64 random = new SplitMix64(seed ^ 0x5eedL);
            long period = (1L << width) - 1;
            List<Source> sources = new ArrayList<>();
            sources.add(Source.Lfsr.maximal("src_in", width, 1 + random.nextBelow(period)));
            for (LayerShape layer : layers) {
                sources.add(Source.Lfsr.maximal("src_" + layer.name(), width, 1 + random.nextBelow(period)));
            }
            return Masks.assign(sources, seed, inputs, inputBits, weightBits, layers);
        }
    }

    /** Draws the masks of a plan whose first source feeds the inputs and whose source l+1 feeds layer l. */
    final class Masks {
        private Masks() {
        }

        static Assignment assign(List<Source> sources, long seed, int inputs, int inputBits, int weightBits,
                                 List<LayerShape> layers) {
            SplitMix64 random = new SplitMix64(seed);
            InputPlan inputPlan = new InputPlan(sources.get(0).name(), random.masks(inputs, inputBits));
            List<WeightPlan> plans = new ArrayList<>();
            for (int l = 0; l < layers.size(); l++) {
                LayerShape layer = layers.get(l);
                plans.add(new WeightPlan(sources.get(l + 1).name(), random.masks(layer.neurons(), weightBits),
                        random.masks(layer.fanIn() + 1, weightBits)));
            }
            return new Assignment(List.copyOf(sources), inputPlan, List.copyOf(plans));
        }
    }
}
