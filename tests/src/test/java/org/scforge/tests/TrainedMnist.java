package org.scforge.tests;

import org.scforge.cli.ConsoleCapture;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MNIST demo trained for L = 64 (the length the UP5K board design runs), once per build: the model
 * the board tests put on the iCEBreaker. It is kept in {@code tests/target/trained-mnist-64} so that the
 * tests of one build share it (training takes about 20 s); a clean build trains it again. Any trained
 * model serves: the tests compare the RTL with the golden model of the same file, not with an accuracy.
 */
final class TrainedMnist {

    static final int LENGTH = 64;
    private static final Path DIR = Path.of("target", "trained-mnist-" + LENGTH);

    private TrainedMnist() {
    }

    /** The model file, trained now if this build has none yet. */
    static synchronized Path model() {
        Path model = DIR.resolve("model.json");
        if (!Files.isRegularFile(model) || !hasPreprocessing(model)) { // one trained before the file held it
            ConsoleCapture run = ConsoleCapture.run("mnist", "--length", String.valueOf(LENGTH), "--lengths",
                    String.valueOf(LENGTH), "--out", DIR.toString(), "--force");
            if (run.exitCode() != 0 || !Files.isRegularFile(model)) {
                throw new AssertionError("scforge mnist --length " + LENGTH + " failed (exit " + run.exitCode()
                        + "): " + run.err());
            }
        }
        return model.toAbsolutePath();
    }

    private static boolean hasPreprocessing(Path model) {
        try {
            return ModelFile.load(model).preprocessing().isPresent();
        } catch (Exception e) {
            return false;
        }
    }

    static ModelDocument document() {
        try {
            return ModelFile.load(model());
        } catch (Exception e) {
            throw new AssertionError("cannot read the trained MNIST model: " + e.getMessage(), e);
        }
    }
}
