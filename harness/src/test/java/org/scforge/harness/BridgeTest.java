package org.scforge.harness;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BridgeTest {

    @TempDir
    static Path cache;

    @ParameterizedTest
    @EnumSource(Simulator.class)
    void pokeStepPeekAndFrame(Simulator simulator) {
        ToolPolicy.require(simulator);
        BuiltModel model = new ModelBuilder(cache).build(TinyDesign.design(), simulator, false);
        try (BridgeDut dut = BridgeDut.start(model, null)) {
            dut.poke("rst", 1);
            dut.step(1);
            dut.poke("rst", 0);
            dut.expect("done", 0);
            dut.poke("codes", 0b1101);
            dut.poke("start", 1);
            dut.step(1);
            dut.poke("start", 0);
            dut.expect("busy", 1);
            dut.step(3);
            dut.expect("done", 1);
            dut.expect("counts", (3 * 3) << 4 | 3);
            assertThat(dut.cycle()).isEqualTo(5);
            assertThatThrownBy(() -> dut.expect("counts", 0x12))
                    .hasMessage("cycle 5: counts = 0x93 (0b10010011), expected 0x12 (0b00010010)");

            FrameResult frame = dut.frame(BigInteger.valueOf(0b0110), 10, false);
            assertThat(frame.doneEdge()).isEqualTo(3);
            assertThat(frame.counts()).isEqualTo(BigInteger.valueOf(3 << 4 | 6));
            assertThat(frame.classOut()).isEqualTo(0);
        }
    }

    @ParameterizedTest
    @EnumSource(Simulator.class)
    void aSecondBuildOfTheSameDesignComesFromTheCache(Simulator simulator) {
        ToolPolicy.require(simulator);
        ModelBuilder builder = new ModelBuilder(cache);
        builder.build(TinyDesign.design(), simulator, false);
        BuiltModel again = builder.build(TinyDesign.design(), simulator, false);
        assertThat(again.cached()).isTrue();
        assertThat(again.buildSeconds()).isZero();
    }
}
