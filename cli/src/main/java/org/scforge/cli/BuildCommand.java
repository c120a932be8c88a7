package org.scforge.cli;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.io.AtomicFiles;
import org.scforge.dsl.io.Claim;
import org.scforge.generators.GeneratedDesign;
import org.scforge.generators.GeneratorOptions;
import org.scforge.generators.Generators;
import org.scforge.generators.Tool;
import org.scforge.generators.board.Board;
import org.scforge.generators.board.BoardFiles;
import org.scforge.generators.board.BoardReport;
import org.scforge.generators.board.SerialLink;
import org.scforge.generators.synth.Planner;
import org.scforge.generators.synth.SynthesisJob;
import org.scforge.generators.synth.SynthesisReport;
import org.scforge.generators.synth.SynthesisRunner;
import org.scforge.generators.synth.Target;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code scforge build}: the board top of a model (the network behind a UART), synthesized, placed and
 * routed at the board clock and packed into a bitstream; for a part without open place and route, the
 * synthesis report and the constraints, saying so.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Generate the board top of a model (the network behind a UART, docs/rtl.md), synthesize it "
                + "with yosys, place and route it with nextpnr-ice40 at the board clock and write the bitstream with "
                + "icepack (icebreaker); for arty-a7 the synthesis report and constraints only. Writes DIR/build.json.")
public final class BuildCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    DesignOutputOptions io;

    @picocli.CommandLine.Mixin
    BoardOption board;

    @picocli.CommandLine.Mixin
    FoldOption fold;

    @picocli.CommandLine.Mixin
    LengthOption length;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!board.given()) {
            throw new UserError("build needs --board: one of " + Board.names());
        }
        SerialLink link = board.link();
        Board b = link.board();
        Target target = b.target();
        PrintWriter console = spec.commandLine().getOut();
        List<Tool> tools = new ArrayList<>(List.of(Tool.YOSYS));
        if (target.placeAndRoute()) {
            tools.addAll(List.of(Tool.NEXTPNR_ICE40, Tool.ICEPACK));
        }
        SynthesisTools.require(tools);
        ModelDocument document = length.apply(Models.loadDesign(io.model, "board top"));
        FoldOption.Plan plan = fold.plan(document.network(), Optional.of(target), console);
        BoardReport report;
        try (Claim claim = Outputs.claim(Outputs.folder("build", io.out, io.force, io.model))) {
            console.printf("generating the %s board top of %s (%d baud, %d clocks per bit) into %s%n", b.cliName(),
                    document.network().name(), link.baud(), link.clocksPerBit(), io.out);
            console.flush();
            GeneratedDesign design = Generators.verilog(document).options(GeneratorOptions.defaults().withFold(plan.fold()))
                    .board(link).publish(claim);
            GenerateCommand.writePlan(io.out, plan, document);
            SynthesisJob job = BoardFiles.job(document.network(), b);
            SynthesisReport synthesis = SynthesisRunner.run(job, design.timing(), io.out, line -> {
                console.println(line);
                console.flush();
            });
            report = new BoardReport(link, plan.fold().toString(), synthesis, Optional.empty(), 0);
            if (target.placeAndRoute() && synthesis.fits() && report.meetsTiming()) {
                Path bin = SynthesisRunner.pack(job, io.out, console::println);
                report = report.withBitstream(bin.getFileName().toString(), Files.size(bin));
            }
            AtomicFiles.writeString(io.out.resolve("build.json"), report.toJson());
        } catch (IOException e) {
            return SynthesisTools.failed(e, spec.commandLine().getErr());
        }
        print(console, report, Planner.estimate(document.network(), plan.fold(), target));
        return verdict(report);
    }

    private static void print(PrintWriter console, BoardReport report, Planner.Estimate estimate) {
        SynthesisReport s = report.synthesis();
        Target t = report.link().board().target();
        console.printf("%-10s %13s %9s %9s %11s %7s %12s%n", "", "LUTs", "FFs", "BRAMs", "fmax MHz", "cycles",
                "frames/s");
        console.printf("%-10s %6d/%-6d %9d %4d/%-4d %11s %7d %12s%n", "measured", s.luts(), t.lutCapacity(), s.ffs(),
                s.brams(), t.bramCapacity(), s.fmaxMhz() == null ? "-" : String.format("%.2f", s.fmaxMhz()),
                s.cyclesPerFrame(), report.meetsTiming() ? String.format("%.0f", report.framesPerSecondAtBoardClock()) : "-");
        console.printf("%-10s %6d%7s %9s %4d%5s %11s %7d%n", "estimate", estimate.luts(), "", "", estimate.brams(), "",
                "", estimate.cyclesPerFrame());
        console.printf("frames/s at the %.0f MHz board clock (when timing is met), the serial line not counted%n",
                report.clockMhz());
    }

    /** The exit code and the last lines: what the user has now and what to do with it. */
    private Integer verdict(BoardReport report) {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SynthesisReport s = report.synthesis();
        Board b = report.link().board();
        Path json = io.out.resolve("build.json");
        if (!b.target().placeAndRoute()) {
            console.printf("no open place and route for %s exists here (no bitstream, no fmax): %s has yosys's "
                    + "synthesis report and the constraints %s; a bitstream needs Vivado%n", b.target().cliName(), io.out,
                    b.constraintFile());
            console.println("wrote " + json);
            return ExitCodes.OK;
        }
        if (!s.fits()) {
            err.printf("scforge: the design does not fit the %s (%d LUTs of %d; see %s); give a smaller --fold%n",
                    b.target().device(), s.luts(), b.target().lutCapacity(), io.out.resolve("nextpnr_" + b.cliName() + ".log"));
            return ExitCodes.CHECK_FAILED;
        }
        if (!report.meetsTiming()) {
            err.printf("scforge: timing not met: fmax %.2f MHz is below the %.0f MHz board clock; no bitstream written "
                    + "(give a --fold with fewer neurons per cycle)%n", s.fmaxMhz(), report.clockMhz());
            console.println("wrote " + json);
            return ExitCodes.CHECK_FAILED;
        }
        console.printf("timing met: fmax %.2f MHz >= %.0f MHz board clock%n", s.fmaxMhz(), report.clockMhz());
        console.printf("bitstream: %s (%d bytes); flash it with: iceprog %s%n", io.out.resolve(report.bitstream().orElseThrow()),
                report.bitstreamBytes(), io.out.resolve(report.bitstream().orElseThrow()));
        console.println("wrote " + json);
        return ExitCodes.OK;
    }
}
