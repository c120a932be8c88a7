package org.scforge.dsl;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The example in docs/model-file.md is the worked example of docs/semantics.md, byte for byte as written. */
class ModelFileDocExampleTest {

    /** The network of docs/semantics.md, section 9. */
    static Network workedExample() {
        List<Source> sources = List.of(new Source.VanDerCorput("src_in", 3),
                new Source.Lfsr("src_hidden", 3, List.of(3, 2), 1), new Source.Sobol("src_out", 3, 2));
        DenseLayer hidden = new DenseLayer("hidden", 2, new NeuronModel.IntegrateAndFire(2, -2, 1, 0),
                IntMatrix.of(new int[][] {{5, -3}, {7, 2}}), List.of(0, -1),
                new WeightPlan("src_hidden", List.of(0, 3), List.of(0, 6, 1)));
        DenseLayer out = new DenseLayer("out", 2, Neuron.counter(), IntMatrix.of(new int[][] {{4, -7}, {-2, 6}}),
                List.of(1, 0), new WeightPlan("src_out", List.of(0, 1), List.of(2, 0, 4)));
        return new Network("example", 2, Code.unsigned(3), 3, 8, sources, new InputPlan("src_in", List.of(0, 5)),
                List.of(hidden, out));
    }

    @Test
    void documentedExampleIsTheWorkedExample() throws Exception {
        String page = Files.readString(ProjectFiles.find("docs/model-file.md"));
        Matcher block = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertThat(block.find()).as("a json block in docs/model-file.md").isTrue();
        ModelDocument expected = new ModelDocument(workedExample(),
                Optional.of(new TestFrames(List.of(List.of(6, 3)), List.of(1))),
                Map.of("source", "docs/semantics.md, section 9"));
        assertThat(ModelFile.parse(block.group(1), "docs/model-file.md")).isEqualTo(expected);
        assertThat(block.group(1)).isEqualTo(ModelFile.toJson(expected));
        assertThat(page.replaceAll("\\s+", " ")).as("the summary quoted on the page")
                .contains("`" + expected.network().summary() + ", 1 test frames`");
    }
}
