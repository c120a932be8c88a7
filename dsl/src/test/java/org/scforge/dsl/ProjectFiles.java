package org.scforge.dsl;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Files of the repository (docs, README) seen from a module's test, which runs in the module folder. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    /** {@code relative} resolved against the nearest folder above the working directory that holds it. */
    static Path find(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(relative))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("%s above %s", relative, Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve(relative);
    }
}
