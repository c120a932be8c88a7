package org.scforge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.Code;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;
import org.scforge.dsl.Synapse;
import org.scforge.dsl.TestFrames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scforge validate}: a summary line for a good model, one error line per problem (exit 2) otherwise. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    private static Network network() {
        return Network.named("digits").inputs(4, Code.signMagnitude(5)).weights(6).bitstream(64)
                .sources(SourcePlan.lfsr(12, 7))
                .dense("hidden", 3, Neuron.integrateAndFire(5).leakShift(2))
                .dense("out", 2, Neuron.counter())
                .build();
    }

    @Test
    void validModelPrintsItsSummary() throws Exception {
        Path file = dir.resolve("model.json");
        ModelFile.save(network(), file);
        ConsoleCapture run = ConsoleCapture.run("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(network().summary() + System.lineSeparator());
        assertThat(run.out()).startsWith("digits: 4-3-2, 2 layers, 5 neurons, 23 synapses, L=64, inputs sm5, weights sm6");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void xnorModelValidatesAndItsSummaryNamesTheXnorLayers() throws Exception {
        Network xnor = Network.named("bipolar").inputs(4, Code.signMagnitude(5)).weights(6).bitstream(64)
                .sources(SourcePlan.lfsr(12, 7))
                .dense("hidden", 3, Neuron.integrateAndFire(5), Synapse.XNOR)
                .dense("out", 2, Neuron.counter())
                .build();
        Path file = dir.resolve("xnor.json");
        ModelFile.save(xnor, file);
        assertThat(Files.readString(file)).contains("\"synapse\" : \"xnor\"");
        ConsoleCapture run = ConsoleCapture.run("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("bipolar: 4-3-2, 2 layers, 5 neurons, 23 synapses, L=64, inputs sm5, weights sm6"
                + " (xnor synapses: hidden), widths ");
        Files.writeString(file, Files.readString(file).replace("\"xnor\"", "\"bipolar\""));
        assertOneErrorLine(ConsoleCapture.run("validate", file.toString()),
                file + ": $.layers[0].synapse is 'bipolar', not a synapse kind; use and or xnor");
    }

    @Test
    void summaryCountsTheTestFrames() throws Exception {
        Path file = dir.resolve("framed.json");
        TestFrames frames = new TestFrames(List.of(List.of(1, -2, 3, 31), List.of(0, 0, 0, -31)), List.of(1, -1));
        ModelFile.save(new ModelDocument(network(), Optional.of(frames), Map.of("seed", "7")), file);
        ConsoleCapture run = ConsoleCapture.run("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().strip()).isEqualTo(network().summary() + ", 2 test frames");
    }

    @Test
    void missingFileIsOneErrorLine() {
        Path file = dir.resolve("absent.json");
        assertOneErrorLine(ConsoleCapture.run("validate", file.toString()), file + ": no such file");
    }

    @Test
    void truncatedFileIsOneErrorLine() throws Exception {
        Path file = dir.resolve("cut.json");
        String json = ModelFile.toJson(ModelDocument.of(network()));
        Files.writeString(file, json.substring(0, json.length() / 2));
        assertOneErrorLine(ConsoleCapture.run("validate", file.toString()), file + ": not valid JSON at line ");
    }

    @Test
    void wrongVersionIsOneErrorLine() throws Exception {
        assertEditedModelRefused("\"version\" : 1", "\"version\" : 9", ": model file version 9 is not supported");
    }

    @Test
    void invalidNetworkIsOneErrorLine() throws Exception {
        assertEditedModelRefused("\"threshold\" : 5", "\"threshold\" : 0",
                ": invalid model: layer 'hidden': threshold 0 must be >= 1");
    }

    @Test
    void everyProblemOfAnInvalidNetworkIsALineOfItsOwn() throws Exception {
        Path file = dir.resolve("edited.json");
        String json = ModelFile.toJson(ModelDocument.of(network()));
        Files.writeString(file, json.replace("\"threshold\" : 5", "\"threshold\" : 0").replace("\"weightBits\" : 6", "\"weightBits\" : 40"));
        ConsoleCapture run = ConsoleCapture.run("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.out()).isEmpty();
        String invalid = "scforge: error: " + file + ": invalid model: ";
        assertThat(run.errLines()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(line -> assertThat(line).startsWith(invalid))
                .contains(invalid + "network 'digits': weight bits 40 must be between 1 and 16")
                .anySatisfy(line -> assertThat(line).startsWith(invalid + "layer 'hidden': threshold 0 must be >= 1"));
    }

    /** Saves the model with {@code from} replaced by {@code to}; validate must refuse it with one line. */
    private void assertEditedModelRefused(String from, String to, String expected) throws Exception {
        Path file = dir.resolve("edited.json");
        String json = ModelFile.toJson(ModelDocument.of(network()));
        assertThat(json).contains(from);
        Files.writeString(file, json.replace(from, to));
        assertOneErrorLine(ConsoleCapture.run("validate", file.toString()), file + expected);
    }

    @Test
    void directoryIsOneErrorLine() {
        assertOneErrorLine(ConsoleCapture.run("validate", dir.toString()), dir + ": cannot read");
    }

    @Test
    void missingArgumentIsAUsageError() {
        ConsoleCapture run = ConsoleCapture.run("validate");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.errLines()).first().asString().startsWith("scforge: error: Missing required parameter");
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
    }

    private static void assertOneErrorLine(ConsoleCapture run, String expectedStart) {
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith("scforge: error: " + expectedStart);
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
    }
}
