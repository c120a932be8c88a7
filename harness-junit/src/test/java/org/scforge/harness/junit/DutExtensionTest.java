package org.scforge.harness.junit;

import org.scforge.dsl.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.scforge.harness.Dut;
import org.scforge.harness.DutSources;
import org.scforge.harness.FrameResult;
import org.scforge.harness.Simulator;
import org.scforge.harness.TinyDesign;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

class DutExtensionTest {

    static DutSources tiny() {
        return TinyDesign.design();
    }

    @DutTest(design = "tiny")
    void aFrameOnTheTinyDesign(Dut dut, Simulator simulator) {
        FrameResult frame = dut.frame(BigInteger.valueOf(0b1001), 10, false);
        assertThat(frame.doneEdge()).as(simulator.id()).isEqualTo(3);
        dut.expect("counts", (3 * 2) << 4 | 3);
        dut.expect("class_out", 1);
    }

    /** Run only through the test kit below (Surefire skips nested classes). */
    static class FailingTiny {
        static DutSources tiny() {
            return TinyDesign.design();
        }

        @DutTest(design = "tiny")
        void wrongCount(Dut dut) {
            dut.frame(BigInteger.valueOf(0b0101), 10, false);
            dut.expect("counts", 0);
        }
    }

    @Test
    void aFailingTestNamesCycleSignalAndValuesAndKeepsItsWaveform() throws Exception {
        Path waves = Path.of("target/waves/FailingTiny/wrongCount");
        AtomicFiles.deleteTree(waves);
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingTiny.class)).execute()
                .testEvents();
        events.assertStatistics(s -> s.started(2).failed(2));
        String message = events.failed().stream().findFirst().orElseThrow().getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()
                .getMessage();
        assertThat(message).startsWith("cycle 4: counts = 0x33 (0b00110011), expected 0x0 (0b00000000)")
                .contains("waveform: ");
        for (Simulator s : Simulator.values()) {
            Path vcd = waves.resolve(s.id() + ".vcd");
            assertThat(vcd).exists();
            assertThat(Files.readString(vcd)).contains("$var").contains("counts");
        }
    }

    /** Run only through the test kit below. */
    static class PassingTiny {
        static DutSources tiny() {
            return TinyDesign.design();
        }

        @DutTest(design = "tiny")
        void rightCount(Dut dut) {
            dut.frame(BigInteger.valueOf(0b0101), 10, false);
            dut.expect("counts", 0x33);
        }
    }

    @Test
    void aPassingTestLeavesNoWaveform() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(PassingTiny.class)).execute().testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Path.of("target/waves/PassingTiny")).doesNotExist();
    }
}
