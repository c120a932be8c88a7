package org.scforge.cli;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.Code;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --length L} on generate, cosim and synth: the model at another L without editing it; a bad L is one line. */
class LengthOptionTest {

    @TempDir
    Path dir;

    private static Path model(Path dir) throws IOException {
        Network network = Network.named("short").inputs(4, Code.signMagnitude(5)).weights(6).bitstream(64)
                .sources(SourcePlan.lowDiscrepancy())
                .dense("hidden", 3, Neuron.integrateAndFire(5))
                .dense("out", 2, Neuron.counter())
                .build();
        Path file = dir.resolve("model.json");
        ModelFile.save(network, file);
        return file;
    }

    /** The top module's {@code LAST_STEP}, the frame's last step {@code L - 1}. */
    private static int lastStep(Path out) throws IOException {
        Matcher m = Pattern.compile("localparam \\[\\d+:0\\] LAST_STEP = \\d+'d(\\d+);")
                .matcher(Files.readString(out.resolve("short.v")));
        assertThat(m.find()).as("LAST_STEP in short.v").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void generateAtLength16WritesATopWhoseLastStepIs15() throws IOException {
        Path out = dir.resolve("rtl16");
        ConsoleCapture run = ConsoleCapture.run("generate", "--model", model(dir).toString(), "--out", out.toString(),
                "--length", "16", "--frames", "2");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(lastStep(out)).isEqualTo(15);
    }

    @Test
    void withoutLengthTheModelsOwnLengthIsKept() throws IOException {
        Path out = dir.resolve("rtl64");
        ConsoleCapture run = ConsoleCapture.run("generate", "--model", model(dir).toString(), "--out", out.toString(),
                "--frames", "2");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(lastStep(out)).isEqualTo(63);
    }

    @Property(tries = 12)
    void theTopCountsToTheGivenLength(@ForAll @IntRange(min = 2, max = 4096) int length) throws IOException {
        // jqwik does not inject JUnit's @TempDir
        Path root = Files.createTempDirectory("scforge-length-");
        try {
            Path out = root.resolve("rtl");
            ConsoleCapture run = ConsoleCapture.run("generate", "--model", model(root).toString(), "--out",
                    out.toString(), "--length", Integer.toString(length), "--frames", "1");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
            assertThat(lastStep(out)).isEqualTo(length - 1);
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void aLengthOutsideTheRangeIsOneLineNamingTheRangeWithExit2() throws IOException {
        String model = model(dir).toString();
        for (String[] args : new String[][] {
                {"generate", "--model", model, "--out", dir.resolve("g").toString(), "--length", "0"},
                {"synth", "--model", model, "--out", dir.resolve("s").toString(), "--target", "ice40-up5k", "--length", "0"},
                {"cosim", "--model", model, "--out", dir.resolve("c").toString(), "--frames", "1", "--length", "2000000"}}) {
            ConsoleCapture run = ConsoleCapture.run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(run.errLines()).as(String.join(" ", args)).singleElement().asString()
                    .startsWith("scforge: error: --length ").contains("must be between 1 and 1048576");
            assertThat(run.err()).doesNotContain("\tat ");
        }
        assertThat(dir.resolve("g")).doesNotExist();
    }

    @Test
    void aLengthThatIsNotANumberIsOneLineWithExit2() throws IOException {
        ConsoleCapture run = ConsoleCapture.run("generate", "--model", model(dir).toString(), "--out",
                dir.resolve("g").toString(), "--length", "sixteen");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.errLines()).first().asString().startsWith("scforge: error: ").contains("--length", "sixteen");
        assertThat(run.err()).doesNotContain("\tat ");
    }
}
