package org.scforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scforge train} end to end on a small slice of the embedded digits. */
class TrainCommandTest {

    @TempDir
    Path dir;

    static Path data() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("data/mnist-10k"))) {
                return d.resolve("data/mnist-10k");
            }
        }
        throw new IllegalStateException("data/mnist-10k not found");
    }

    /** Runs {@code train} on a small slice; {@code overrides} are option/value pairs replacing the defaults. */
    private int run(Path out, String... overrides) {
        return run(out, false, overrides);
    }

    private int run(Path out, boolean force, String... overrides) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        String[] base = {"--data", data().toString(), "--train", "300", "--test", "100", "--features", "30",
                "--hidden", "48", "--length", "64", "--lengths", "32,64", "--rate-epochs", "12", "--epochs", "1",
                "--seed", "2", "--out", out.toString()};
        for (int k = 0; k < base.length; k += 2) {
            options.put(base[k], base[k + 1]);
        }
        for (int k = 0; k < overrides.length; k += 2) {
            options.put(overrides[k], overrides[k + 1]);
        }
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train"));
        options.forEach((option, value) -> {
            args.add(option);
            args.add(value);
        });
        if (force) {
            args.add("--force");
        }
        return Main.run(args.toArray(String[]::new));
    }

    @Test
    void writesAReportAndALoadableModelDeterministically() throws Exception {
        Path first = dir.resolve("a");
        assertThat(run(first)).isZero();
        JsonNode report = new ObjectMapper().readTree(first.resolve("report.json").toFile());
        for (String key : new String[] {"accuracyByLength", "testAccuracy", "floatReferenceAccuracy", "trainSeconds",
                "seed", "confusionMatrix"}) {
            assertThat(report.has(key)).as(key).isTrue();
        }
        assertThat(report.get("accuracyByLength").has("32")).isTrue();
        assertThat(report.get("testAccuracy").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(report.get("accuracyByLength").get("64").asDouble()).isEqualTo(report.get("testAccuracy").asDouble());
        assertThat(report.get("seed").asLong()).isEqualTo(2);
        ModelDocument model = ModelFile.load(first.resolve("model.json"));
        assertThat(model.testFrames().orElseThrow().size()).isEqualTo(100);
        assertThat(model.network().length()).isEqualTo(64);
        assertThat(model.info()).containsEntry("seed", "2");
        assertThat(Files.size(first.resolve("confusion.png"))).isGreaterThan(1000);
        assertThat(Files.size(first.resolve("accuracy-vs-length.png"))).isGreaterThan(1000);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("a");
        }

        assertThat(Files.readString(first.resolve(".scforge-output"))).contains("\"command\" : \"train\"");

        Path second = dir.resolve("b");
        assertThat(run(second)).isZero();
        assertThat(Files.readString(second.resolve("model.json"))).isEqualTo(Files.readString(first.resolve("model.json")));

        // its own earlier output: refused without --force (before training), replaced whole with it
        assertThat(run(second, "--seed", "3")).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(Files.readString(second.resolve("model.json"))).isEqualTo(Files.readString(first.resolve("model.json")));
        Files.writeString(second.resolve("old.txt"), "x");
        assertThat(runForced(second, "--seed", "3")).isZero();
        assertThat(ModelFile.load(second.resolve("model.json")).info()).containsEntry("seed", "3");
        assertThat(second.resolve("old.txt")).doesNotExist();
    }

    private int runForced(Path out, String... overrides) {
        return run(out, true, overrides);
    }

    @Test
    void badOptionsAreOneLineUserErrors() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            assertThat(run(dir.resolve("x"), "--features", "many")).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(Main.run("train", "--data", dir.resolve("none").toString())).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(run(dir.resolve("y"), "--train", "20000")).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(run(dir.resolve("z"), "--lengths", "0")).isEqualTo(ExitCodes.USER_ERROR);
        } finally {
            System.setErr(saved);
        }
        String text = err.toString();
        assertThat(text).contains("scforge: error: --features 'many' must be a positive number of PCA components or 'raw'");
        assertThat(text).contains("no such data folder");
        assertThat(text).contains("fewer than 20000 training");
        assertThat(text).contains("--lengths 0 must be between 1 and 1048576");
        assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
