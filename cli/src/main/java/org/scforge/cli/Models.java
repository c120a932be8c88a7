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
}
