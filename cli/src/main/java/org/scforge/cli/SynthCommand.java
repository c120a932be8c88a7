package org.scforge.cli;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.io.AtomicFiles;
import org.scforge.dsl.io.Claim;
import org.scforge.generators.Fold;
import org.scforge.generators.GeneratedDesign;
import org.scforge.generators.GeneratorOptions;
import org.scforge.generators.Generators;
import org.scforge.generators.Tool;
import org.scforge.generators.synth.Planner;
import org.scforge.generators.synth.SynthesisReport;
import org.scforge.generators.synth.SynthesisRunner;
import org.scforge.generators.synth.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code scforge synth}: generate, run yosys (and nextpnr-ice40 on iCE40), report area, fmax and throughput. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate a model's RTL, synthesize it with yosys (place and route with nextpnr-ice40 "
                + "on iCE40 targets) and write DIR/synth.json with LUTs, FFs, fmax and frames per second.")
public final class SynthCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    DesignOutputOptions io;

    @picocli.CommandLine.Mixin
    FoldOption fold;

    @picocli.CommandLine.Mixin
    LengthOption length;

    @Option(names = "--target", required = true, paramLabel = "T", description = "ice40-up5k, ice40-hx8k, xc7 or ecp5")
    String target;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Target t = GenerateCommand.parseTarget(target);
        ModelDocument document = length.apply(Models.loadDesign(io.model));
        PrintWriter console = spec.commandLine().getOut();
        SynthesisTools.require(t.placeAndRoute() ? List.of(Tool.YOSYS, Tool.NEXTPNR_ICE40) : List.of(Tool.YOSYS));
        FoldOption.Plan chosen = fold.plan(document.network(), Optional.of(t), console);
        Fold plan = chosen.fold();
        // printed beside the measured figures; none for a learning network, which the planner does not model
        Optional<Planner.Estimate> estimate = Planner.estimateIfModelled(document.network(), plan, t);
        SynthesisReport report;
        try (Claim claim = Outputs.claim(Outputs.folder("synth", io.out, io.force, io.model))) {
            console.println("generating " + document.network().name() + " into " + io.out);
            console.flush();
            GeneratedDesign design = Generators.verilog(document).options(GeneratorOptions.defaults().withFold(plan)).target(t)
                    .publish(claim);
            GenerateCommand.writePlan(io.out, chosen, document);
            report = SynthesisRunner.run(document.network(), design.timing(), io.out, t, line -> {
                console.println(line);
                console.flush();
            });
            AtomicFiles.writeString(io.out.resolve("synth.json"), report.toJson(plan.toString(), estimate.orElse(null)));
        } catch (IOException e) {
            return SynthesisTools.failed(e, spec.commandLine().getErr());
        }
        console.printf("%-12s %8s %8s %8s %6s %5s %9s %7s %12s%n", "target", "LUTs", "FFs", "carries", "BRAMs", "fits",
                "fmax MHz", "cycles", "frames/s");
        console.printf("%-12s %8d %8d %8d %6d %5s %9s %7d %12s%n", report.target(), report.luts(), report.ffs(),
                report.carries(), report.brams(), report.fits() ? "yes" : "no",
                report.fmaxMhz() == null ? "-" : String.format("%.2f", report.fmaxMhz()), report.cyclesPerFrame(),
                report.framesPerSecond() == null ? "-" : String.format("%.0f", report.framesPerSecond()));
        if (estimate.isPresent()) {
            console.printf("%-12s %8d %8s %8s %6d %5s %9s %7d %12s%n", "estimate", estimate.get().luts(), "", "",
                    estimate.get().brams(), "", "", estimate.get().cyclesPerFrame(), "");
        } else {
            console.println("estimate     none: the planner has no cost model for learning layers");
        }
        console.println("wrote " + io.out.resolve("synth.json") + " (fold: " + (plan.toString().isEmpty() ? "none"
                : plan) + ")");
        return report.fits() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
