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
     * A model to make a design of (generate, cosim): {@link #load}. A learning model, homeostasis included, is generated
     * fully parallel (docs/rtl.md, "Learning layers").
     */
    public static ModelDocument loadDesign(Path file) {
        return load(file);
    }

    /**
     * A model to make {@code what} of (a board top, a plan for a part, a mutation campaign):
     * {@link #load}, and a learning model refused in one line, since {@code what} is not generated for one yet.
     */
    public static ModelDocument loadDesign(Path file, String what) {
        ModelDocument document = loadDesign(file);
        try {
            org.scforge.generators.Generators.refuseLearning(document.network(), what);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage(), e);
        }
        return document;
    }
}
