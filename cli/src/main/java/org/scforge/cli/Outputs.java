package org.scforge.cli;

import org.scforge.dsl.ScforgeVersion;
import org.scforge.dsl.io.Claim;
import org.scforge.dsl.io.IoErrors;
import org.scforge.dsl.io.Manifest;
import org.scforge.dsl.io.OutputFolder;

import java.io.IOException;
import java.nio.file.Path;

/** The output folder of a command: marked with the command's name and scforge's version, refusals as user errors. */
final class Outputs {

    private Outputs() {
    }

    /** {@code out} as written by {@code command}, which reads {@code inputs} (never inside {@code out}). */
    static OutputFolder folder(String command, Path out, ForceOption force, Path... inputs) {
        OutputFolder folder = OutputFolder.of(out, new Manifest(command, ScforgeVersion.NUMBER)).force(force.force);
        for (Path input : inputs) {
            folder = folder.protecting(input);
        }
        return folder;
    }

    /** Claims the folder before the command's work starts, so that a refusal comes at once. */
    static Claim claim(OutputFolder folder) {
        try {
            return folder.claim();
        } catch (IOException e) {
            throw new UserError(IoErrors.reason(e), e);
        }
    }
}
