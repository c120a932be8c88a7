package org.scforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.io.AtomicFiles;
import org.scforge.dsl.io.Claim;
import org.scforge.harness.Simulator;
import org.scforge.harness.mutation.MutantResult;
import org.scforge.harness.mutation.MutationCampaign;
import org.scforge.harness.mutation.MutationReport;
import org.scforge.harness.mutation.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code scforge mutate}: how much the design's own regression proves. Generates the design, applies N
 * single mutations to its Verilog and runs the Icarus bench and the co-simulation on each; writes
 * {@code DIR/mutation.json} and {@code DIR/mutation.txt} (the table). Exit 0 when every mutant was killed,
 * 1 when some survived, 2 on a user error.
 */
@Command(name = "mutate", mixinStandardHelpOptions = true,
        description = "Mutation testing of the generated RTL's regression: apply N single mutations to the Verilog, "
                + "run the benches and the co-simulation on each, and report which were killed and how; "
                + "writes DIR/mutation.json, DIR/mutation.txt and DIR/design.")
public final class MutateCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    DesignOutputOptions io;

    @Option(names = "--mutants", defaultValue = "100", description = "mutants to draw (default ${DEFAULT-VALUE})")
    int mutants;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the draw (default ${DEFAULT-VALUE}): the same seed gives the same mutants")
    long seed;

    @Option(names = "--frames", defaultValue = "20", description = "frames of the bench and of each co-simulation (default ${DEFAULT-VALUE}): the model's test frames, then corner frames, then seeded random codes")
    int frames;

    @Option(names = "--simulator", defaultValue = "icarus", split = ",",
            description = "the co-simulation's simulators, icarus and/or verilator (default ${DEFAULT-VALUE}; the Icarus bench always runs)")
    List<String> simulators;

    @Option(names = "--jobs", description = "mutants run at a time (default: the number of cores)")
    Integer jobs;

    @picocli.CommandLine.Mixin
    FoldOption fold;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (mutants < 1) {
            throw new UserError("--mutants " + mutants + " must be at least 1");
        }
        OptionLimits.frames(frames);
        if (jobs != null && jobs < 1) {
            throw new UserError("--jobs " + jobs + " must be at least 1");
        }
        List<Simulator> sims = new ArrayList<>();
        try {
            for (String s : simulators) {
                sims.add(Simulator.parse(s.strip()));
            }
        } catch (IllegalArgumentException e) {
            throw new UserError("--simulator: " + e.getMessage());
        }
        sims.add(0, Simulator.ICARUS); // the bench's simulator, needed whatever the co-simulation uses
        SimulatorChecks.require(sims);
        ModelDocument document = Models.loadDesign(io.model, "mutation campaign");
        MutationCampaign campaign = MutationCampaign.of(document).fold(fold.plan(document.network()))
                .mutants(mutants).seed(seed).frames(frames).simulators(sims.subList(1, sims.size()).stream().distinct().toList());
        if (jobs != null) {
            campaign.jobs(jobs);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        AtomicInteger done = new AtomicInteger();
        campaign.progress(r -> {
            int n = done.incrementAndGet();
            if (n % 10 == 0 || n == mutants) {
                synchronized (stderr) {
                    stderr.printf(Locale.ROOT, "  %d/%d mutants%n", n, mutants);
                    stderr.flush();
                }
            }
        });
        try (Claim claim = Outputs.claim(Outputs.folder("mutate", io.out, io.force, io.model))) {
            MutationReport report = claim.publish(dir -> {
                Path work = dir.resolve("work");
                MutationReport r;
                try {
                    r = campaign.run(work);
                } catch (IllegalStateException e) {
                    throw new UserError(e.getMessage(), e);
                }
                // the design stays for reading the survivors' lines; the mutants and their builds go
                Files.move(work.resolve("design"), dir.resolve("design"));
                AtomicFiles.deleteTree(work);
                Files.writeString(dir.resolve("mutation.json"), json(r));
                Files.writeString(dir.resolve("mutation.txt"), table(r));
                return r;
            });
            stdout.print(table(report));
            stdout.println("wrote " + io.out.resolve("mutation.json") + " and " + io.out.resolve("mutation.txt"));
            return report.survivors().isEmpty() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    static String table(MutationReport r) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "mutation testing of %s%s: %d mutants of %d candidates, seed %d, %d frames, "
                        + "Icarus bench + co-simulation in %s%n", r.design(), r.fold().isEmpty() ? "" : " folded " + r.fold(),
                r.results().size(), r.candidates(), r.seed(), r.frames(),
                String.join(", ", r.simulators().stream().map(Simulator::id).toList())));
        t.append("| outcome | mutants |\n| --- | --- |\n");
        for (Outcome o : Outcome.values()) {
            t.append("| ").append(o.label()).append(" | ").append(r.count(o)).append(" |\n");
        }
        t.append(String.format(Locale.ROOT, "killed: %.1f %% of all mutants%n", r.score()));
        if (!r.survivors().isEmpty()) {
            t.append("survivors:\n");
            for (MutantResult s : r.survivors()) {
                t.append("  #").append(s.mutant().id()).append(' ').append(s.mutant().describe().replace("\n", " / ")).append('\n');
            }
        }
        return t.toString();
    }

    static String json(MutationReport r) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = mapper.createObjectNode();
        o.put("design", r.design());
        o.put("fold", r.fold());
        o.put("seed", r.seed());
        o.put("frames", r.frames());
        ArrayNode sims = o.putArray("cosimSimulators");
        r.simulators().forEach(s -> sims.add(s.id()));
        o.put("candidates", r.candidates());
        o.put("mutants", r.results().size());
        ObjectNode counts = o.putObject("outcomes");
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome.name().toLowerCase(Locale.ROOT), r.count(outcome));
        }
        o.put("killedPercent", Math.round(r.score() * 10) / 10.0);
        ArrayNode list = o.putArray("results");
        for (MutantResult m : r.results()) {
            ObjectNode e = list.addObject();
            e.put("id", m.mutant().id());
            e.put("file", m.mutant().file());
            e.put("line", m.mutant().line());
            e.put("operator", m.mutant().operator().label());
            e.put("before", m.mutant().before());
            e.put("after", m.mutant().after());
            e.put("outcome", m.outcome().name().toLowerCase(Locale.ROOT));
            e.put("detail", m.detail());
        }
        return mapper.writeValueAsString(o) + "\n";
    }
}
