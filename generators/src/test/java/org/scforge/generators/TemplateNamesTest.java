package org.scforge.generators;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Verilog template's declarations are out of reach of the names validation accepts
 * ({@link TemplateNameRules}), so a template change cannot silently let a name clash with a generated
 * identifier. The C++ templates (sim_main.cpp) use names only as members of the Verilated model
 * ({@code top->hidden_spikes}) and the class {@code V<top>}, which these Verilog names already settle.
 */
class TemplateNamesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/org/scforge/generators/templates");

    @Test
    void noAcceptedNameCanClashWithAnIdentifierATemplateDeclares() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".v.ftl")).sorted().toList();
        }
        assertThat(templates).as("the Verilog templates").hasSizeGreaterThanOrEqualTo(14);
        for (Path template : templates) {
            problems.addAll(TemplateNameRules.problems(template));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theScanSeesTheDeclarationsOfTheTop() throws IOException {
        assertThat(TemplateDeclarations.of(TEMPLATES.resolve("top.v.ftl"))).contains("${top}", "window_last",
                "frame_step", "${l.name}_spikes", "${s.instance}_value", "${l.name}", "argmax", "input_sng", "i");
        assertThat(TemplateDeclarations.of(TEMPLATES.resolve("layer.v.ftl")))
                .contains("${lane.name}_weights", "${n.name}_${stateName}", "fetch_valid", "LAST_CHUNK");
    }
}
