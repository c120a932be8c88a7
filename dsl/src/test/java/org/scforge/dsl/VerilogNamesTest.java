package org.scforge.dsl;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Names the generated Verilog cannot hold (keywords, its own identifiers, names that extend other
 * names) are refused with the reason and a name that would do; the worked example's names pass.
 */
class VerilogNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"and", "xor", "table", "wait", "endmodule", "bit", "int", "logic", "Wire", "uwire",
            "s_until_with", "implements", "interconnect"})
    void keywordsAreRefusedAsLayerNetworkAndSourceNames(String keyword) {
        refuses(() -> named(keyword, "src_in", "hidden"), "network name '" + keyword + "'", "Verilog keyword", "rename it");
        refuses(() -> named("example", keyword, "hidden"), "source name '" + keyword + "'", "Verilog keyword");
        refuses(() -> named("example", "src_in", keyword), "layer name '" + keyword + "'", "Verilog keyword",
                "e.g. '" + keyword + "1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"window_last", "frame_step", "scforge_bridge", "dut", "LAST_STEP", "network_class"})
    void identifiersTheGeneratorDeclaresAreRefused(String name) {
        refuses(() -> named("example", "src_in", name), "layer name '" + name + "'", "declares itself");
    }

    @ParameterizedTest
    @ValueSource(strings = {"window", "predicted", "strided", "scforge", "lane"})
    void stemsOfGeneratedIdentifiersAreRefused(String name) {
        refuses(() -> named("example", "src_in", name), "layer name '" + name + "'", "would clash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lane_0", "tb_example", "Lane_x"})
    void generatedPrefixesAreRefused(String name) {
        refuses(() -> named("example", "src_in", name), "layer name '" + name + "'", "starts with '");
        refuses(() -> named(name, "src_in", "hidden"), "network name '" + name + "'", "starts with '");
    }

    @Test
    void aNameThatIsAnotherNameFollowedByAnUnderscoreIsRefused() {
        refuses(() -> named("example", "src_in", "src_in_value"), "layer 'src_in_value'", "source 'src_in'",
                "followed by '_'", "e.g. 'src_invalue'");
        refuses(() -> named("example", "src_in", "src_hidden_x"), "layer 'src_hidden_x'", "source 'src_hidden'");
        refuses(() -> named("example", "src_in", "out_spikes"), "layer 'out_spikes'", "layer 'out'");
        refuses(() -> named("example", "src_in", "example_layer"), "layer 'example_layer'", "network 'example'");
    }

    @Test
    void namesThatDifferOnlyInCaseAreUsedTwice() {
        refuses(() -> named("example", "src_in", "OUT"), "layer 'out'", "used twice");
    }

    @Test
    void longNamesAreRefused() {
        String name = "h" + "x".repeat(VerilogNames.MAX_LENGTH);
        refuses(() -> named("example", "src_in", name), "layer name '" + name.substring(0, VerilogNames.MAX_LENGTH) + "...'",
                "more than the limit of " + VerilogNames.MAX_LENGTH);
        assertThatCode(() -> named("example", "src_in", "h" + "x".repeat(VerilogNames.MAX_LENGTH - 1)))
                .doesNotThrowAnyException();
    }

    @Test
    void ordinaryNamesPass() {
        assertThatCode(() -> named("mnist", "src_in", "hidden")).doesNotThrowAnyException();
        assertThatCode(() -> named("example", "input1", "hidden2")).doesNotThrowAnyException();
        assertThat(VerilogNames.refusal("hidden")).isEmpty();
    }

    /**
     * The worked example with the network, the input source and the hidden layer renamed; the readout
     * is {@code out} and the weight sources {@code src_hidden} and {@code src_out}.
     */
    private static Network named(String network, String inputSource, String hidden) {
        Network example = ModelFileDocExampleTest.workedExample();
        List<Source> sources = List.of(new Source.VanDerCorput(inputSource, 3), example.sources().get(1),
                example.sources().get(2));
        DenseLayer h = example.layers().get(0);
        DenseLayer renamed = new DenseLayer(hidden, h.neurons(), h.neuron(), h.weights(), h.bias(), h.plan());
        return new Network(network, 2, Code.unsigned(3), 3, 8, sources, new InputPlan(inputSource, List.of(0, 5)),
                List.of(renamed, example.layers().get(1)));
    }

    private static void refuses(ThrowingCallable build, String... parts) {
        ValidationException e = catchThrowableOfType(ValidationException.class, build);
        assertThat(e).as("a ValidationException naming %s", List.of(parts)).isNotNull();
        assertThat(e.problems()).as("problems").anySatisfy(p -> assertThat(p).contains(parts).doesNotContain("\n"));
    }
}
