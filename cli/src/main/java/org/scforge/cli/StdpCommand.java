package org.scforge.cli;

import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Limits;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.TestFrames;
import org.scforge.dsl.io.Claim;
import org.scforge.sim.data.DataException;
import org.scforge.sim.data.IdxFolder;
import org.scforge.sim.learn.StdpExample;
import org.scforge.sim.learn.StdpNetwork;
import org.scforge.sim.learn.StdpOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code scforge stdp}: the on-chip learning example (issue 16, docs/stdp.md) on the embedded digits: STDP with
 * winner-take-all on raw pixels, labels assigned from the responses into a counter readout, and the same network
 * never learned as the baseline. Writes the learned network, a report, its receptive fields and its confusion
 * matrix into the output folder as a whole (claimed before learning, swapped in after).
 */
@Command(name = "stdp", mixinStandardHelpOptions = true,
        description = "Learn features without labels by STDP on the embedded digits, assign labels, report the learned"
                + " and the frozen-random accuracy (docs/stdp.md).")
public final class StdpCommand implements Callable<Integer> {

    static final String MODEL = "model.json";
    static final String REPORT = "report.json";
    static final String FIELDS = "receptive-fields.png";
    static final String CONFUSION = "confusion.png";

    @Option(names = "--out", defaultValue = "rtl-out/stdp", description = "output folder: new or empty, or an earlier"
            + " scforge output with --force (default ${DEFAULT-VALUE})")
    Path out;

    @picocli.CommandLine.Mixin
    ForceOption force;

    @Option(names = "--seed", defaultValue = "" + StdpOptions.SEED,
            description = "seed of the split, the digits' order, the initial weights and the plan's masks (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--frames", defaultValue = "" + StdpOptions.FRAMES,
            description = "learning digits: one pass with learning on, then the labels are assigned from them (default ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--test", defaultValue = "" + StdpOptions.TEST, description = "held-out test digits (default ${DEFAULT-VALUE})")
    int test;

    @Option(names = "--neurons", defaultValue = "" + StdpOptions.NEURONS,
            description = "neurons of the learning layer (default ${DEFAULT-VALUE})")
    int neurons;

    @Option(names = "--length", paramLabel = "L", defaultValue = "" + StdpOptions.LENGTH,
            description = "bitstream length, steps per frame (default ${DEFAULT-VALUE})")
    int length;

    @Option(names = "--probability-bits", paramLabel = "KP", defaultValue = "" + StdpOptions.PROBABILITY_BITS,
            description = "the rule's kp, bits of the update probability codes (default ${DEFAULT-VALUE})")
    int probabilityBits;

    @Option(names = "--p-plus", defaultValue = "" + StdpOptions.P_PLUS,
            description = "potentiation probability code, pPlus / 2^kp (default ${DEFAULT-VALUE})")
    int pPlus;

    @Option(names = "--p-minus", defaultValue = "" + StdpOptions.P_MINUS,
            description = "depression probability code, pMinus / 2^kp (default ${DEFAULT-VALUE})")
    int pMinus;

    @Option(names = "--homeostasis-step", defaultValue = "" + StdpOptions.HOMEOSTASIS_STEP,
            description = "threshold offset added by each spike while learning; 0: no homeostasis (default ${DEFAULT-VALUE})")
    int homeostasisStep;

    @Option(names = "--decay-frames", defaultValue = "" + StdpOptions.DECAY_FRAMES,
            description = "every this many learning frames every threshold offset drops by 1 (default ${DEFAULT-VALUE})")
    int decayFrames;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StdpOptions options = options();
        Path data = MnistCommand.locateData();
        long start = System.nanoTime();
        try (Claim claim = Outputs.claim(Outputs.folder("stdp", out, force, data))) {
            StdpExample.Outcome outcome = learn(err, data, options);
            stdout.printf("test accuracy, bit-exact at L=%d: learned %.4f, frozen random %.4f (%d test digits; label"
                            + " assignment alone: %.4f and %.4f)%nlearning took %.1f s (%d frames, seed %d)%n",
                    options.length(), outcome.learned().test().accuracy(), outcome.frozen().test().accuracy(),
                    outcome.testLabels().length, outcome.learned().assignmentAccuracy(),
                    outcome.frozen().assignmentAccuracy(), outcome.learnSeconds(), options.frames(), options.seed());
            try {
                claim.publish(dir -> {
                    write(outcome, options, dir, (System.nanoTime() - start) / 1e9);
                    return null;
                });
            } catch (IOException e) {
                throw new UserError("cannot write " + out + ": " + e.getMessage(), e);
            }
        }
        stdout.printf("wrote %s, %s, %s, %s to %s%n", MODEL, REPORT, FIELDS, CONFUSION, out);
        stdout.flush();
        return ExitCodes.OK;
    }

    /** The options, checked before any work so that a mistake is one line. */
    StdpOptions options() {
        OptionLimits.frames(frames);
        OptionLimits.within("--test", test, Limits.MAX_FRAMES);
        OptionLimits.within("--neurons", neurons, Limits.MAX_NEURONS);
        OptionLimits.within("--length", length, Limits.MAX_LENGTH);
        if (homeostasisStep < 0) {
            throw new UserError("--homeostasis-step " + homeostasisStep + " must be 0 (no homeostasis) or more");
        }
        // the rule's own values (probabilities within kp bits, a step within the limit, ...) are checked where the
        // network is built, which names the field in one line
        StdpOptions defaults = StdpOptions.defaults();
        return defaults.withSeed(seed).withFrames(frames, test).withNeurons(neurons).withLength(length)
                .withRule(defaults.window(), probabilityBits, pPlus, pMinus)
                .withHomeostasis(homeostasisStep, decayFrames, defaults.homeostasisLimit());
    }

    private static StdpExample.Outcome learn(PrintWriter err, Path dataDir, StdpOptions options) {
        try {
            return StdpExample.run(IdxFolder.load(dataDir).train(), "mnist-10k", options,
                    line -> {
                        err.println("scforge: " + line);
                        err.flush();
                    });
        } catch (DataException | IllegalArgumentException e) { // a ValidationException is one too
            throw new UserError(e.getMessage(), e);
        } finally {
            err.flush();
        }
    }

    /** The four files, into the claimed folder's hidden sibling (swapped in afterwards, all at once). */
    private static void write(StdpExample.Outcome outcome, StdpOptions options, Path dir, double totalSeconds)
            throws IOException {
        List<List<Integer>> codes = new ArrayList<>();
        for (int[] frame : outcome.testCodes()) {
            codes.add(Arrays.stream(frame).boxed().toList());
        }
        List<Integer> labels = Arrays.stream(outcome.testLabels()).boxed().toList();
        ModelFile.save(new ModelDocument(outcome.learned().network(), Optional.of(new TestFrames(codes, labels)),
                outcome.info(), Optional.of(outcome.preprocessing())), dir.resolve(MODEL));
        java.nio.file.Files.writeString(dir.resolve(REPORT), StdpReport.json(outcome, options, totalSeconds));
        DenseLayer features = outcome.learned().network().layers().get(0);
        ReceptiveFields.write(features.weights(), outcome.imageHeight(), outcome.imageWidth(),
                features.learning().orElseThrow().min(), features.learning().orElseThrow().max(), dir.resolve(FIELDS));
        Charts.confusion(outcome.learned().test().confusion(), String.format("STDP %s, %d neurons, bit-exact at L=%d:"
                        + " accuracy %.4f", StdpNetwork.FEATURES, options.neurons(), options.length(),
                outcome.learned().test().accuracy()), dir.resolve(CONFUSION));
    }
}
