package org.scforge.dsl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A model file is exactly one JSON object with each key once, of bounded size, with labels the readout
 * can produce: what Jackson's defaults let through (trailing text, a second document, last-wins
 * duplicates) and what the reader once took on trust (any label, any file size) is refused with one line
 * naming the place.
 */
class ModelFileStrictnessTest {

    private static final String ORIGIN = "m.json";

    @TempDir
    Path dir;

    private static ModelDocument document() {
        Network network = Network.named("tiny").inputs(2, Code.unsigned(3)).weights(3).bitstream(8)
                .sources(SourcePlan.lfsr(6, 3))
                .dense("hidden", 2, Neuron.integrateAndFire(2))
                .dense("out", 3, Neuron.counter())
                .build();
        return new ModelDocument(network, Optional.of(new TestFrames(List.of(List.of(1, 2), List.of(3, 4)),
                List.of(2, -1))), Map.of());
    }

    private static String json() {
        return ModelFile.toJson(document());
    }

    private static String refusal(String text) {
        ModelFileException e = catchThrowableOfType(ModelFileException.class, () -> ModelFile.parse(text, ORIGIN));
        assertThat(e).as("refused: %s", text.length() > 200 ? text.substring(0, 200) : text).isNotNull();
        assertThat(e.getMessage()).startsWith(ORIGIN + ": ").doesNotContain("\n");
        return e.getMessage();
    }

    @Test
    void theModelItselfIsRead() throws Exception {
        assertThat(ModelFile.parse(json(), ORIGIN)).isEqualTo(document());
        assertThat(ModelFile.parse(json() + "  \n\n", ORIGIN)).isEqualTo(document());
    }

    @Test
    void textAfterTheObjectIsRefused() {
        assertThat(refusal(json() + "x")).contains("text after the JSON document at line", "exactly one JSON object");
        assertThat(refusal(json() + "]")).contains("text after the JSON document");
        assertThat(refusal(json() + "42")).contains("text after the JSON document");
    }

    @Test
    void aSecondDocumentIsRefused() {
        assertThat(refusal(json() + json())).contains("text after the JSON document at line " + (json().lines().count() + 1));
    }

    @Test
    void duplicateKeysAreRefusedWithTheirPath() {
        assertThat(refusal(json().replace("\"weightBits\" : 3,", "\"weightBits\" : 3, \"weightBits\" : 4,")))
                .startsWith(ORIGIN + ": $.weightBits: the key appears twice in one object at line ");
        String second = json().replaceFirst("\"name\" : \"out\",", "\"name\" : \"out\", \"name\" : \"out2\",");
        assertThat(refusal(second)).startsWith(ORIGIN + ": $.layers[1].name: the key appears twice");
        String neuron = json().replaceFirst("\"threshold\" : 2,", "\"threshold\" : 2, \"threshold\" : 2,");
        assertThat(refusal(neuron)).startsWith(ORIGIN + ": $.layers[0].neuron.threshold: the key appears twice");
    }

    @Test
    void labelsOutsideTheClassesAreRefused() {
        assertThat(json()).contains("\"labels\" : [2, -1]");
        assertThat(refusal(json().replace("\"labels\" : [2, -1]", "\"labels\" : [2, 42]")))
                .isEqualTo(ORIGIN + ": $.testFrames.labels[1] is 42; it must be -1 (no label) or a class 0..2 of the readout layer 'out'");
        assertThat(refusal(json().replace("\"labels\" : [2, -1]", "\"labels\" : [-7, 0]")))
                .startsWith(ORIGIN + ": $.testFrames.labels[0] is -7; it must be -1");
        assertThat(refusal(json().replace("\"labels\" : [2, -1]", "\"labels\" : [3, 0]")))
                .startsWith(ORIGIN + ": $.testFrames.labels[0] is 3; it must be -1");
    }

    @Test
    void syntaxErrorsNameTheirPlace() {
        String broken = json().replaceFirst("\"threshold\" : 2,", "\"threshold\" : 2,,");
        assertThat(refusal(broken)).startsWith(ORIGIN + ": not valid JSON at line ").contains("($.layers[0].neuron");
        assertThat(refusal(broken)).doesNotContain("truncated");
        assertThat(refusal(json().substring(0, 100))).contains("(is the file truncated?)");
    }

    @Test
    void anEndlessDeviceIsReadOnlyUpToTheLimit() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero));
        ModelFileException e = catchThrowableOfType(ModelFileException.class, () -> ModelFile.load(zero));
        assertThat(e).hasMessage("/dev/zero: larger than the limit of 64 MiB for a model file (docs/errors.md, Limits)");
    }

    @Test
    void aFileLargerThanTheLimitIsRefused() throws Exception {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(Limits.MAX_MODEL_FILE_BYTES + 1); // sparse: no disk used
        }
        ModelFileException e = catchThrowableOfType(ModelFileException.class, () -> ModelFile.load(big));
        assertThat(e.getMessage()).isEqualTo(big + ": larger than the limit of 64 MiB for a model file (docs/errors.md, Limits)");
    }

    @Test
    void aFolderSaysWhyItCannotBeRead() {
        ModelFileException e = catchThrowableOfType(ModelFileException.class, () -> ModelFile.load(dir));
        assertThat(e.getMessage()).isEqualTo(dir + ": cannot read: is a directory");
    }
}
