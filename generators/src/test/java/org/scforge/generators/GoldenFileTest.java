package org.scforge.generators;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the generated text of the example network (docs/semantics.md section 9) to the files under
 * src/test/resources/golden/. After an intended change, regenerate them with
 * {@code ./mvnw -q -B -pl generators -am test -Dtest=GoldenFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dscforge.updateGolden=true}
 * and review the diff.
 */
class GoldenFileTest {

    private static Map<String, String> generated() {
        return Generators.verilog(ExampleNetwork.document()).testBench(6).target(Target.ICE40_UP5K).files();
    }

    @Test
    void exampleNetworkMatchesTheGoldenFiles() throws IOException {
        Path golden = Path.of(System.getProperty("scforge.goldenDir", "src/test/resources/golden"));
        Map<String, String> files = generated();
        if (Boolean.getBoolean("scforge.updateGolden")) {
            if (Files.exists(golden)) {
                OutputDirectory.deleteTree(golden);
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
