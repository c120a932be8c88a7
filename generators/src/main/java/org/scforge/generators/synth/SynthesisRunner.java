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
    /** Block RAMs in the units of {@link Target#bramCapacity}: iCE40 4 kbit, xc7 RAMB18 (and RAMB36E1 below), ECP5 DP16KD. */
    private static final Pattern BRAM = Pattern.compile("SB_RAM40_4K\\w*|RAMB18E1|DP16KD");
    /** An xc7 RAMB36E1 is two RAMB18s of the XC7A35T's 100. */
    private static final Pattern DOUBLE_BRAM = Pattern.compile("RAMB36E1");
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
        return run(network, FrameTiming.unfolded(network.length(), network.depth()), dir, target, progress);
    }

    /** Synthesis of the area wrapper of a design with {@code timing} (its cycles per frame give the frames per second). */
    public static SynthesisReport run(Network network, FrameTiming timing, Path dir, Target target,
                                      Consumer<String> progress) throws IOException {
        return run(SynthesisJob.measurement(network, target), timing, dir, progress);
    }

    /**
     * Runs {@code job}'s yosys script in {@code dir} and, on iCE40, nextpnr-ice40 with its constraints (at its
     * clock when it names one); the report's fmax is nextpnr's, its frames per second at that fmax.
     */
    public static SynthesisReport run(SynthesisJob job, FrameTiming timing, Path dir, Consumer<String> progress)
            throws IOException {
        Target target = job.target();
        progress.accept("yosys: synthesizing " + job.top() + " for " + target.device() + " (log: "
                + dir.resolve(job.yosysLog()) + ")");
        long began = System.nanoTime();
        Tool.Result yosys = Tool.YOSYS.run(dir, TIMEOUT_SECONDS, "-q", "-l", job.yosysLog(), "-s", job.script());
        if (!yosys.ok()) {
            throw new FailedException("yosys failed (exit " + yosys.exitCode() + "); see " + dir.resolve(job.yosysLog()));
        }
        progress.accept(String.format("yosys: done in %.1f s", (System.nanoTime() - began) / 1e9));
        Map<String, Long> cells = cellCounts(dir.resolve(job.statFile()));
        long luts = count(cells, LUT);
        long ffs = count(cells, FF);
        Double fmax = null;
        long brams = count(cells, BRAM) + 2 * count(cells, DOUBLE_BRAM);
        boolean fits = luts <= target.lutCapacity() && ffs <= target.ffCapacity() && brams <= target.bramCapacity();
        if (target.placeAndRoute()) {
            progress.accept("nextpnr-ice40: placing and routing on " + target.device()
                    + (job.clockMhz().isPresent() ? " for " + mhz(job.clockMhz().getAsDouble()) + " MHz" : ""));
            began = System.nanoTime();
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(target.nextpnrDeviceOption(),
                    "--package", target.nextpnrPackage(), "--json", job.netlist(), "--pcf", job.constraintFile(),
                    "--asc", job.asc(), "--report", job.nextpnrReport(), "--timing-allow-fail", "--log",
                    job.nextpnrLog()));
            job.clockMhz().ifPresent(f -> args.addAll(java.util.List.of("--freq", mhz(f))));
            Tool.Result pnr = Tool.NEXTPNR_ICE40.run(dir, TIMEOUT_SECONDS, args.toArray(String[]::new));
            progress.accept(String.format("nextpnr-ice40: %s in %.1f s", pnr.ok() ? "done" : "failed",
                    (System.nanoTime() - began) / 1e9));
            fits = pnr.ok();
            if (pnr.ok()) {
                fmax = fmax(dir.resolve(job.nextpnrReport()));
            }
        }
        long cycles = timing.cyclesPerFrame();
        Double fps = fmax == null ? null : fmax * 1e6 / cycles;
        return new SynthesisReport(target.cliName(), luts, ffs, count(cells, CARRY), brams, fits, fmax,
                cycles, fps);
    }

    /**
     * icepack: {@code job}'s placed design into its bitstream, written to a temporary name and renamed, so
     * that a failed or interrupted run leaves no truncated {@code .bin} a user could flash.
     */
    public static Path pack(SynthesisJob job, Path dir, Consumer<String> progress) throws IOException {
        String partial = job.bitstream() + ".partial";
        Tool.Result pack = Tool.ICEPACK.run(dir, TIMEOUT_SECONDS, job.asc(), partial);
        if (!pack.ok()) {
            Files.deleteIfExists(dir.resolve(partial));
            throw new FailedException("icepack failed (exit " + pack.exitCode() + "): " + pack.output().strip());
        }
        Path bitstream = dir.resolve(job.bitstream());
        Files.move(dir.resolve(partial), bitstream, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        progress.accept("icepack: wrote " + bitstream + " (" + Files.size(bitstream) + " bytes)");
        return bitstream;
    }

    private static String mhz(double f) {
        return f == Math.rint(f) ? String.valueOf((long) f) : String.valueOf(f);
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
