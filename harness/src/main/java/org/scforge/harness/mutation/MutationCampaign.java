package org.scforge.harness.mutation;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.generators.Fold;
import org.scforge.generators.GeneratedDesign;
import org.scforge.generators.GeneratorOptions;
import org.scforge.generators.Generators;
import org.scforge.generators.Tool;
import org.scforge.generators.bench.FrameSelection;
import org.scforge.harness.Cosim;
import org.scforge.harness.CosimReport;
import org.scforge.harness.DutSources;
import org.scforge.harness.ModelBuilder;
import org.scforge.harness.Simulator;
import org.scforge.harness.SimulatorException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Mutation testing of a design's own regression: generates the design (with trace ports and its test
 * benches), draws single mutations of its Verilog ({@link Mutator}, deterministic by seed) and runs on each
 * mutant what a user's CI runs: the generated Icarus bench ({@code tb_<top>.v}: values and handshake) and
 * the co-simulation against the golden model ({@link Cosim}: values, per-cycle trace, handshake) in each
 * chosen simulator, mutants in parallel. The design unmutated must pass first.
 *
 * <pre>{@code
 * MutationReport r = MutationCampaign.of(document).fold(plan).mutants(100).seed(1).run(workDir);
 * }</pre>
 */
public final class MutationCampaign {

    /** A compile or a bench run of a small design takes a second; a mutant that loops (recursion, a hang) is stopped. */
    private static final long TIMEOUT_SECONDS = 20;
    /**
     * A mutant's compile and bench run in at most this much memory: a mutant whose generate loop never ends
     * ({@code i = i - 1}) makes ivl allocate about 0.5 GB a second, 9 GB by the timeout, where the fully parallel
     * MNIST design compiles in 237 MB.
     */
    private static final long MEMORY_BYTES = 4L << 30;

