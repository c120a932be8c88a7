package org.scforge.cli;

import org.scforge.dsl.ScforgeVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.Code;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;
import org.scforge.dsl.io.FolderTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every command that writes does with its output folder: refuse what it did not write, --force for its own. */
class OutputFolderCommandTest {

    @TempDir
    Path dir;

    private static Network tiny(int inputs) {
        return Network.named("tiny").inputs(inputs, Code.unsigned(3)).weights(3).bitstream(8)
                .sources(SourcePlan.lowDiscrepancy(3, 1)).dense("out", 2, Neuron.counter()).build();
    }

    private static Map<String, String> tree(Path root) throws IOException {
        return FolderTree.of(root);
    }

    private static void assertOneLineUserError(ConsoleCapture run, String message) {
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.errLines()).singleElement().asString().startsWith("scforge: error: ").contains(message);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    /** A clone: {@code generate --model model.json --out . --force} there once deleted all of it with exit 0. */
    @Test
    void forceNeverDeletesACloneOrTheModel() throws Exception {
        Path clone = Files.createDirectories(dir.resolve("clone"));
        Files.createDirectories(clone.resolve(".git"));
        Files.writeString(clone.resolve(".git").resolve("HEAD"), "ref: refs/heads/main\n");
        ModelFile.save(tiny(2), clone.resolve("model.json"));
        Files.writeString(clone.resolve("README.md"), "mine\n");
        Map<String, String> before = tree(clone);
        String model = clone.resolve("model.json").toString();

        assertOneLineUserError(ConsoleCapture.run("generate", "--model", model, "--out", clone.toString(), "--force"),
                "holds the input " + model);
        Files.copy(clone.resolve("model.json"), dir.resolve("model.json"));
        assertOneLineUserError(ConsoleCapture.run("generate", "--model", dir.resolve("model.json").toString(), "--out",
                clone.toString(), "--force"), "is a git checkout (it holds .git)");
        assertThat(tree(clone)).isEqualTo(before);

        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep\n");
        assertOneLineUserError(ConsoleCapture.run("generate", "--model", dir.resolve("model.json").toString(), "--out",
                mine.toString(), "--force"), "is not empty and scforge did not write it (it has no .scforge-output)");
        assertThat(tree(mine)).containsExactly(Map.entry("notes.txt", "keep\n"));
    }

    @Test
    void generateReplacesItsOwnOutputOnlyWithForce() throws Exception {
        Path model = dir.resolve("model.json");
        ModelFile.save(tiny(2), model);
        Path out = dir.resolve("rtl");
        assertThat(ConsoleCapture.run("generate", "--model", model.toString(), "--out", out.toString()).exitCode()).isZero();
        assertThat(Files.readString(out.resolve(".scforge-output"))).contains("\"command\" : \"generate\"",
                "\"version\" : \"" + ScforgeVersion.NUMBER + "\"");

        assertOneLineUserError(ConsoleCapture.run("generate", "--model", model.toString(), "--out", out.toString()),
                out + " holds an earlier scforge output; pass --force to replace it");
        Files.writeString(out.resolve("extra.txt"), "x");
        assertThat(ConsoleCapture.run("generate", "--model", model.toString(), "--out", out.toString(), "--force")
                .exitCode()).isZero();
        assertThat(out.resolve("extra.txt")).doesNotExist();
        assertThat(out.resolve("tiny.v")).exists();
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model.json", "rtl");
        }
    }

    /** Two runs into one new folder: exactly one succeeds, the others are refused, none silently replaced. */
    @Test
    void concurrentGeneratesIntoOneNewFolderHaveOneWinner() throws Exception {
        Path model = dir.resolve("model.json");
        ModelFile.save(tiny(40), model);
        Path out = dir.resolve("rtl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            runs.add(pool.submit(() -> Main.run("generate", "--model", model.toString(), "--out", out.toString(),
                    "--frames", "50")));
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> run : runs) {
            codes.add(run.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(codes).containsOnly(ExitCodes.OK, ExitCodes.USER_ERROR);
        assertThat(codes.stream().filter(c -> c == ExitCodes.OK)).hasSize(1);
    }

    /** The model-file formatter once overflowed the stack on 1,200 inputs. */
    @Test
    void generateWritesAModelWithTwelveHundredInputs() throws Exception {
        Path model = dir.resolve("wide.json");
        ModelFile.save(tiny(1200), model);
        ConsoleCapture run = ConsoleCapture.run("generate", "--model", model.toString(), "--out", dir.resolve("rtl").toString(),
                "--frames", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("rtl").resolve("tiny.v")).exists();
    }

    @Test
    void trainRefusesAFolderItDidNotWriteBeforeTraining() throws Exception {
        Path out = Files.createDirectories(dir.resolve("work"));
        Files.writeString(out.resolve("model.json"), "my own model\n");
        long start = System.nanoTime();
        ConsoleCapture run = ConsoleCapture.run("train", "--data", TrainCommandTest.data().toString(), "--out",
                out.toString(), "--force");
        assertOneLineUserError(run, "is not empty and scforge did not write it");
        assertThat(System.nanoTime() - start).as("refused before training").isLessThan(20_000_000_000L);
        assertThat(tree(out)).containsExactly(Map.entry("model.json", "my own model\n"));
    }

    @Test
    void mnistAndTrainNeverWriteIntoTheirData() throws Exception {
        Path data = TrainCommandTest.data();
        assertOneLineUserError(ConsoleCapture.run("train", "--data", data.toString(), "--out", data.getParent().toString(),
                "--force"), "holds the input " + data);
    }
}
