package org.scforge.dsl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The per-layer synapse kind: model-file field, builder, and the wider sources xnor layers need. */
class SynapseKindTest {

    /** The network of docs/semantics.md, section 10: sm2 inputs, 2-bit weights, both layers xnor. */
    static Network bipolarExample() {
        List<Source> sources = List.of(new Source.VanDerCorput("src_in", 3),
                new Source.Lfsr("src_hidden", 3, List.of(3, 2), 1), new Source.Sobol("src_out", 3, 2));
        DenseLayer hidden = new DenseLayer("hidden", 2, new NeuronModel.IntegrateAndFire(2, -2, 1, 0),
                IntMatrix.of(new int[][] {{3, -1}, {1, -3}}), List.of(1, 2),
                new WeightPlan("src_hidden", List.of(0, 1), List.of(0, 3, 2)), Synapse.XNOR);
        DenseLayer out = new DenseLayer("out", 2, Neuron.counter(), IntMatrix.of(new int[][] {{2, -3}, {-1, 1}}),
                List.of(3, 0), new WeightPlan("src_out", List.of(0, 2), List.of(1, 0, 3)), Synapse.XNOR);
        return new Network("bipolar", 2, Code.signMagnitude(2), 2, 8, sources, new InputPlan("src_in", List.of(0, 2)),
                List.of(hidden, out));
    }

    @Test
    void xnorIsWrittenAndReadBackAndAndIsTheDefault() throws Exception {
        Network net = bipolarExample();
        String json = ModelFile.toJson(ModelDocument.of(net));
        assertThat(json).contains("\"synapse\" : \"xnor\"");
        assertThat(ModelFile.parse(json, "m.json").network()).isEqualTo(net);

        Network and = net.withLayers(net.layers().stream().map(l -> l.withSynapse(Synapse.AND)).toList());
        String andJson = ModelFile.toJson(ModelDocument.of(and));
        assertThat(andJson).doesNotContain("synapse\"");
        assertThat(ModelFile.parse(andJson.replace("\"neurons\" : 2,", "\"neurons\" : 2, \"synapse\" : \"and\","),
                "m.json").network()).isEqualTo(and);
    }

    @Test
    void anUnknownKindIsOneLineNamingTheAllowedOnes() {
        String json = ModelFile.toJson(ModelDocument.of(bipolarExample())).replaceFirst("\"xnor\"", "\"or\"");
        ModelFileException e = catchThrowableOfType(ModelFileException.class, () -> ModelFile.parse(json, "m.json"));
        assertThat(e).hasMessage("m.json: $.layers[0].synapse is 'or', not a synapse kind; use and or xnor");
        String number = ModelFile.toJson(ModelDocument.of(bipolarExample())).replaceFirst("\"xnor\"", "1");
        assertThat(catchThrowableOfType(ModelFileException.class, () -> ModelFile.parse(number, "m.json")))
                .hasMessage("m.json: $.layers[0].synapse must be a string, found number");
    }

    @Test
    void anXnorLayerNeedsAWeightSourceOneBitWiderThanItsCodes() {
        Network net = bipolarExample();
        // weightBits 3 with 3-bit weight sources: enough for and, one bit short for xnor
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> new Network(net.name(),
                net.inputs(), Code.unsigned(2), 3, net.length(), net.sources(), net.inputPlan(), net.layers()));
        assertThat(e.problems()).containsExactly(
                "layer 'hidden' weight plan: source 'src_hidden' is 3 bits wide but the codes need 4 for the offset"
                        + " codes c + 2^3 of the xnor synapses of layer 'hidden'; widen the source to at least 4",
                "layer 'out' weight plan: source 'src_out' is 3 bits wide but the codes need 4 for the offset"
                        + " codes c + 2^3 of the xnor synapses of layer 'out'; widen the source to at least 4");
        new Network(net.name(), net.inputs(), Code.unsigned(2), 3, net.length(), net.sources(), net.inputPlan(),
                net.layers().stream().map(l -> l.withSynapse(Synapse.AND)).toList());
    }

    @Test
    void signedInputsIntoAnXnorLayerNeedAnInputSourceOneBitWider() {
        Network net = bipolarExample();
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> new Network(net.name(),
                net.inputs(), Code.signMagnitude(3), 2, net.length(), net.sources(), net.inputPlan(), net.layers()));
        assertThat(e.problems()).containsExactly(
                "input plan: source 'src_in' is 3 bits wide but the codes need 4 for the offset codes c + 2^3 of"
                        + " the xnor synapses of layer 'hidden'; widen the source to at least 4");
        // unsigned inputs keep their ordinary k-bit stream
        assertThat(new Network(net.name(), net.inputs(), Code.unsigned(3), 2, net.length(), net.sources(),
                net.inputPlan(), net.layers()).layers().get(0).isXnor()).isTrue();
    }

    @Test
    void theBuilderTakesTheKindPerLayerAndTheSummaryNamesXnorLayers() {
        Network net = Network.named("mixed").inputs(3, Code.signMagnitude(4)).weights(4).bitstream(16)
                .dense("hidden", 2, Neuron.integrateAndFire(2), Synapse.XNOR)
                .dense("out", 2, Neuron.counter())
                .build();
        assertThat(net.layers()).extracting(DenseLayer::synapse).containsExactly(Synapse.XNOR, Synapse.AND);
        assertThat(net.summary()).contains("weights sm4 (xnor synapses: hidden), widths");
        assertThat(bipolarExample().summary()).contains("(xnor synapses: hidden, out)");
    }
}
