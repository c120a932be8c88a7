package org.scforge.harness.junit.drivers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.Code;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The build-time entry point: networks named by CLASS#METHOD become driver sources. */
class WriteDriversTest {

    static Network twoByTwo() {
        return Network.named("two_by_two").inputs(2, Code.unsigned(3)).weights(3).bitstream(16)
                .sources(SourcePlan.lowDiscrepancy(4, 1)).dense("out", 2, Neuron.counter()).build();
    }

    @Test
    void writesTheDriverOfEachNamedNetwork(@TempDir Path out) throws Exception {
        WriteDrivers.main(new String[] {out.toString(), "org.example.drivers",
                WriteDriversTest.class.getName() + "#twoByTwo"});
        Path driver = out.resolve("org/example/drivers/TwoByTwoDriver.java");
        assertThat(driver).exists();
        assertThat(Files.readString(driver)).contains("package org.example.drivers;", "INPUTS = 2",
                "OUT_NEURONS = 2", "public int[] runFrame(int... codes)");
        assertThat(DriverGenerator.className(twoByTwo())).isEqualTo("TwoByTwoDriver");
    }

    @Test
    void aReferenceThatIsNoNetworkMethodIsRefusedByName() {
        assertThatThrownBy(() -> WriteDrivers.network("NoHash")).hasMessageContaining("CLASS#METHOD");
        assertThatThrownBy(() -> WriteDrivers.network(WriteDriversTest.class.getName() + "#missing"))
                .hasMessageContaining("#missing");
        assertThatThrownBy(() -> WriteDrivers.network(WriteDriversTest.class.getName()
                + "#aReferenceThatIsNoNetworkMethodIsRefusedByName")).hasMessageContaining("returning a Network");
        assertThatThrownBy(() -> WriteDrivers.main(new String[] {"out"})).hasMessageContaining("usage");
    }
}
