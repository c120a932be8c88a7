package org.scforge.cli;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.io.Claim;
import org.scforge.generators.Fold;
import org.scforge.generators.GeneratedDesign;
import org.scforge.generators.GeneratorOptions;
import org.scforge.generators.Generators;
import org.scforge.generators.VerilogGenerator;
import org.scforge.generators.board.BoardFiles;
import org.scforge.generators.board.SerialLink;
import org.scforge.generators.bench.FrameSelection;
import org.scforge.generators.synth.Planner;
import org.scforge.generators.synth.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code scforge generate}: the RTL, test benches, vectors, synthesis script and constraints of a model. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write the Verilog of a model, its self-checking Icarus and Verilator test benches "
                + "(expected values from the golden model), a yosys script and board constraints.")
public final class GenerateCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    DesignOutputOptions io;

    @picocli.CommandLine.Mixin
    FoldOption fold;

    @picocli.CommandLine.Mixin
    LengthOption length;

    @picocli.CommandLine.Mixin
    BoardOption board;

    @Option(names = "--trace-ports", description = "add <layer>_spikes and <layer>_membrane debug outputs (docs/rtl.md)")
    boolean tracePorts;

    @Option(names = "--target", paramLabel = "T", defaultValue = "ice40-up5k",
            description = "synthesis target: ice40-up5k, ice40-hx8k, xc7, ecp5 (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "20",
            description = "test-bench frames: the model's test frames, then corner frames, then seeded random codes (default: ${DEFAULT-VALUE})")
    int frames;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        board.checkBaudHasABoard();
        boolean targetGiven = spec.commandLine().getParseResult().hasMatchedOption("--target");
        Optional<SerialLink> link = board.given() ? Optional.of(board.link()) : Optional.empty();
        Target t = link.map(l -> l.board().target()).orElse(parseTarget(target));
        if (link.isPresent() && targetGiven && parseTarget(target) != t) {
            throw new UserError("--board " + link.get().board().cliName() + " is a " + t.cliName() + " board: drop --target "
                    + target + " or give --target " + t.cliName());
        }
        OptionLimits.frames(frames);
        ModelDocument document = length.apply(link.isPresent() ? Models.loadDesign(io.model, "board top")
                : Models.loadDesign(io.model));
        // a learning model gets the board wrapper and synthesis files only when --target asks for them (docs/rtl.md,
        // "Learning layers"); without it, its files are the RTL and the benches, as before the wrapper existed
        boolean benchesOnly = !targetGiven && Planner.unmodelled(document.network()).isPresent();
        // an explicit --target (or a board) without --fold asks for a plan that fits it
        FoldOption.Plan plan = fold.plan(document.network(), targetGiven || link.isPresent() ? Optional.of(t)
                : Optional.empty(), spec.commandLine().getOut());
        GeneratedDesign design;
        try (Claim claim = Outputs.claim(Outputs.folder("generate", io.out, io.force, io.model))) {
            design = write(claim, document, benchesOnly ? null : t, plan.fold(), link);
            writePlan(io.out, plan, document);
        }
        spec.commandLine().getOut().printf("wrote %s: %d RTL files (top %s), test benches on %s%s%n",
                io.out, design.rtlFiles().size(), design.top(), benchFrames(document, frames),
                benchesOnly ? " (learn low; learning runs: scforge cosim)" : ", synth_" + t.cliName() + ".ys, " + t.constraintFile());
        if (design.timing().folded()) {
            spec.commandLine().getOut().printf("folded: windows of %d cycles, done at edge %d after start%n",
                    design.timing().windowCycles(), design.timing().doneEdge());
        }
        link.ifPresent(l -> spec.commandLine().getOut().printf("board top %s for the %s: %d baud (%d clocks per bit), "
                + "pins in %s; build the bitstream with scforge build --board %s%n", BoardFiles.topModule(document.network()),
                l.board().description(), l.baud(), l.clocksPerBit(), l.board().constraintFile(), l.board().cliName()));
        spec.commandLine().getOut().printf("run: %s/run_icarus.sh   or   %s/run_verilator.sh%n", io.out, io.out);
        return ExitCodes.OK;
    }

    /** What the benches run: "20 frames (the model's 12 test frames, 5 corner frames and 3 seeded random frames (seed 1))". */
    static String benchFrames(ModelDocument document, int asked) {
        return asked + " frames (" + FrameSelection.of(document, asked, FrameSelection.DEFAULT_SEED).origin() + ")";
    }

    private GeneratedDesign write(Claim claim, ModelDocument document, Target t, Fold plan, Optional<SerialLink> link) {
        try {
            VerilogGenerator generator = Generators.verilog(document)
                    .options(GeneratorOptions.defaults().withTraceOutputs(tracePorts).withFold(plan))
                    .testBench(frames).target(t);
            link.ifPresent(generator::board);
            return generator.publish(claim);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /**
     * {@code DIR/plan.json}: the plan, so that the design can be rebuilt exactly (--fold takes its text);
     * written while the folder's claim is held, like everything a command adds to its published design.
     */
    static void writePlan(java.nio.file.Path dir, FoldOption.Plan plan, ModelDocument document) {
        try {
            org.scforge.dsl.io.AtomicFiles.writeString(dir.resolve("plan.json"), plan.toJson(document.network()));
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    static Target parseTarget(String name) {
        return Target.byName(name).orElseThrow(() -> new UserError("unknown target '" + name + "'; use one of "
                + Target.names()));
    }
}
