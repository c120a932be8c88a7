package org.scforge.sim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.scforge.dsl.Code;
import org.scforge.dsl.ConvLayer;
import org.scforge.dsl.ImageShape;
import org.scforge.dsl.Network;
import org.scforge.dsl.NetworkBuilder;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.SourcePlan;
import org.scforge.dsl.SplitMix64;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conv and pool layers in the golden model (docs/semantics.md section 11): the batch engine, which runs
 * each as the dense layer it equals, matches the trace path, which reads every tap of every position, on
 * random networks of them; and a kernel as large as the image is exactly a dense layer.
 */
class ConvPathProperties {

    @Property(tries = 120)
    void batchPathEqualsTracePathOnConvNetworks(@ForAll @IntRange(min = 1, max = 9) int height,
                                               @ForAll @IntRange(min = 1, max = 9) int width,
                                               @ForAll @IntRange(min = 1, max = 3) int channels,
                                               @ForAll @IntRange(min = 1, max = 2) int convLayers,
                                               @ForAll boolean hiddenDense,
                                               @ForAll boolean signedInputs,
                                               @ForAll @IntRange(min = 1, max = 8) int inputBits,
                                               @ForAll @IntRange(min = 1, max = 8) int weightBits,
                                               @ForAll @IntRange(min = 1, max = 300) int length,
                                               @ForAll boolean lfsrPlan,
                                               @ForAll long seed) {
        SplitMix64 random = new SplitMix64(seed);
        int sourceWidth = Math.max(2, Math.max(inputBits, weightBits)) + (int) random.nextBelow(6);
        NetworkBuilder builder = Network.named("convs")
                .image(height, width, channels, signedInputs ? Code.signMagnitude(inputBits) : Code.unsigned(inputBits))
                .weights(weightBits)
                .bitstream(length)
                .sources(lfsrPlan ? SourcePlan.lfsr(sourceWidth, seed) : SourcePlan.lowDiscrepancy(sourceWidth, seed));
        int h = height;
        int w = width;
        for (int l = 0; l < convLayers; l++) {
            int kernel = 1 + (int) random.nextBelow(Math.min(4, Math.min(h, w)));
            int padding = (int) random.nextBelow(kernel);
            int stride = 1 + (int) random.nextBelow(3);
            int outChannels = 1 + (int) random.nextBelow(4);
            builder.conv("conv" + l, outChannels, kernel, stride, padding, neuron(random));
            h = Math.floorDiv(h + 2 * padding - kernel, stride) + 1;
            w = Math.floorDiv(w + 2 * padding - kernel, stride) + 1;
            if (random.nextBelow(2) == 0) {
                int window = 1 + (int) random.nextBelow(Math.min(3, Math.min(h, w)));
                int poolStride = 1 + (int) random.nextBelow(2);
                builder.pool("pool" + l, window, poolStride);
                h = Math.floorDiv(h - window, poolStride) + 1;
                w = Math.floorDiv(w - window, poolStride) + 1;
            }
        }
        if (hiddenDense) {
            builder.dense("hidden", 1 + (int) random.nextBelow(20), neuron(random));
        }
        Network network = RandomWeights.uniform(builder.dense("out", 1 + (int) random.nextBelow(6), Neuron.counter())
                .build(), random, 4);
        Code code = network.inputCode();
        for (int f = 0; f < 2; f++) {
            int[] frame = new int[network.inputs()];
            for (int i = 0; i < frame.length; i++) {
                frame[i] = code.minValue() + (int) random.nextBelow(code.maxMagnitude() - code.minValue() + 1);
            }
            FrameCounts expected = FastPathProperties.countsOf(GoldenModel.of(network, ScalarKernel.INSTANCE).trace(frame));
            for (BatchKernel kernel : FastPathProperties.kernels()) {
                FrameCounts fast = GoldenModel.of(network, kernel).run(frame);
                assertThat(fast.layerCounts()).as(kernel.name() + " " + network.summary()).isDeepEqualTo(expected.layerCounts());
                assertThat(fast.predictedClass()).as(kernel.name()).isEqualTo(expected.predictedClass());
            }
        }
    }

