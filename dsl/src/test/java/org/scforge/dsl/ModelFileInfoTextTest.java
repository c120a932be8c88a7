package org.scforge.dsl;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Free text in {@code info} that looks like a number array is text, and is kept byte for byte. */
class ModelFileInfoTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"[ 1, 2 ]", "seeds [1,  2,   3]", "a,  7", "[\n1]", "x [ -4 ] y"})
    void infoTextThatLooksLikeNumbersSurvives(String text) throws Exception {
        Network net = Network.named("n").inputs(2, Code.unsigned(3)).dense("out", 2, Neuron.counter()).build();
        ModelDocument document = new ModelDocument(net, Optional.empty(), Map.of("note", text));
        assertThat(ModelFile.parse(ModelFile.toJson(document), "m.json").info()).containsEntry("note", text);
    }
}
