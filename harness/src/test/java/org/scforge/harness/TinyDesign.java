package org.scforge.harness;

import org.scforge.generators.Port;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The hand-written {@code tiny} module of the test resources as an {@link DutSources}. Public because the
 * test jar shares it with harness-junit's tests of the JUnit extension.
 */
public final class TinyDesign {

    private TinyDesign() {
    }

    public static DutSources design() {
        try {
            Path dir = Files.createTempDirectory("scforge-tiny-");
            Path file = dir.resolve("tiny.v");
            try (InputStream in = TinyDesign.class.getResourceAsStream("tiny.v")) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            DutPorts ports = new DutPorts(List.of(Port.in("clk", 1), Port.in("rst", 1), Port.in("start", 1),
                    Port.in("codes", 4), Port.out("busy", 1), Port.out("done", 1), Port.out("counts", 8),
                    Port.out("class_out", 1)), List.of(), 4, 4, 1);
            return new DutSources("tiny", List.of(file), ports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
