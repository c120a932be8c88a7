package org.scforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.TestFrames;
import org.scforge.sim.GoldenModel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scforge stdp} end to end on a small slice of the embedded digits: 300 learning, 100 test, 16 neurons. */
class StdpCommandTest {

    @TempDir
    Path dir;

    /** Runs {@code stdp} on the small slice; {@code overrides} are option/value pairs replacing its options. */
    private static ConsoleCapture stdp(Path out, String... overrides) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        String[] base = {"--frames", "300", "--test", "100", "--neurons", "16", "--seed", "2", "--out", out.toString()};
        for (int k = 0; k < base.length; k += 2) {
            options.put(base[k], base[k + 1]);
        }
        for (int k = 0; k < overrides.length; k += 2) {
            options.put(overrides[k], overrides[k + 1]);
        }
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("stdp"));
        options.forEach((option, value) -> {
            args.add(option);
            args.add(value);
        });
        return ConsoleCapture.run(args.toArray(String[]::new));
    }

    @Test
    void writesTheLearnedModelAReportAndTheReceptiveFields() throws Exception {
        Path out = dir.resolve("stdp");
        ConsoleCapture run = stdp(out);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("scforge: learned 300/300 frames");
        assertThat(run.out()).contains("wrote model.json, report.json, receptive-fields.png, confusion.png to " + out);

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        for (String key : new String[] {"testAccuracy", "frozenRandomAccuracy", "assignmentAccuracy",
                "frozenAssignmentAccuracy", "learnSeconds", "frames", "seed", "rule", "confusionMatrix"}) {
            assertThat(report.has(key)).as(key).isTrue();
        }
        assertThat(report.get("frames").asInt()).isEqualTo(300);
        assertThat(report.get("seed").asLong()).isEqualTo(2);
        assertThat(report.get("rule").get("pPlus").asInt()).isEqualTo(4);
        assertThat(report.get("rule").get("wta").asBoolean()).isTrue();

        // the model reloads, and the golden model on its own test frames gives the reported accuracy
        ModelDocument model = ModelFile.load(out.resolve("model.json"));
        TestFrames frames = model.testFrames().orElseThrow();
        assertThat(frames.size()).isEqualTo(100);
        assertThat(model.network().layers().get(0).learns()).isTrue();
        assertThat(model.preprocessing()).isPresent();
        GoldenModel golden = GoldenModel.of(model.network());
        int correct = 0;
        for (int n = 0; n < frames.size(); n++) {
            if (golden.run(frames.frame(n)).predictedClass() == frames.labels().get(n)) {
                correct++;
            }
        }
        assertThat(correct / 100.0).isEqualTo(report.get("testAccuracy").asDouble());

        // 16 fields of 28 x 28 at 3 screen pixels each, in a 4 x 4 grid with 2-pixel gaps
        BufferedImage fields = ImageIO.read(out.resolve("receptive-fields.png").toFile());
        assertThat(fields.getWidth()).isEqualTo(4 * (28 * 3 + 2) + 2);
        assertThat(fields.getHeight()).isEqualTo(4 * (28 * 3 + 2) + 2);
        assertThat(Files.size(out.resolve("confusion.png"))).isGreaterThan(1000);

        // the same seed, the same model, byte for byte
        Path again = dir.resolve("again");
        assertThat(stdp(again).exitCode()).isZero();
        assertThat(Files.readString(again.resolve("model.json"))).isEqualTo(Files.readString(out.resolve("model.json")));
    }

    @Test
    void theRuleOptionsReachTheLearnedModel() throws Exception {
        Path out = dir.resolve("rule");
        ConsoleCapture run = stdp(out, "--probability-bits", "8", "--p-plus", "32", "--p-minus", "16",
                "--homeostasis-step", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        org.scforge.dsl.Stdp rule = org.scforge.dsl.ModelFile.load(out.resolve("model.json")).network().layers().get(0)
                .learning().orElseThrow();
        assertThat(rule.probabilityBits()).isEqualTo(8);
        assertThat(rule.pPlus()).isEqualTo(32);
        assertThat(rule.pMinus()).isEqualTo(16);
        assertThat(rule.homeostasis()).as("--homeostasis-step 0: no homeostasis").isEmpty();
        assertThat(rule.wta()).isTrue();
    }

    @Test
    void badOptionsAreOneLineUserErrors() {
        String[][] cases = {
                {"--frames", "0", "--frames 0 must be between 1 and 100000"},
                {"--neurons", "0", "--neurons 0 must be between 1 and 65536"},
                {"--frames", "9950", "mnist-10k holds 10000 images, fewer than 9950 learning + 100 test"},
                {"--p-plus", "16", "layer 'features' learning: pPlus 16 must be between 0 and 15 (a code of 4 probabilityBits)"},
                {"--probability-bits", "0", "layer 'features' learning: probabilityBits 0 must be between 1 and 16"},
                {"--homeostasis-step", "-1", "--homeostasis-step -1 must be 0 (no homeostasis) or more"},
                {"--decay-frames", "0", "layer 'features' learning.homeostasis: decayFrames 0 must be between 1 and 1048576"},
        };
        for (String[] c : cases) {
            ConsoleCapture run = stdp(dir.resolve("bad"), c[0], c[1]);
            assertThat(run.exitCode()).as(c[0]).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(run.errLines()).as(c[0]).hasSize(1);
            assertThat(run.errLines().get(0)).as(c[0]).startsWith("scforge: error: " + c[2]);
        }
        assertThat(dir.resolve("bad")).doesNotExist();

        // a folder scforge did not write is refused before any learning, even with --force, and left as it was
        Path mine = dir.resolve("mine");
        try {
            Files.createDirectories(mine);
            Files.writeString(mine.resolve("notes.txt"), "mine\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ConsoleCapture refused = ConsoleCapture.run("stdp", "--out", mine.toString(), "--force");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.errLines().get(0)).contains("is not empty and scforge did not write it");
        assertThat(refused.err()).doesNotContain("learned");
        assertThat(mine.toFile().list()).containsExactly("notes.txt");
    }
}
