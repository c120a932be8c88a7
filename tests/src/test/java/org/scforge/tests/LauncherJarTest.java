package org.scforge.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar that {@code ./scforge} runs, not the classes the other tests load: it generates a design.
 * A jar that loses what a dependency needs at run time (FreeMarker's record support is a Java 16 class of a
 * multi-release jar, and a shaded jar without {@code Multi-Release: true} hides it) fails here.
 */
class LauncherJarTest {

    @TempDir
    Path dir;

    @Test
    void theShadedJarGeneratesTheExampleDesign() throws IOException, InterruptedException, URISyntaxException {
        Path jar = Path.of("../cli/target/scforge.jar").toAbsolutePath().normalize();
        assertThat(jar).as("the cli module packages scforge.jar before this module's tests").isRegularFile();
        Path model = Path.of(Objects.requireNonNull(getClass().getResource("/mutation/example.json")).toURI());
        Path out = dir.resolve("rtl");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "generate", "--model", model.toString(), "--out", out.toString()))
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("scforge generate ends").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(out.resolve("example_popcount.v")).content().contains("module example_popcount");
        assertThat(out.resolve("example_layer_hidden.v")).content().contains("lane_0_WORD");
    }
}
