package org.scforge.dsl;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code learning} object of a layer in the model file (docs/model-file.md): exact round trip, errors by path. */
class LearningModelFileProperties {

    @Property(tries = 300)
    void learningNetworksRoundTripExactly(@ForAll long seed) throws Exception {
        Network network = RandomNetworks.learningSeeded(seed);
        ModelDocument document = new ModelDocument(network, Optional.empty(), Map.of("seed", Long.toString(seed)));
        String json = ModelFile.toJson(document);
        ModelDocument back = ModelFile.parse(json, "model.json");
        assertThat(back).isEqualTo(document);
        for (int l = 0; l < network.layers().size(); l++) {
            assertThat(back.network().layers().get(l).learning()).isEqualTo(network.layers().get(l).learning());
        }
        assertThat(json.contains("\"learning\"")).isEqualTo(network.layers().stream().anyMatch(DenseLayer::learns));
        assertThat(ModelFile.toJson(back)).isEqualTo(json);
    }

    @Property(tries = 200)
    void adaptiveNetworksRoundTripExactlyWithTheirOffsets(@ForAll long seed) throws Exception {
        Network network = RandomNetworks.adaptiveSeeded(seed);
        ModelDocument document = ModelDocument.of(network);
        String json = ModelFile.toJson(document);
        ModelDocument back = ModelFile.parse(json, "model.json");
        assertThat(back).isEqualTo(document);
        boolean offsets = network.layers().stream().anyMatch(l -> l.learning()
                .flatMap(Stdp::homeostasis).map(h -> !h.offsets().isEmpty()).orElse(false));
        assertThat(json.contains("\"offsets\"")).isEqualTo(offsets);
        assertThat(ModelFile.toJson(back)).isEqualTo(json);
    }

    @Test
    void homeostasisIsStoredAsDocumented() throws Exception {
        Network n = StdpValidationTest.network(l -> l.withLearning(l.learning().orElseThrow()
                .withHomeostasis(Stdp.Homeostasis.of(1, 8, 100).withOffsets(java.util.List.of(3, 0)))));
        String json = ModelFile.toJson(ModelDocument.of(n));
        assertThat(json.replaceAll("\\s+", "")).contains(
                "\"homeostasis\":{\"step\":1,\"decayFrames\":8,\"limit\":100,\"offsets\":[3,0]}");
        String bad = json.replace("\"decayFrames\" : 8", "\"decayFrames\" : \"8\"");
        assertThat(bad).isNotEqualTo(json);
        assertThatThrownBy(() -> ModelFile.parse(bad, "m.json")).isInstanceOf(ModelFileException.class)
                .hasMessage("m.json: $.layers[0].learning.homeostasis.decayFrames must be a whole number, found \"8\"");
    }

    @Property(tries = 100)
    void aNetworkWithoutRulesWritesNoLearningField(@ForAll long seed) throws Exception {
        Network plain = RandomNetworks.withoutLearning(RandomNetworks.learningSeeded(seed));
        String json = ModelFile.toJson(ModelDocument.of(plain));
        assertThat(json).doesNotContain("learning");
        assertThat(ModelFile.parse(json, "m.json").network().layers()).allSatisfy(l -> assertThat(l.learning()).isEmpty());
    }

    private static String example() {
        return ModelFile.toJson(ModelDocument.of(StdpValidationTest.network(l -> l)));
    }

    private static void refused(String from, String to, String message) {
        String json = example();
        assertThat(json).contains(from);
        assertThatThrownBy(() -> ModelFile.parse(json.replace(from, to), "m.json"))
                .isInstanceOf(ModelFileException.class).hasMessage(message);
    }

    @Test
    void theFieldsAreStoredAsDocumented() {
        assertThat(example()).contains("\"learning\"", "\"rule\" : \"stdp\"", "\"source\" : \"src_learn\"", "\"window\" : 2",
                "\"probabilityBits\" : 2", "\"pPlus\" : 3", "\"pMinus\" : 1", "\"step\" : 1", "\"min\" : -3", "\"max\" : 3",
                "\"wta\" : true");
    }

    @Test
    void malformedFieldsAreNamedByTheirPath() {
        refused("\"pPlus\" : 3", "\"pPlus\" : 0.5", "m.json: $.layers[0].learning.pPlus must be a whole number, found 0.5");
        refused("\"wta\" : true", "\"wta\" : 1", "m.json: $.layers[0].learning.wta must be true or false, found 1");
        refused("\"rule\" : \"stdp\"", "\"rule\" : \"hebb\"", "m.json: $.layers[0].learning.rule is 'hebb', not a learning"
                + " rule; use stdp");
        refused("\"window\" : 2,", "", "m.json: $.layers[0].learning.window is missing");
    }

    @Test
    void invalidValuesAreValidationProblems() {
        refused("\"pPlus\" : 3", "\"pPlus\" : 9", "m.json: invalid model: layer 'hidden' learning: pPlus 9 must be between 0"
                + " and 3 (a code of 2 probabilityBits)");
        refused("\"source\" : \"src_learn\"", "\"source\" : \"src_hidden\"", "m.json: invalid model: layer 'hidden' learning:"
                + " source 'src_hidden' is the layer's weight source; update bits correlated with the weight streams bias"
                + " the rule, give learning a source of its own");
    }
}
