package org.scforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scforge.dsl.Network;
import org.scforge.generators.Fold;
import org.scforge.generators.FrameTiming;
import org.scforge.generators.synth.Planner;
import org.scforge.generators.synth.Target;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code --fold LAYER=P[xS][:memory][,...]}, shared by generate, cosim and synth (docs/semantics.md
 * section 1.1, docs/rtl.md), and {@code --fps N}, {@code --clock MHZ}: without {@code --fold}, a command
 * that knows its target lets {@link Planner} choose the plan.
 */
public final class FoldOption {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--fold", paramLabel = "LAYER=P[xS][:memory][,...]",
            description = "compute P neurons of LAYER at a time (1..N; unnamed layers stay fully parallel), S of "
                    + "each neuron's synapses per cycle (1..fan-in+1, default all), weights in block RAM with "
                    + ":memory (in LUTs by default): less area, more cycles per frame, the same results. Without it, "
                    + "synth (and generate with --target) choose a plan for the target")
    String fold;

    @Option(names = "--fps", paramLabel = "N",
            description = "without --fold: the plan with the fewest LUTs that reaches N frames per second at --clock")
    Double fps;

    @Option(names = "--clock", paramLabel = "MHZ",
            description = "the clock --fps counts with (default: the board's oscillator, 12 MHz for the iCE40 boards, "
                    + "100 MHz for the Arty's xc7)")
    Double clock;

    /** A plan and, when the planner chose it, its estimate. */
    record Plan(Fold fold, Optional<Planner.Estimate> estimate, Optional<Target> target) {

        /** {@code plan.json}: the plan as --fold takes it, its timing and the estimate it was chosen by. */
        String toJson(Network network) {
            ObjectNode o = JSON.createObjectNode();
            o.put("fold", fold.toString());
            FrameTiming timing = fold.timing(network);
            o.put("windowCycles", timing.windowCycles());
            o.put("cyclesPerFrame", timing.cyclesPerFrame());
            o.put("chosenBy", estimate.isPresent() ? "planner" : "--fold");
            target.ifPresent(t -> Planner.estimateIfModelled(network, fold, t).ifPresent(e -> {
                ObjectNode est = o.putObject("estimate");
                est.put("target", t.cliName());
                est.put("luts", e.luts());
                est.put("brams", e.brams());
                est.put("note", "analytical estimate (docs/rtl.md); synth.json has yosys's and nextpnr's figures");
            }));
            try {
                return JSON.writeValueAsString(o) + "\n";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The plan given by --fold, checked against {@code network}; a bad one is a one-line user error. */
    Fold plan(Network network) {
        if (fps != null || clock != null) {
            throw new UserError("--fps and --clock choose a plan for a target: use them with synth or generate --target");
        }
        return parsed(network);
    }

    /**
     * The plan given by --fold, or, without it and with a {@code target}, the planner's choice (printed
     * with its estimate on {@code console}).
     */
    Plan plan(Network network, Optional<Target> target, PrintWriter console) {
        if (fold != null && !fold.isBlank()) {
            if (fps != null) {
                throw new UserError("--fps chooses a plan: give --fold or --fps, not both");
            }
            return new Plan(parsed(network), Optional.empty(), target);
        }
        if (target.isEmpty()) {
            if (fps != null || clock != null) {
                throw new UserError("--fps and --clock choose a plan for a target: add --target");
            }
            return new Plan(Fold.none(), Optional.empty(), target);
        }
        Target t = target.get();
        Planner.unmodelled(network).ifPresent(layer -> {
            throw new UserError("network '" + network.name() + "' has a learning layer ('" + layer.name() + "'), and the"
                    + " planner has no cost model for learning layers yet: give the plan with --fold, e.g. --fold "
                    + layer.name() + "=1:memory (docs/rtl.md, \"Board wrapper and synthesis\")");
        });
        if (fps != null && !(fps > 0)) {
            throw new UserError("--fps " + fps + " must be positive");
        }
        if (clock != null && !(clock > 0)) {
            throw new UserError("--clock " + clock + " must be positive");
        }
        double mhz = clock == null ? t.boardClockMhz() : clock;
        OptionalDouble rate = fps == null ? OptionalDouble.empty() : OptionalDouble.of(fps);
        Planner.Estimate chosen = Planner.choose(network, t, rate, mhz).orElseThrow(() -> new UserError(
                fps == null ? "no plan fits " + t.device() + " by the estimate; give --fold to try one"
                        : String.format("no plan that fits %s reaches %.0f frames/s at %.1f MHz by the estimate; "
                        + "lower --fps, raise --clock, or give --fold", t.device(), fps, mhz)));
        console.printf("plan for %s: %s (estimate: %d LUTs, %d block RAMs, %d cycles per frame, %.0f frames/s at "
                        + "%.1f MHz)%n", t.cliName(), chosen.fold().toString().isEmpty() ? "fully parallel" : chosen.fold(),
                chosen.luts(), chosen.brams(), chosen.cyclesPerFrame(), chosen.framesPerSecond(mhz), mhz);
        console.flush();
        return new Plan(chosen.fold(), Optional.of(chosen), target);
    }

    private Fold parsed(Network network) {
        try {
            return Fold.parse(fold).validate(network);
        } catch (IllegalArgumentException e) {
            throw new UserError("--fold: " + e.getMessage());
        }
    }
}
