package org.scforge.dsl;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What validation says about conv layers (docs/semantics.md section 11), and who refuses them for now. */
class ConvLayerValidationTest {

    private static NetworkBuilder image() {
        return Network.named("n").image(6, 6, 1, Code.unsigned(4)).weights(3).bitstream(16);
    }

    private static Network valid() {
        return image().conv("c1", 2, 3, 1, 1, Neuron.integrateAndFire(2)).dense("out", 2, Neuron.counter()).build();
    }

    @Test
    void aConvNetworkChainsItsShapes() {
        Network net = valid();
        ConvLayer conv = net.convLayers().get(0);
        assertThat(conv.output()).isEqualTo(new ImageShape(6, 6, 2));
        assertThat(conv.taps()).isEqualTo(9);
        assertThat(conv.kernel().weights().rows()).isEqualTo(2);
        assertThat(conv.kernel().weights().cols()).isEqualTo(9);
        assertThat(conv.kernel().plan().inputMasks()).hasSize(10);
        assertThat(net.layers().get(0).fanIn()).isEqualTo(72);
        assertThat(net.denseInputs()).isEqualTo(72);
        assertThat(net.inputs()).isEqualTo(36);
        assertThat(net.synapses()).isEqualTo(72L * 10 + 2L * 73);
        assertThat(net.summary()).startsWith("n: 6x6x1-conv(2x3x3 s1 p1)=6x6x2-2, 2 layers, 74 neurons, 866 synapses")
                .contains("widths c1 sum 5b membrane");
        assertThat(net.source("src_c1")).isPresent();
    }

    @Test
    void convLayersComeFirstAndReadAnImage() {
        assertThatThrownBy(() -> image().dense("h", 3, Neuron.integrateAndFire(2)).conv("c1", 2, 3, 1, 0,
                Neuron.integrateAndFire(2))).hasMessage("layer 'c1': conv and pool layers come before the dense layers;"
                + " declare it before dense('h', ...)");
        assertThatThrownBy(() -> Network.named("n").inputs(36, Code.unsigned(4)).conv("c1", 2, 3, 1, 0,
                Neuron.integrateAndFire(2)).dense("out", 2, Neuron.counter()).build())
                .hasMessageContaining("conv and pool layers read an image; call image(height, width, channels, code)");
    }

    @Test
    void badGeometryIsNamed() {
        assertThatThrownBy(() -> image().conv("c1", 2, 3, 1, 3, Neuron.integrateAndFire(2)).dense("out", 2,
                Neuron.counter()).build()).hasMessageContaining("the padding between 0 and kernel - 1");
        assertThatThrownBy(() -> image().conv("c1", 2, 7, 1, 0, Neuron.integrateAndFire(2)).dense("out", 2,
                Neuron.counter()).build()).hasMessage("layer 'c1': the 7x7 kernel does not fit the 6x6x1 image with padding 0");
        assertThatThrownBy(() -> image().conv("c1", 2, 3, 1, 0, Neuron.counter()).dense("out", 2, Neuron.counter())
                .build()).hasMessageContaining("a conv layer's neurons spike: use Neuron.integrateAndFire(threshold)");
    }

    @Test
    void poolsComeAfterAConvLayerAndFitTheImage() {
        Network pooled = image().conv("c1", 2, 3, 1, 1, Neuron.integrateAndFire(2)).pool("p1", 2, 2)
                .dense("out", 2, Neuron.counter()).build();
        assertThat(pooled.imageLayers().get(1).output()).isEqualTo(new ImageShape(3, 3, 2));
        assertThat(pooled.layers().get(0).fanIn()).isEqualTo(18);
        assertThat(pooled.summary()).startsWith("n: 6x6x1-conv(2x3x3 s1 p1)=6x6x2-pool(2x2 s2)=3x3x2-2, 3 layers, 92 neurons");
        assertThatThrownBy(() -> image().pool("p1", 2, 2).dense("out", 2, Neuron.counter()).build())
                .hasMessageContaining("layer 'p1': a pool layer ORs spikes, so it comes after a conv layer, not on the"
                        + " input image");
        assertThatThrownBy(() -> image().conv("c1", 2, 3, 2, 0, Neuron.integrateAndFire(2)).pool("p1", 3, 1)
                .dense("out", 2, Neuron.counter()).build())
                .hasMessage("layer 'p1': the 3x3 window does not fit the 2x2x2 image");
        assertThatThrownBy(() -> image().conv("c1", 2, 3, 2, 0, Neuron.integrateAndFire(2)).pool("p1", 0, 1)
                .dense("out", 2, Neuron.counter()).build())
                .hasMessage("layer 'p1': window 0, stride 1: both must be >= 1");
    }

    @Test
    void theNetworkRecordRefusesWhatTheBuilderCannotMake() {
        Network net = valid();
        ConvLayer conv = net.convLayers().get(0);
        // an image that is not the inputs
        assertThatThrownBy(() -> net.withImageLayers(List.of(new ConvLayer(conv.kernel(), new ImageShape(5, 5, 1), 3, 3, 1, 1))))
                .hasMessageContaining("layer 'c1': reads a 5x5x1 image (25 values) but the network's 36 inputs are 36 values");
        // xnor synapses
        assertThatThrownBy(() -> net.withImageLayers(List.of(conv.withKernel(conv.kernel().withSynapse(Synapse.XNOR)))))
                .hasMessageContaining("conv layers have and synapses only");
        // a kernel whose weights are not K x Q
        assertThatThrownBy(() -> net.withImageLayers(List.of(conv.withKernel(conv.kernel().withWeights(IntMatrix.zeros(2, 8),
                List.of(0, 0)))))).hasMessageContaining("layer 'c1': weights are 2x8 but must be 2x9");
        // the weights read the inputs' source
        DenseLayer k = conv.kernel();
        DenseLayer sameSource = new DenseLayer(k.name(), k.neurons(), k.neuron(), k.weights(), k.bias(),
                new WeightPlan("src_in", k.plan().neuronMasks(), k.plan().inputMasks()));
        assertThatThrownBy(() -> net.withImageLayers(List.of(conv.withKernel(sameSource))))
                .hasMessageContaining("weights and inputs both read source 'src_in'");
    }

    @Test
    void theModelFileNamesAConvLayerInTheWrongPlaceOrOfAnUnknownKind() throws Exception {
        String json = ModelFile.toJson(ModelDocument.of(valid()));
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        com.fasterxml.jackson.databind.node.ArrayNode layers = (com.fasterxml.jackson.databind.node.ArrayNode) root.get("layers");
        com.fasterxml.jackson.databind.JsonNode conv = layers.remove(0);
        layers.add(conv);
        assertThatThrownBy(() -> ModelFile.parse(root.toString(), "m.json"))
                .hasMessage("m.json: $.layers[1] is a conv layer after the dense layer 'out'; conv and pool layers come first");
        ((com.fasterxml.jackson.databind.node.ObjectNode) layers.get(1)).put("kind", "max");
        assertThatThrownBy(() -> ModelFile.parse(root.toString(), "m.json"))
                .hasMessage("m.json: $.layers[1].kind is 'max', not a layer kind; use dense, conv or pool");
        layers.remove(1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) conv).put("kind", "conv").putArray("kernel").add(3).add(3).add(3);
        layers.insert(0, conv);
        assertThatThrownBy(() -> ModelFile.parse(root.toString(), "m.json"))
                .hasMessage("m.json: $.layers[0].kernel has 3 values; give [height, width]");
    }
}
