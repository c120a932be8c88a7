package org.scforge.generators.synth;

import org.scforge.dsl.Network;

import java.util.OptionalDouble;

/**
 * One synthesis run in a generated design folder: the module it builds, the yosys script that builds it
 * and the files that script writes, the constraint file, and the clock that place and route must meet
 * (empty: nextpnr's default, for an area measurement). {@code name} tags the logs and reports
 * ({@code yosys_<name>.log}, {@code nextpnr_<name>.json}). The area wrapper of {@code scforge synth} and
 * the board top of {@code scforge build} are two jobs of the one {@link SynthesisRunner}.
 */
public record SynthesisJob(String top, String name, Target target, String script, String netlist, String statFile,
                           String constraintFile, OptionalDouble clockMhz) {

    /** The area measurement of {@code network} on {@code target}: the wrapper {@code <top>_board}. */
    public static SynthesisJob measurement(Network network, Target target) {
        return new SynthesisJob(SynthesisFiles.boardTop(network), target.cliName(), target,
                SynthesisFiles.script(target), SynthesisFiles.netlist(network, target), SynthesisFiles.statFile(target),
                target.constraintFile(), OptionalDouble.empty());
    }

    public String yosysLog() {
        return "yosys_" + name + ".log";
    }

    public String nextpnrLog() {
        return "nextpnr_" + name + ".log";
    }

    public String nextpnrReport() {
        return "nextpnr_" + name + ".json";
    }

    /** nextpnr's placed and routed design, the text icepack turns into a bitstream. */
    public String asc() {
        return top + ".asc";
    }

    /** The bitstream icepack writes. */
    public String bitstream() {
        return top + ".bin";
    }
}
