package org.scforge.sim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.scforge.dsl.Code;
import org.scforge.dsl.Network;
import org.scforge.dsl.NetworkBuilder;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.SourcePlan;
import org.scforge.dsl.SplitMix64;
import org.scforge.dsl.Synapse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast batch engine equals the trace path (ReferenceSimulator) on random networks (and and xnor layers) and
 * inputs, on every kernel this JVM can run: the scalar one always, the vector one on JDK 21 or later with the
 * incubator module (the Maven build adds it there, and {@link KernelsTest} fails if the kernel is missing).
 */
class FastPathProperties {

    @Property(tries = 150)
    void fastPathEqualsTracePath(@ForAll @IntRange(min = 1, max = 200) int inputs,
                                 @ForAll @IntRange(min = 0, max = 2) int hiddenLayers,
                                 @ForAll @IntRange(min = 1, max = 150) int hiddenNeurons,
                                 @ForAll @IntRange(min = 1, max = 12) int classes,
                                 @ForAll boolean signedInputs,
                                 @ForAll @IntRange(min = 1, max = 10) int inputBits,
                                 @ForAll @IntRange(min = 1, max = 10) int weightBits,
                                 @ForAll @IntRange(min = 1, max = 600) int length,
                                 @ForAll boolean lfsrPlan,
                                 @ForAll long seed) {
        SplitMix64 random = new SplitMix64(seed);
        // about a third of the layers xnor; their sources need one bit more (docs/semantics.md section 5.2)
        Synapse[] synapses = new Synapse[hiddenLayers + 1];
        for (int l = 0; l < synapses.length; l++) {
            synapses[l] = random.nextBelow(3) == 0 ? Synapse.XNOR : Synapse.AND;
        }
        int need = Math.max(2, Math.max(signedInputs ? synapses[0].comparedBits(inputBits) : inputBits,
                Arrays.stream(synapses).mapToInt(s -> s.comparedBits(weightBits)).max().orElseThrow()));
        int width = need + (int) random.nextBelow(18 - need);
        NetworkBuilder builder = Network.named("random")
                .inputs(inputs, signedInputs ? Code.signMagnitude(inputBits) : Code.unsigned(inputBits))
                .weights(weightBits)
                .bitstream(length)
                .sources(lfsrPlan ? SourcePlan.lfsr(width, seed) : SourcePlan.lowDiscrepancy(width, seed));
        for (int l = 0; l < hiddenLayers; l++) {
            int neurons = l == 0 ? hiddenNeurons : 1 + (int) random.nextBelow(150);
            int threshold = 1 + (int) random.nextBelow(40);
            NeuronModel.IntegrateAndFire neuron = new NeuronModel.IntegrateAndFire(threshold,
                    -(int) random.nextBelow(50), (int) random.nextBelow(50), (int) random.nextBelow(5));
            builder.dense("hidden" + l, neurons, neuron, synapses[l]);
        }
        Network network = RandomWeights.uniform(builder.dense("out", classes, Neuron.counter(), synapses[hiddenLayers])
                .build(), random, 4);
        Code code = network.inputCode();
        int[][] frames = new int[3][inputs];
        for (int[] frame : frames) {
            for (int i = 0; i < inputs; i++) {
                frame[i] = code.minValue() + (int) random.nextBelow(code.maxMagnitude() - code.minValue() + 1);
            }
        }
        FrameCounts[] expected = new FrameCounts[frames.length];
        for (int f = 0; f < frames.length; f++) {
            expected[f] = countsOf(GoldenModel.of(network, ScalarKernel.INSTANCE).trace(frames[f]));
        }
        for (BatchKernel kernel : kernels()) {
            GoldenModel model = GoldenModel.of(network, kernel);
            FrameCounts[] all = model.runAll(frames);
            for (int f = 0; f < frames.length; f++) {
                FrameCounts fast = model.run(frames[f]);
                assertThat(fast.layerCounts()).as(kernel.name()).isDeepEqualTo(expected[f].layerCounts());
                assertThat(fast.predictedClass()).as(kernel.name()).isEqualTo(expected[f].predictedClass());
                assertThat(all[f].layerCounts()).as(kernel.name()).isDeepEqualTo(expected[f].layerCounts());
                assertThat(model.predict(frames[f])).as(kernel.name()).isEqualTo(expected[f].predictedClass());
            }
        }
    }

    /**
     * Fan-in of 8 to 17 words: at and past a vector of words per neuron the vector kernel runs along each
     * neuron's words instead of gathering (VectorKernel.andSumsContiguous), with a scalar tail.
     */
    @Property(tries = 25)
    void wideLayersEqualTheTracePath(@ForAll @IntRange(min = 448, max = 1100) int inputs,
                                     @ForAll @IntRange(min = 1, max = 40) int hidden,
                                     @ForAll boolean signedInputs,
                                     @ForAll @IntRange(min = 1, max = 80) int length,
                                     @ForAll long seed) {
        SplitMix64 random = new SplitMix64(seed);
        Network network = RandomWeights.uniform(Network.named("wide")
                .inputs(inputs, signedInputs ? Code.signMagnitude(4) : Code.unsigned(4)).weights(4).bitstream(length)
                .sources(SourcePlan.lowDiscrepancy(10, seed))
                .dense("hidden", hidden, new NeuronModel.IntegrateAndFire(1 + (int) random.nextBelow(8), -5, 5, 0))
                .dense("out", 3, Neuron.counter()).build(), random, 4);
        Code code = network.inputCode();
        int[] frame = new int[inputs];
        for (int i = 0; i < inputs; i++) {
            frame[i] = code.minValue() + (int) random.nextBelow(code.maxMagnitude() - code.minValue() + 1);
        }
        FrameCounts expected = countsOf(GoldenModel.of(network, ScalarKernel.INSTANCE).trace(frame));
        for (BatchKernel kernel : kernels()) {
            assertThat(GoldenModel.of(network, kernel).run(frame).layerCounts()).as(kernel.name())
                    .isDeepEqualTo(expected.layerCounts());
        }
    }

    /** The scalar kernel and, where this JVM runs it, the vector kernel. */
    static List<BatchKernel> kernels() {
        List<BatchKernel> kernels = new ArrayList<>(List.of(ScalarKernel.INSTANCE));
        Kernels.vector().ifPresent(kernels::add);
        return kernels;
    }

    /** The counts a trace implies: spikes summed over the frame, the readout's final counts. */
    static FrameCounts countsOf(Trace trace) {
        int[][] counts = new int[trace.layers().size()][];
        for (int l = 0; l < counts.length; l++) {
            int[][] spikes = trace.layers().get(l).spikes();
            counts[l] = new int[spikes[0].length];
            for (int[] step : spikes) {
                for (int j = 0; j < step.length; j++) {
                    counts[l][j] += step[j];
                }
            }
        }
        counts[counts.length - 1] = trace.readoutCounts().clone();
        return new FrameCounts(counts, trace.predictedClass());
    }
}
