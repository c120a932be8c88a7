package org.scforge.bench;

import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;
import org.scforge.generators.bench.FrameSelection;
import org.scforge.harness.BridgeDut;
import org.scforge.harness.BuiltModel;
import org.scforge.harness.CodePacking;
import org.scforge.harness.DutSources;
import org.scforge.harness.ModelBuilder;
import org.scforge.harness.Simulator;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the bridge (docs/cosim.md): round-trip latency of one command, the cost per command when
 * commands are pipelined, and frames per second through the one-round-trip {@code frame} command versus
 * cycle-by-cycle driving from Java. A plain {@code main}, not a JMH benchmark: each measurement is one
 * long loop against a live simulator process, which JMH's forks and iterations would only restart.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.scforge.bench.BridgeBenchmark MODEL.json verilator|icarus [frames]</pre>
 */
public final class BridgeBenchmark {

    private BridgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Network network = ModelFile.load(Path.of(args[0])).network();
        Simulator simulator = Simulator.parse(args.length > 1 ? args[1] : "verilator");
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        DutSources design = DutSources.generate(network, false);
        BuiltModel model = ModelBuilder.standard().build(design, simulator, false);
        int[][] codes = FrameSelection.random(network, frames, 1);
        int doneEdge = network.length() + network.layers().size();
        try (BridgeDut dut = BridgeDut.start(model, null)) {
            int n = 2000;
            for (int i = 0; i < 200; i++) {
                dut.command("peek done");
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                dut.command("peek done");
            }
            double roundTrip = (System.nanoTime() - t0) / 1e3 / n;
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                batch.add("peek done");
            }
            t0 = System.nanoTime();
            dut.batch(batch);
            double pipelined = (System.nanoTime() - t0) / 1e3 / n;
            t0 = System.nanoTime();
            for (int[] c : codes) {
                dut.frame(CodePacking.pack(c, network.inputCode()), doneEdge + 8, false);
            }
            double frameCommand = frames / ((System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            for (int[] c : codes) {
                dut.poke("codes", CodePacking.pack(c, network.inputCode()));
                dut.poke("start", 1);
                dut.step(1);
                dut.poke("start", 0);
                for (int e = 1; e <= doneEdge && dut.peek("done").equals(BigInteger.ZERO); e++) {
                    dut.step(1);
                }
                dut.peek("counts");
            }
            double cycleByCycle = frames / ((System.nanoTime() - t0) / 1e9);
            System.out.printf(Locale.ROOT, "%s %s (L=%d): round trip %.1f us/command, pipelined %.2f us/command, "
                            + "frame command %.1f frames/s, cycle-by-cycle from Java %.1f frames/s (%d frames)%n",
                    simulator.id(), network.name(), network.length(), roundTrip, pipelined, frameCommand, cycleByCycle,
                    frames);
        }
    }
}
