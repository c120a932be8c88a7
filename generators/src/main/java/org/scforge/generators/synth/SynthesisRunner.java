package org.scforge.generators.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.scforge.dsl.Network;
import org.scforge.generators.FrameTiming;
import org.scforge.generators.Tool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs yosys on a generated design directory (which holds {@code synth_<target>.ys}) and, for iCE40
 * targets, nextpnr-ice40 with the target's .pcf; reads the cell counts from yosys {@code stat -json}
 * and fmax from nextpnr's {@code --report}. Nothing is estimated.
 */
public final class SynthesisRunner {

    private static final Pattern LUT = Pattern.compile("SB_LUT4|LUT[1-6](_2)?|LUT4");
    private static final Pattern FF = Pattern.compile("SB_DFF\\w*|FD[RSCP]E|TRELLIS_FF");
    private static final Pattern CARRY = Pattern.compile("SB_CARRY|CARRY4|CCU2C");
    private static final Pattern BRAM = Pattern.compile("SB_RAM40_4K\\w*|RAMB(18|36)E1|DP16KD");
    private static final long TIMEOUT_SECONDS = 6 * 3600;

    private SynthesisRunner() {
    }

    /** Thrown when a tool ran and failed; the message names the tool and the log. */
    public static final class FailedException extends IOException {
        private static final long serialVersionUID = 1L;

        FailedException(String message) {
            super(message);
        }
    }

    /** Synthesis of a fully parallel design. */
    public static SynthesisReport run(Network network, Path dir, Target target, Consumer<String> progress)
            throws IOException {
        return run(network, FrameTiming.unfolded(network.length(), network.layers().size()), dir, target, progress);
    }

    /** Synthesis of a design with {@code timing} (its cycles per frame give the frames per second). */
    public static SynthesisReport run(Network network, FrameTiming timing, Path dir, Target target,
                                      Consumer<String> progress) throws IOException {
        progress.accept("yosys: synthesizing " + SynthesisFiles.boardTop(network) + " for " + target.device()
                + " (log: " + dir.resolve("yosys_" + target.cliName() + ".log") + ")");
        long began = System.nanoTime();
        Tool.Result yosys = Tool.YOSYS.run(dir, TIMEOUT_SECONDS, "-q", "-l", "yosys_" + target.cliName() + ".log",
                "-s", SynthesisFiles.script(target));
        if (!yosys.ok()) {
            throw new FailedException("yosys failed (exit " + yosys.exitCode() + "); see "
                    + dir.resolve("yosys_" + target.cliName() + ".log"));
        }
        progress.accept(String.format("yosys: done in %.1f s", (System.nanoTime() - began) / 1e9));
        Map<String, Long> cells = cellCounts(dir.resolve(SynthesisFiles.statFile(target)));
        long luts = count(cells, LUT);
        long ffs = count(cells, FF);
        Double fmax = null;
        boolean fits = luts <= target.lutCapacity() && ffs <= target.ffCapacity();
        if (target.placeAndRoute()) {
            progress.accept("nextpnr-ice40: placing and routing on " + target.device());
            began = System.nanoTime();
            Tool.Result pnr = Tool.NEXTPNR_ICE40.run(dir, TIMEOUT_SECONDS, target.nextpnrDeviceOption(), "--package",
                    target.nextpnrPackage(), "--json", SynthesisFiles.netlist(network, target), "--pcf",
                    target.constraintFile(), "--asc", SynthesisFiles.boardTop(network) + ".asc",
                    "--report", "nextpnr_" + target.cliName() + ".json", "--timing-allow-fail",
                    "--log", "nextpnr_" + target.cliName() + ".log");
            progress.accept(String.format("nextpnr-ice40: %s in %.1f s", pnr.ok() ? "done" : "failed",
                    (System.nanoTime() - began) / 1e9));
            fits = pnr.ok();
            if (pnr.ok()) {
                fmax = fmax(dir.resolve("nextpnr_" + target.cliName() + ".json"));
            }
        }
        long cycles = timing.cyclesPerFrame();
        Double fps = fmax == null ? null : fmax * 1e6 / cycles;
        return new SynthesisReport(target.cliName(), luts, ffs, count(cells, CARRY), count(cells, BRAM), fits, fmax,
                cycles, fps);
    }

    /** Cell type to count, from the design totals of yosys {@code stat -json}. */
    static Map<String, Long> cellCounts(Path statFile) throws IOException {
        String text = Files.readString(statFile);
        JsonNode root = new ObjectMapper().readTree(text.substring(text.indexOf('{')));
        JsonNode byType = root.path("design").path("num_cells_by_type");
        if (byType.isMissingNode()) {
            throw new FailedException("no design cell counts in " + statFile);
        }
        Map<String, Long> cells = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = byType.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            cells.put(e.getKey(), e.getValue().asLong());
        }
        return cells;
    }

    private static long count(Map<String, Long> cells, Pattern kind) {
        return cells.entrySet().stream().filter(e -> kind.matcher(e.getKey()).matches())
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The lowest achieved clock frequency in nextpnr's JSON report. */
    static Double fmax(Path report) throws IOException {
        JsonNode fmax = new ObjectMapper().readTree(report.toFile()).path("fmax");
        Double lowest = null;
        for (JsonNode clock : fmax) {
            double achieved = clock.path("achieved").asDouble();
            lowest = lowest == null ? achieved : Math.min(lowest, achieved);
        }
        return lowest;
    }
}
