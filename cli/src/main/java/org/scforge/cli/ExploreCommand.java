package org.scforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.dsl.TestFrames;
import org.scforge.dsl.io.Claim;
import org.scforge.generators.GeneratedDesign;
import org.scforge.generators.GeneratorOptions;
import org.scforge.generators.Generators;
import org.scforge.generators.Tool;
import org.scforge.generators.synth.Planner;
import org.scforge.generators.synth.SynthesisReport;
import org.scforge.generators.synth.SynthesisRunner;
import org.scforge.generators.synth.Target;
import org.scforge.sim.GoldenModel;
import org.scforge.sim.train.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code scforge explore}: the Pareto front of folding plans on a target (estimated LUTs against frames per
 * second), at one or more bitstream lengths with the model's bit-exact accuracy at each, and yosys (with
 * nextpnr on iCE40) on a few of the front's plans (docs/rtl.md, "Choosing the plan").
 */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Sweep folding plans (and bitstream lengths) of a model on a target: the Pareto front of "
                + "estimated LUTs against frames per second, the golden model's accuracy at each length, and "
                + "synthesis of --synth of the front's plans; writes explore.json, explore.txt and explore.png.")
public final class ExploreCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @picocli.CommandLine.Mixin
    DesignOutputOptions io;

    @Option(names = "--target", required = true, paramLabel = "T", description = "ice40-up5k, ice40-hx8k, xc7 or ecp5")
    String target;

    @Option(names = "--lengths", split = ",", paramLabel = "L,...",
            description = "bitstream lengths to explore (default: the model's)")
    List<Integer> lengths;

    @Option(names = "--clock", paramLabel = "MHZ",
            description = "the clock frames per second are counted at (default: the board's oscillator)")
    Double clock;

    @Option(names = "--synth", paramLabel = "K", defaultValue = "0",
            description = "synthesize K plans of the front, spread from the fastest to the smallest, at the first "
                    + "length (default ${DEFAULT-VALUE}: estimates only)")
    int synth;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One plan of the front at one length. */
    private record Point(int length, double accuracy, Planner.Estimate estimate, double framesPerSecond,
                         SynthesisReport measured) {
    }

    @Override
    public Integer call() throws IOException {
        Target t = GenerateCommand.parseTarget(target);
        if (synth < 0) {
            throw new UserError("--synth " + synth + " must be 0 or more");
        }
        if (clock != null && !(clock > 0)) {
            throw new UserError("--clock " + clock + " must be positive");
        }
        double mhz = clock == null ? t.boardClockMhz() : clock;
        ModelDocument document = Models.loadDesign(io.model, "plan chosen for a part");
        List<Integer> at = lengths == null || lengths.isEmpty() ? List.of(document.network().length()) : lengths;
        List<Network> networks = new ArrayList<>();
        for (int length : at) {
            try {
                networks.add(document.network().withLength(length));
            } catch (IllegalArgumentException e) {
                throw new UserError("--lengths " + length + ": " + e.getMessage());
            }
        }
        if (synth > 0) {
            for (Tool tool : t.placeAndRoute() ? new Tool[] {Tool.YOSYS, Tool.NEXTPNR_ICE40} : new Tool[] {Tool.YOSYS}) {
                if (!tool.available()) {
                    throw new UserError(tool.missingMessage());
                }
            }
        }
        PrintWriter console = spec.commandLine().getOut();
        try (Claim claim = Outputs.claim(Outputs.folder("explore", io.out, io.force, io.model))) {
            List<Point> points = claim.publish(dir -> explore(document, networks, t, mhz, dir, console));
            console.println("wrote " + io.out.resolve("explore.txt") + ", explore.json, explore.png ("
                    + points.size() + " plans)");
        }
        return ExitCodes.OK;
    }

    private List<Point> explore(ModelDocument document, List<Network> networks, Target t, double mhz, Path dir,
                                PrintWriter console) throws IOException {
        List<Point> points = new ArrayList<>();
        for (int n = 0; n < networks.size(); n++) {
            Network network = networks.get(n);
            double accuracy = accuracy(document, network);
            console.printf("L = %d: bit-exact accuracy %s; searching plans for %s%n", network.length(),
                    Double.isNaN(accuracy) ? "- (the model has no test frames)" : String.format("%.4f", accuracy),
                    t.cliName());
            console.flush();
            List<Planner.Estimate> front = Planner.frontier(network, t);
            List<Integer> measure = n == 0 ? spread(front.size(), synth) : List.of();
            for (int i = 0; i < front.size(); i++) {
                Planner.Estimate e = front.get(i);
                SynthesisReport measured = null;
                if (measure.contains(i)) {
                    measured = measure(document, network, e, t, dir.resolve("synth-L" + network.length() + "-" + i),
                            console);
                }
                points.add(new Point(network.length(), accuracy, e, e.framesPerSecond(mhz), measured));
            }
        }
        Files.writeString(dir.resolve("explore.txt"), table(points, t, mhz));
        Files.writeString(dir.resolve("explore.json"), json(points, t, mhz));
        Charts.planFront(points.stream().map(p -> new Charts.PlanPoint(p.length(), p.framesPerSecond(),
                        p.estimate().luts(), p.measured() == null ? null : p.measured().luts())).toList(),
                String.format("%s on %s: plans on the estimate's Pareto front (frames/s at %.1f MHz)",
                        document.network().name(), t.cliName(), mhz), dir.resolve("explore.png"));
        console.print(table(points, t, mhz));
        return points;
    }

    /** Indices 0 .. size-1 of k points spread evenly from the fastest (0) to the smallest (size - 1). */
    private static List<Integer> spread(int size, int k) {
        List<Integer> picked = new ArrayList<>();
        for (int j = 0; j < Math.min(k, size); j++) {
            int index = k == 1 ? 0 : (int) Math.round(j * (size - 1) / (double) (Math.min(k, size) - 1));
            if (!picked.contains(index)) {
                picked.add(index);
            }
        }
        return picked;
    }

    private static SynthesisReport measure(ModelDocument document, Network network, Planner.Estimate e, Target t,
                                           Path dir, PrintWriter console) throws IOException {
        console.println("synthesizing " + (e.fold().toString().isEmpty() ? "the fully parallel design" : e.fold())
                + " into " + dir.getFileName());
        console.flush();
        ModelDocument at = document.withNetwork(network);
        GeneratedDesign design = Generators.verilog(at).options(GeneratorOptions.defaults().withFold(e.fold())).target(t)
                .writeTo(dir);
        try {
            return SynthesisRunner.run(network, design.timing(), dir, t, line -> {
                console.println("  " + line);
                console.flush();
            });
        } catch (SynthesisRunner.FailedException ex) {
            console.println("  synthesis failed: " + ex.getMessage());
            return null;
        }
    }

    private static double accuracy(ModelDocument document, Network network) {
        if (document.testFrames().isEmpty()) {
            return Double.NaN;
        }
        TestFrames frames = document.testFrames().get();
        int[][] codes = frames.codes().stream().map(f -> f.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        int[] labels = frames.labels().stream().mapToInt(Integer::intValue).toArray();
        GoldenModel model;
        try {
            model = GoldenModel.of(network);
        } catch (IllegalArgumentException e) {
            // the batch engine's limit on a conv layer's expansion (docs/errors.md, "Limits") is the model's, not a bug
            throw new UserError("explore: " + e.getMessage());
        }
        return Evaluation.bitExact(model, codes, labels).accuracy();
    }

    private static String table(List<Point> points, Target t, double mhz) {
        StringBuilder s = new StringBuilder(String.format("%6s  %-44s %6s %8s %10s %8s %6s %9s %9s%n", "L",
                "plan (--fold)", "T", "cycles", "frames/s", "LUTs~", "BRAM~", "accuracy", "LUTs"));
        for (Point p : points) {
            Planner.Estimate e = p.estimate();
            s.append(String.format("%6d  %-44s %6d %8d %10.0f %8d %6d %9s %9s%n", p.length(),
                    e.fold().toString().isEmpty() ? "(fully parallel)" : e.fold(), e.timing().windowCycles(),
                    e.cyclesPerFrame(), p.framesPerSecond(), e.luts(), e.brams(),
                    Double.isNaN(p.accuracy()) ? "-" : String.format("%.4f", p.accuracy()),
                    p.measured() == null ? "" : p.measured().luts() + (p.measured().fits() ? "" : " (no fit)")));
        }
        s.append(String.format("%s, frames/s at %.1f MHz; LUTs~ and BRAM~ are the planner's estimate (docs/rtl.md), "
                + "LUTs is yosys's count where --synth measured it%n", t.device(), mhz));
        return s.toString();
    }

    private static String json(List<Point> points, Target t, double mhz) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("target", t.cliName());
        root.put("clockMhz", mhz);
        ArrayNode plans = root.putArray("plans");
        for (Point p : points) {
            ObjectNode o = plans.addObject();
            o.put("length", p.length());
            if (Double.isNaN(p.accuracy())) {
                o.putNull("accuracy");
            } else {
                o.put("accuracy", p.accuracy());
            }
            o.put("fold", p.estimate().fold().toString());
            o.put("windowCycles", p.estimate().timing().windowCycles());
            o.put("cyclesPerFrame", p.estimate().cyclesPerFrame());
            o.put("framesPerSecond", p.framesPerSecond());
            ObjectNode e = o.putObject("estimate");
            e.put("luts", p.estimate().luts());
            e.put("brams", p.estimate().brams());
            if (p.measured() != null) {
                o.set("synth", JSON.readTree(p.measured().toJson()));
            }
        }
        return JSON.writeValueAsString(root) + "\n";
    }
}
