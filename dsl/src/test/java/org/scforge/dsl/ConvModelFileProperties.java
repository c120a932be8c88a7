package org.scforge.dsl;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A network with conv layers survives the model file exactly (docs/model-file.md, conv layers). */
class ConvModelFileProperties {

    @Property(tries = 150)
    void convNetworksRoundTripExactly(@ForAll @IntRange(min = 1, max = 8) int height,
                                      @ForAll @IntRange(min = 1, max = 8) int width,
                                      @ForAll @IntRange(min = 1, max = 3) int channels,
                                      @ForAll @IntRange(min = 1, max = 2) int convs,
                                      @ForAll @IntRange(min = 1, max = 6) int weightBits,
                                      @ForAll boolean lfsr,
                                      @ForAll long seed) throws Exception {
        SplitMix64 random = new SplitMix64(seed);
        NetworkBuilder builder = Network.named("c").image(height, width, channels, Code.signMagnitude(4))
                .weights(weightBits).bitstream(1 + (int) random.nextBelow(300))
                .sources(lfsr ? SourcePlan.lfsr(8, seed) : SourcePlan.lowDiscrepancy(8, seed));
        int side = Math.min(height, width);
        for (int l = 0; l < convs; l++) {
            int kernel = 1 + (int) random.nextBelow(Math.min(3, side));
            int padding = (int) random.nextBelow(kernel);
            int stride = 1 + (int) random.nextBelow(2);
            builder.conv("conv" + l, 1 + (int) random.nextBelow(3), kernel, stride, padding,
                    new NeuronModel.IntegrateAndFire(1 + (int) random.nextBelow(9), -(int) random.nextBelow(9),
                            (int) random.nextBelow(9), (int) random.nextBelow(3)));
            side = Math.floorDiv(side + 2 * padding - kernel, stride) + 1;
            if (random.nextBelow(2) == 0) {
                int window = 1 + (int) random.nextBelow(Math.min(2, side));
                int poolStride = 1 + (int) random.nextBelow(2);
                builder.pool("pool" + l, window, poolStride);
                side = Math.floorDiv(side - window, poolStride) + 1;
            }
        }
        Network built = builder.dense("out", 3, Neuron.counter()).build();
        int max = (1 << weightBits) - 1;
        List<ImageLayer> weighted = new ArrayList<>();
        for (ImageLayer image : built.imageLayers()) {
            if (!(image instanceof ConvLayer conv)) {
                weighted.add(image);
                continue;
            }
            DenseLayer k = conv.kernel();
            int[][] w = new int[k.neurons()][k.fanIn()];
            List<Integer> bias = new ArrayList<>();
            for (int j = 0; j < w.length; j++) {
                for (int q = 0; q < w[j].length; q++) {
                    w[j][q] = (int) random.nextBelow(2L * max + 1) - max;
                }
                bias.add((int) random.nextBelow(2L * max + 1) - max);
            }
            weighted.add(conv.withKernel(k.withWeights(IntMatrix.of(w), bias)));
        }
        Network network = built.withImageLayers(weighted);
        ModelDocument document = ModelDocument.of(network);
        String json = ModelFile.toJson(document);
        ModelDocument back = ModelFile.parse(json, "model.json");
        assertThat(back.network()).isEqualTo(network);
        assertThat(ModelFile.toJson(back)).isEqualTo(json);
        assertThat(json).contains("\"kind\" : \"conv\"");
    }
}