    /**
     * A conv layer whose kernel covers the whole image (stride 1, no padding) has one position, whose
     * tap {@code q} is pixel {@code q}: it is the dense layer with the kernel's weights, biases and
     * masks, step for step. This holds the conv indexing against the dense path, which shares none of it.
     */
    @Property(tries = 60)
    void aKernelAsLargeAsTheImageIsADenseLayer(@ForAll @IntRange(min = 1, max = 6) int height,
                                               @ForAll @IntRange(min = 1, max = 6) int width,
                                               @ForAll @IntRange(min = 1, max = 3) int channels,
                                               @ForAll @IntRange(min = 1, max = 5) int outChannels,
                                               @ForAll boolean signedInputs,
                                               @ForAll @IntRange(min = 1, max = 200) int length,
                                               @ForAll long seed) {
        SplitMix64 random = new SplitMix64(seed);
        Code code = signedInputs ? Code.signMagnitude(4) : Code.unsigned(4);
        NeuronModel.IntegrateAndFire neuron = neuron(random);
        Network asDense = RandomWeights.uniform(Network.named("n").inputs(height * width * channels, code).weights(3)
                .bitstream(length).sources(SourcePlan.lowDiscrepancy(8, seed)).dense("features", outChannels, neuron)
                .dense("out", 3, Neuron.counter()).build(), random, 4);
        // the dense layer's weights, biases and plan as the kernel of a window as large as the image
        ConvLayer whole = new ConvLayer(asDense.layers().get(0), new ImageShape(height, width, channels), height, width,
                1, 0);
        Network asConv = new Network("n", asDense.inputs(), code, 3, length, asDense.sources(), asDense.inputPlan(),
                List.of(whole), List.of(asDense.layers().get(1)));
        int[] frame = new int[asDense.inputs()];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = code.minValue() + (int) random.nextBelow(code.maxMagnitude() - code.minValue() + 1);
        }
        Trace viaConv = GoldenModel.of(asConv).trace(frame);
        Trace viaDense = GoldenModel.of(asDense).trace(frame);
        for (int l = 0; l < 2; l++) {
            assertThat(viaConv.layers().get(l).sums()).isDeepEqualTo(viaDense.layers().get(l).sums());
            assertThat(viaConv.layers().get(l).spikes()).isDeepEqualTo(viaDense.layers().get(l).spikes());
            assertThat(viaConv.layers().get(l).state()).isDeepEqualTo(viaDense.layers().get(l).state());
        }
        assertThat(GoldenModel.of(asConv).run(frame).layerCounts()).isDeepEqualTo(GoldenModel.of(asDense).run(frame).layerCounts());
    }

    /** Validation bounds the real synapses; the batch engine's expansion has a limit of its own, said in one line. */
    @org.junit.jupiter.api.Test
    void aConvLayerWhoseExpansionWouldNotFitIsRefusedBeforeAllocating() {
        Network wide = Network.named("n").image(256, 256, 1, Code.unsigned(2)).weights(2).bitstream(4)
                .conv("c1", 1, 1, 1, 0, Neuron.integrateAndFire(1)).dense("out", 2, Neuron.counter()).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoldenModel.of(wide))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 'c1': the golden model runs a conv layer as the dense layer it equals, 65536 neurons"
                        + " x 65537 synapses = 4295032832, more than its limit of 16777216; use a larger stride, fewer"
                        + " channels or a smaller image");
    }

    private static NeuronModel.IntegrateAndFire neuron(SplitMix64 random) {
        return new NeuronModel.IntegrateAndFire(1 + (int) random.nextBelow(12), -(int) random.nextBelow(20),
                (int) random.nextBelow(20), (int) random.nextBelow(4));
    }
}
