package org.scforge.cli;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.ModelFileException;

import java.nio.file.Path;

/** Loading model files for commands, turning every problem into a {@link UserError} of one line per problem. */
public final class Models {

    private Models() {
    }

    /**
     * A model for the commands that make hardware of it (generate, synth, build, cosim, mutate, explore,
     * classify): a network with conv layers is refused in one line, since the golden model runs it but
     * no generator knows its RTL yet.
     */
    public static ModelDocument loadDesign(Path file) {
        ModelDocument document = load(file);
        if (document.network().hasImageLayers()) {
            throw new UserError(file + ": network '" + document.network().name() + "' has conv or pool layers ("
                    + document.network().imageLayers().get(0).name() + "); the golden model runs them (scforge validate"
                    + " checks the file), but no RTL is generated for them yet (issue 15)");
        }
        return document;
    }

    public static ModelDocument load(Path file) {
        try {
            return ModelFile.load(file);
        } catch (ModelFileException e) {
            throw new UserError(e.lines(), e);
        }
    }
}
