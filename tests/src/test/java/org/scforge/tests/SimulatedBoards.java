package org.scforge.tests;

import org.scforge.dsl.Network;
import org.scforge.generators.Fold;
import org.scforge.generators.board.Board;
import org.scforge.generators.board.SerialLink;
import org.scforge.generators.synth.Planner;
import org.scforge.harness.BridgeDut;
import org.scforge.harness.DutSources;
import org.scforge.harness.ModelBuilder;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;

import java.nio.file.Path;
import java.util.OptionalDouble;

/** The board top in Verilator as the serial tests use it: the iCEBreaker's link, out of reset, line idle. */
final class SimulatedBoards {

    static final SerialLink LINK = Board.ICEBREAKER.link(Board.DEFAULT_BAUD);

    private SimulatedBoards() {
    }

    /** The plan {@code scforge build --board icebreaker} chooses: the fastest that fits the UP5K. */
    static Fold up5kPlan(Network network) {
        return Planner.choose(network, Board.ICEBREAKER.target(), OptionalDouble.empty(),
                Board.ICEBREAKER.clockHz() / 1e6).orElseThrow().fold();
    }

    /** The board top of {@code network} with {@code fold}, generated into {@code dir}, out of reset, its line idle. */
    static BridgeDut start(Network network, Fold fold, Path dir) {
        return start(network, fold, LINK, dir);
    }

    /** The same on {@code link}. */
    static BridgeDut start(Network network, Fold fold, SerialLink link, Path dir) {
        ToolPolicy.require(Simulator.VERILATOR);
        DutSources sources = DutSources.board(network, fold, link, dir);
        BridgeDut dut = BridgeDut.start(ModelBuilder.standard().build(sources, Simulator.VERILATOR, false), null);
        dut.poke("reset_button_n", 1);
        dut.poke("uart_rx", 1);
        dut.step(20); // past the power-on reset
        return dut;
    }
}
