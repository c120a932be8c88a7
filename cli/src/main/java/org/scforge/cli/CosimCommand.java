package org.scforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.dsl.io.Claim;
import org.scforge.generators.Fold;
import org.scforge.generators.bench.FrameSelection;
import org.scforge.harness.Cosim;
import org.scforge.harness.CosimReport;
import org.scforge.harness.DutSources;
import org.scforge.harness.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code scforge cosim}: generates a model's RTL, runs frames through it in Verilator or Icarus and through
 * the golden model in lock-step, and reports every difference. Exit 1 on any mismatch or when nothing was
 * compared, 2 on a user error.
 */
@Command(name = "cosim", mixinStandardHelpOptions = true,
        description = "Co-simulate the generated RTL against the golden model, frame by frame (and cycle by cycle with --trace); "
                + "writes DIR/rtl and DIR/cosim.json.")
public final class CosimCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    DesignOutputOptions io;

    @Option(names = "--frames", defaultValue = "100", description = "frames to run (default ${DEFAULT-VALUE}): the model's test frames, then corner frames, then seeded random codes")
    int frames;

    @Option(names = "--simulator", defaultValue = "verilator", description = "verilator or icarus (default ${DEFAULT-VALUE})")
    String simulator;

    @Option(names = "--trace", description = "also compare every layer's spikes and membranes at every step")
    boolean trace;

    @Option(names = "--seed", defaultValue = "" + FrameSelection.DEFAULT_SEED, description = "seed of the random codes used beyond the model's test frames (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--learn", defaultValue = "on", description = "for a model with a learning layer: run every frame with learning on (default ${DEFAULT-VALUE}), so that the weights learn from frame to frame, or off (frozen at the file's weights)")
    String learn;

    @picocli.CommandLine.Mixin
    FoldOption fold;

    @picocli.CommandLine.Mixin
    LengthOption length;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        OptionLimits.frames(frames);
        if (!learn.equals("on") && !learn.equals("off")) {
            throw new UserError("--learn " + learn + ": give on or off");
        }
        Simulator sim;
        try {
            sim = Simulator.parse(simulator);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        ModelDocument document = length.apply(Models.loadDesign(io.model));
        try (Claim claim = Outputs.claim(Outputs.folder("cosim", io.out, io.force, io.model))) {
            SimulatorChecks.require(List.of(sim));
            // the design, the run and its report are made in the claimed folder's hidden sibling and swapped
            // in together: a failed run leaves the earlier output as it was
            CosimReport report = claim.publish(dir -> cosim(document, sim, dir));
            spec.commandLine().getOut().println("wrote " + io.out.resolve("cosim.json"));
            return report.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    private CosimReport cosim(ModelDocument document, Simulator sim, Path dir) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Network network = document.network();
        Fold plan = fold.plan(network);
        FrameSelection input = FrameSelection.of(document, frames, seed);
        boolean learns = network.layers().stream().anyMatch(org.scforge.dsl.DenseLayer::learns);
        stdout.println("cosim " + network.name() + " in " + sim.id() + (trace ? " with per-cycle trace" : "")
                + (learns ? ", learning " + learn : "")
                + (plan.timing(network).folded() ? ", folded " + plan : "") + ": "
                + input.origin());
        DutSources design = DutSources.generate(network, trace, plan, dir.resolve("rtl"));
        int every = Math.max(1, frames / 10);
        CosimReport report = Cosim.of(network, design).simulator(sim).trace(trace).learn(learn.equals("on"))
                .progress(done -> {
                    if (done % every == 0 || done == frames) {
                        stderr.printf(Locale.ROOT, "  %d/%d frames%n", done, frames);
                        stderr.flush();
                    }
                })
                .run(input.codes());
        stdout.println(report.summary());
        stdout.printf(Locale.ROOT, "%s build %s, rtl %.1f frames/s, golden %.1f frames/s%n", sim.id(),
                report.buildSeconds() == 0 ? "reused from the cache" : String.format(Locale.ROOT, "%.1f s", report.buildSeconds()),
                report.rtlFramesPerSecond(), report.goldenFramesPerSecond());
        report.firstMismatch().ifPresent(m -> stdout.println("first mismatch: " + m));
        if (report.valuesCompared() == 0) {
            stdout.println("nothing was compared");
        }
        Files.writeString(dir.resolve("cosim.json"), json(report));
        return report;
    }

    static String json(CosimReport report) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = mapper.createObjectNode();
        o.put("simulator", report.simulator().id());
        o.put("frames", report.frames());
        o.put("valuesCompared", report.valuesCompared());
        o.put("mismatches", report.mismatches());
        o.put("rtlFramesPerSecond", report.rtlFramesPerSecond());
        o.put("goldenFramesPerSecond", report.goldenFramesPerSecond());
        o.put("buildSeconds", report.buildSeconds());
        if (report.weightsCompared() > 0) {
            o.put("weightsCompared", report.weightsCompared());
            o.put("weightMismatches", report.weightMismatches());
        }
        report.firstMismatch().ifPresent(m -> o.put("firstMismatch", m.toString()));
        o.put("handshakeChecks", report.handshakeChecks());
        report.handshakeFailure().ifPresent(f -> o.put("handshakeFailure", f));
        return mapper.writeValueAsString(o) + "\n";
    }
}