    private final ModelDocument document;
    private Fold fold = Fold.none();
    private int mutants = 100;
    private long seed = 1;
    private int frames = 20;
    private List<Simulator> simulators = List.of(Simulator.ICARUS);
    private int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());
    private Consumer<MutantResult> progress = r -> { };

    private MutationCampaign(ModelDocument document) {
        this.document = document;
    }

    public static MutationCampaign of(ModelDocument document) {
        return new MutationCampaign(document);
    }

    public MutationCampaign fold(Fold plan) {
        this.fold = plan;
        return this;
    }

    public MutationCampaign mutants(int count) {
        this.mutants = count;
        return this;
    }

    public MutationCampaign seed(long s) {
        this.seed = s;
        return this;
    }

    /** Frames of the bench and of each co-simulation: {@link org.scforge.generators.bench.FrameSelection}'s. */
    public MutationCampaign frames(int count) {
        this.frames = count;
        return this;
    }

    /** The simulators the co-simulation runs in (the Icarus bench always runs). */
    public MutationCampaign simulators(List<Simulator> list) {
        this.simulators = List.copyOf(list);
        return this;
    }

    public MutationCampaign jobs(int threads) {
        this.jobs = threads;
        return this;
    }

    /** Called after each mutant (from the worker threads). */
    public MutationCampaign progress(Consumer<MutantResult> onMutant) {
        this.progress = onMutant;
        return this;
    }

    /** Runs the campaign in {@code work} (the design in {@code work/design}, mutants in {@code work/mutants}). */
    public MutationReport run(Path work) throws IOException {
        Simulator.ICARUS.requireAvailable(); // the bench's simulator
        simulators.forEach(Simulator::requireAvailable);
        Files.createDirectories(work);
        Network network = document.network();
        Path designDir = work.resolve("design");
        GeneratedDesign design = Generators.verilog(document)
                .options(GeneratorOptions.defaults().withTraceOutputs(true).withFold(fold))
                .testBench(frames).force(true).writeTo(designDir);
        DutSources rtl = DutSources.of(network, design);
        Map<String, String> files = new LinkedHashMap<>();
        for (Path f : design.rtlFiles()) {
            files.put(f.getFileName().toString(), Files.readString(f));
        }
        int[][] codes = FrameSelection.of(document, frames, FrameSelection.DEFAULT_SEED).codes();
        ModelBuilder builder = new ModelBuilder(work.resolve("cache"));
        Regression regression = new Regression(network, rtl, codes, builder);

        MutantResult baseline = regression.check(null, designDir);
        if (baseline.outcome().killed()) {
            throw new IllegalStateException("the unmutated design fails its own regression: " + baseline.detail());
        }
        List<Mutant> drawn = Mutator.sample(files, mutants, seed);
        Path mutantsDir = work.resolve("mutants");
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<MutantResult>> futures = new ArrayList<>();
            for (Mutant m : drawn) {
                futures.add(pool.submit(() -> {
                    Path dir = mutantsDir.resolve("m" + m.id());
                    copy(designDir, dir);
                    m.apply(dir);
                    MutantResult r = regression.check(m, dir);
                    progress.accept(r);
                    return r;
                }));
            }
            List<MutantResult> results = new ArrayList<>();
            for (Future<MutantResult> f : futures) {
                results.add(f.get());
            }
            return new MutationReport(network.name(), fold.toString(), seed, frames, simulators,
                    Mutator.all(files).size(), results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("a mutant could not be run: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /** The design's regression on one folder: the Icarus bench, then the co-simulation in each simulator. */
    private final class Regression {
        private final Network network;
        private final DutSources design;
        private final int[][] codes;
        private final ModelBuilder builder;

        Regression(Network network, DutSources design, int[][] codes, ModelBuilder builder) {
            this.network = network;
            this.design = design;
            this.codes = codes;
            this.builder = builder;
        }

        MutantResult check(Mutant mutant, Path dir) throws IOException {
            List<String> rtlFiles = design.files().stream().map(p -> p.getFileName().toString()).toList();
            String top = design.top();
            List<String> args = new ArrayList<>(List.of("-g2005", "-o", "tb.vvp", "-s", "tb_" + top));
            args.addAll(rtlFiles);
            args.add("tb_" + top + ".v");
            Tool.Result compiled = Tool.IVERILOG.runWithMemoryLimit(dir, TIMEOUT_SECONDS, MEMORY_BYTES, args.toArray(String[]::new));
            if (!compiled.ok()) {
                return new MutantResult(mutant, Outcome.KILLED_BY_COMPILATION, "iverilog: " + firstLine(compiled.output()));
            }
            Tool.Result bench = Tool.VVP.runWithMemoryLimit(dir, TIMEOUT_SECONDS, MEMORY_BYTES, "-n", "tb.vvp");
            String handshake = null;
            if (!bench.ok() || !bench.output().contains("PASS:")) {
                String failure = failureLine(bench.output());
                if (!failure.contains("handshake")) {
                    return new MutantResult(mutant, Outcome.KILLED_BY_VALUES, "tb_" + top + ".v: " + failure);
                }
                handshake = "tb_" + top + ".v: " + failure;
            }
            DutSources mutated = new DutSources(top, rtlFiles.stream().map(dir::resolve).toList(), design.ports());
            for (Simulator simulator : simulators) {
                CosimReport report;
                try {
                    report = Cosim.of(network, mutated).simulator(simulator).trace(true).builder(builder).run(codes);
                } catch (UncheckedIOException e) {
                    return new MutantResult(mutant, Outcome.KILLED_BY_COMPILATION,
                            simulator.id() + " build: " + firstLine(String.valueOf(e.getCause().getMessage())));
                } catch (SimulatorException e) {
                    return new MutantResult(mutant, Outcome.KILLED_BY_VALUES, simulator.id() + ": " + firstLine(e.getMessage()));
                }
                if (report.mismatches() > 0 || report.valuesCompared() == 0) {
                    return new MutantResult(mutant, Outcome.KILLED_BY_VALUES, simulator.id() + " cosim: "
                            + report.firstMismatch().map(Object::toString).orElse("nothing compared"));
                }
                if (handshake == null && report.handshakeFailure().isPresent()) {
                    handshake = simulator.id() + " cosim: " + report.handshakeFailure().get();
                }
            }
            return handshake != null ? new MutantResult(mutant, Outcome.KILLED_BY_HANDSHAKE, handshake)
                    : new MutantResult(mutant, Outcome.SURVIVED, "");
        }
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }

    /** The bench's failure: its FATAL/FAIL line, else its last line (a timeout, say). */
    private static String failureLine(String output) {
        List<String> lines = output.strip().lines().toList();
        return lines.stream().filter(l -> l.contains("FATAL") || l.contains("FAIL")).findFirst()
                .map(l -> l.replaceFirst("^.*?(FATAL|FAIL): (\\S+\\.v:\\d+: )?", ""))
                .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1));
    }
}
