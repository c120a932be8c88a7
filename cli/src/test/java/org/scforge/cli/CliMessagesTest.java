package org.scforge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.Code;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;
import org.scforge.dsl.TestFrames;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure of the CLI is one line: parse errors, names holding newlines, file system errors that say
 * why, huge option values refused before any work, and bugs as internal errors without a stack trace.
 */
class CliMessagesTest {

    @TempDir
    Path dir;

    static Network tiny() {
        return Network.named("tiny").inputs(2, Code.unsigned(3)).weights(3).bitstream(8)
                .sources(SourcePlan.lfsr(6, 3))
                .dense("hidden", 2, Neuron.integrateAndFire(2))
                .dense("out", 2, Neuron.counter())
                .build();
    }

    private Path model() throws Exception {
        Path file = dir.resolve("model.json");
        ModelFile.save(tiny(), file);
        return file;
    }

    private static String oneErrorLine(ConsoleCapture run) {
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.errLines()).singleElement().asString().startsWith("scforge: error: ");
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
        return run.errLines().get(0);
    }

    @Test
    void parseErrorsAreOneLine() {
        assertThat(oneErrorLine(ConsoleCapture.run("validate"))).isEqualTo(
                "scforge: error: Missing required parameter: 'MODEL.json' (see 'scforge validate --help')");
        assertThat(oneErrorLine(ConsoleCapture.run("generate", "--frames", "many", "--model", "m", "--out", "o")))
                .contains("'many' is not an int", "(see 'scforge generate --help')");
        assertThat(oneErrorLine(ConsoleCapture.run("--bogus"))).contains("Unknown option: '--bogus'");
    }

    @Test
    void aNameWithANewlineIsEscaped() throws Exception {
        Path file = model();
        Files.writeString(file, Files.readString(file).replace("\"name\" : \"tiny\"", "\"name\" : \"ti\\nny\\u001b[31m\""));
        assertThat(oneErrorLine(ConsoleCapture.run("validate", file.toString())))
                .contains("network name 'ti\\nny\\u001b[31m' must start with a letter");
        assertThat(Messages.oneLine("a\nb\rc\td\u2028e")).isEqualTo("a\\nb\\rc\\td\\u2028e");
    }

    @Test
    void anEndlessDeviceIsRefused() {
        assertThat(oneErrorLine(ConsoleCapture.run("validate", "/dev/zero")))
                .isEqualTo("scforge: error: /dev/zero: larger than the limit of 64 MiB for a model file (docs/errors.md, Limits)");
    }

    @Test
    void hugeFrameCountsAreRefusedBeforeAnyWork() throws Exception {
        Path file = model();
        for (String command : new String[] {"cosim", "generate", "mutate"}) {
            ConsoleCapture run = ConsoleCapture.run(command, "--model", file.toString(), "--frames", "2147483647",
                    "--out", dir.resolve(command).toString());
            assertThat(oneErrorLine(run)).as(command).isEqualTo("scforge: error: --frames 2147483647 must be between 1 and"
                    + " 100000 (the limit of scforge; docs/errors.md)");
            assertThat(dir.resolve(command)).doesNotExist();
        }
    }

    @Test
    void generateSaysHowManyFramesItWrote() throws Exception {
        Path file = dir.resolve("framed.json");
        TestFrames frames = new TestFrames(List.of(List.of(1, 2), List.of(3, 4), List.of(0, 7)), List.of(0, 1, -1));
        ModelFile.save(new ModelDocument(tiny(), Optional.of(frames), Map.of()), file);
        ConsoleCapture run = ConsoleCapture.run("generate", "--model", file.toString(), "--frames", "20", "--out",
                dir.resolve("rtl").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("test benches on 20 frames (the model's 3 test frames, 4 corner frames and 13 seeded"
                + " random frames (seed 1)),");
        assertThat(Files.readString(dir.resolve("rtl/vectors.hex")).lines().filter(l -> !l.startsWith("//"))).hasSize(20);
        ConsoleCapture two = ConsoleCapture.run("generate", "--model", file.toString(), "--frames", "2", "--out",
                dir.resolve("rtl2").toString());
        assertThat(two.out()).contains("test benches on 2 frames (2 of the model's 3 test frames),");
    }

    @Test
    void anOutputBelowAFileSaysSo() throws Exception {
        Path file = model();
        Path out = file.resolve("sub");
        assertThat(oneErrorLine(ConsoleCapture.run("generate", "--model", file.toString(), "--out", out.toString())))
                .isEqualTo("scforge: error: " + out + " cannot be made: " + file + " is a file, not a folder");
    }

    @Test
    void aReadOnlyParentIsNamedBeforeTheWork() throws Exception {
        Path file = model();
        Path parent = Files.createDirectory(dir.resolve("ro"));
        Path out = Files.createDirectory(parent.resolve("out"));
        // root ignores permissions; the immutable flag holds for root too
        org.junit.jupiter.api.Assumptions.assumeTrue(chattr("+i", parent));
        try {
            String line = oneErrorLine(ConsoleCapture.run("generate", "--model", file.toString(), "--out", out.toString()));
            assertThat(line).startsWith("scforge: error: " + out + ": cannot write beside it in " + parent
                    + ", where the output is put together: ").doesNotContain(".scforge-");
        } finally {
            chattr("-i", parent);
        }
    }

    private static boolean chattr(String flag, Path p) {
        try {
            return new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void fileSystemErrorsSayWhy() {
        StringWriter text = new StringWriter();
        int code = Failures.report(new AccessDeniedException("/x/model.json"), new PrintWriter(text), false);
        assertThat(code).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(text.toString().strip()).isEqualTo("scforge: error: /x/model.json: permission denied");
    }

    @Test
    void aBugIsOneInternalErrorLineWithoutTrace() {
        StringWriter text = new StringWriter();
        int code = Failures.report(new IllegalStateException("boom\nagain"), new PrintWriter(text), false);
        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(text.toString().lines().toList()).containsExactly("scforge: internal error: java.lang.IllegalStateException:"
                + " boom\\nagain (a bug in scforge; SCFORGE_TRACE=1 prints its stack trace)");
        StringWriter traced = new StringWriter();
        Failures.report(new IllegalStateException("boom"), new PrintWriter(traced), true);
        assertThat(traced.toString()).contains("\tat ");
    }

    @Test
    void trainingOptionsAreCheckedAgainstTheLimitsFirst() {
        // the data folder does not exist: an option refused before it is even looked at shows the order
        Path none = dir.resolve("no-data");
        assertThat(oneErrorLine(ConsoleCapture.run("train", "--data", none.toString(), "--lengths", "2000000",
                "--out", dir.resolve("a").toString()))).contains("--lengths 2000000 must be between 1 and 1048576");
        assertThat(oneErrorLine(ConsoleCapture.run("train", "--data", none.toString(), "--hidden", "70000",
                "--out", dir.resolve("b").toString()))).contains("--hidden 70000 must be between 1 and 65536");
        assertThat(oneErrorLine(ConsoleCapture.run("mnist", "--hidden", "70000", "--out", dir.resolve("c").toString())))
                .contains("--hidden 70000 must be between 1 and 65536");
    }

    @Test
    void anUnwritableOutputIsRefusedBeforeTheData() throws Exception {
        Path file = model();
        assertThat(oneErrorLine(ConsoleCapture.run("train", "--data", dir.resolve("no-data").toString(), "--out",
                file.resolve("sub").toString()))).contains("is a file, not a folder");
    }
}
