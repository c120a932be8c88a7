package org.scforge.generators;

import org.scforge.dsl.io.AtomicFiles;
import org.scforge.generators.synth.Target;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the generated text of the example network (docs/semantics.md section 9) to the files under
 * src/test/resources/golden/, and the RTL and test bench of the xnor network {@code bipolar} (section 10)
 * to src/test/resources/golden-xnor/ (the files xnor changes). After an intended change, regenerate them with
 * {@code ./mvnw -q -B -pl generators -am test -Dtest=GoldenFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dscforge.updateGolden=true}
 * and review the diff.
 */
class GoldenFileTest {

    @Test
    void exampleNetworkMatchesTheGoldenFiles() throws IOException {
        assertMatchesGolden(Generators.verilog(ExampleNetwork.document()).testBench(6).target(Target.ICE40_UP5K).files(),
                goldenDir());
    }

    private static Path goldenDir() {
        return Path.of(System.getProperty("scforge.goldenDir", "src/test/resources/golden"));
    }

    @Test
    void xnorNetworkMatchesTheGoldenFiles() throws IOException {
        // only the files xnor changes: the other blocks are those of golden/ under another module prefix
        Map<String, String> files = new java.util.TreeMap<>(Generators.verilog(ExampleNetwork.bipolarDocument())
                .testBench(5).files());
        files.keySet().removeIf(name -> !name.equals("bipolar.v") && !name.startsWith("bipolar_layer_")
                && !name.equals("bipolar_lane_xnor_synapses.v") && !name.equals("vectors.hex"));
        assertMatchesGolden(files, goldenDir().resolveSibling("golden-xnor"));
    }

    private static void assertMatchesGolden(Map<String, String> files, Path golden) throws IOException {
        if (Boolean.getBoolean("scforge.updateGolden")) {
            if (Files.exists(golden)) {
                AtomicFiles.deleteTree(golden);
            }
            Files.createDirectories(golden);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(golden.resolve(f.getKey()), f.getValue());
            }
        }
        try (Stream<Path> stored = Files.list(golden)) {
            assertThat(stored.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(files.keySet());
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            assertThat(f.getValue()).as("%s differs from golden/%s", f.getKey(), f.getKey())
                    .isEqualTo(Files.readString(golden.resolve(f.getKey())));
        }
    }
}
