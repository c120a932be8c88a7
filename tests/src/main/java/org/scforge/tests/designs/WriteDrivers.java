package org.scforge.tests.designs;

import org.scforge.harness.junit.drivers.DriverGenerator;

import java.io.IOException;
import java.nio.file.Path;

/** Build step (exec-maven-plugin, generate-test-sources): writes the typed drivers of {@link TestNetworks}. */
public final class WriteDrivers {

    private WriteDrivers() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        DriverGenerator.driver(TestNetworks.tinyMlp(), "org.scforge.tests.drivers").writeTo(out);
    }
}
