package org.scforge.generators;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.scforge.dsl.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Random small networks through Verilator lint, Icarus elaboration and the self-checking Icarus test bench. */
class RandomNetworkProperties {

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void randomNetworksAreLintCleanAndEqualToTheGoldenModel(@ForAll long seed) throws IOException {
        Network network = RandomNetworks.draw(seed);
        Path dir = Files.createTempDirectory("scforge-rnd");
        try {
            boolean trace = (seed & 1) == 0;
            Design design = Generators.verilog(network).options(GeneratorOptions.defaults().withTraceOutputs(trace))
                    .testBench(8).writeTo(dir.resolve("rtl"));
            Path out = design.directory();
            List<String> files = new ArrayList<>();
            design.rtlFiles().forEach(p -> files.add(p.getFileName().toString()));
            String summary = network.summary() + " (seed " + seed + ")";
            for (String file : files) {
                String module = file.substring(0, file.length() - 2);
                assertThat(Tools.lint(out, files, module)).as("lint of %s in %s", module, summary).isEmpty();
            }
            assertThat(Tools.elaborate(out, files, network.name())).as("iverilog of %s", summary).isEmpty();
            Tool.Result tb = Tools.icarusTestBench(out, files, network.name());
            long values = 8L * (network.classes() + 1);
            assertThat(tb.output()).as(summary).contains("PASS: 8 frames, " + values + " values compared");
            assertThat(tb.ok()).as(summary).isTrue();
        } finally {
            OutputDirectory.deleteTree(dir);
        }
    }
}
