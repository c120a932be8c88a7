package org.scforge.cli;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.ModelFileException;

import java.nio.file.Path;

/** Loading model files for commands, turning every problem into a {@link UserError} of one line per problem. */
public final class Models {

    private Models() {
    }

    public static ModelDocument load(Path file) {
        try {
            return ModelFile.load(file);
        } catch (ModelFileException e) {
            throw new UserError(e.lines(), e);
        }
    }

    /**
     * A model to make a design of (generate, build, synth, cosim, explore, mutate): {@link #load}, and a
     * learning model refused in one line, since no learning RTL exists yet (issue 16).
     */
    public static ModelDocument loadDesign(Path file) {
        ModelDocument document = load(file);
        try {
            org.scforge.generators.Generators.refuseLearning(document.network());
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage(), e);
        }
        return document;
    }
}
