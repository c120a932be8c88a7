package org.scforge.cli;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ValidationException;
import picocli.CommandLine.Option;

/**
 * {@code --length L}, shared by generate, cosim and synth: the model's network at another bitstream length
 * (the same weights, sources and masks; {@code Network.withLength}), without editing its file.
 */
public final class LengthOption {

    @Option(names = "--length", paramLabel = "L",
            description = "run the model at bitstream length L instead of the one in its file (same weights)")
    Integer length;

    /** {@code document} at the chosen length (unchanged without {@code --length}); a bad L is a one-line user error. */
    ModelDocument apply(ModelDocument document) {
        if (length == null) {
            return document;
        }
        try {
            return document.withNetwork(document.network().withLength(length));
        } catch (ValidationException e) {
            throw new UserError("--length " + length + ": " + e.getMessage());
        }
    }
}
