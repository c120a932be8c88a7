package org.scforge.sim.learn;

import org.scforge.dsl.Network;
import org.scforge.dsl.Preprocessing;
import org.scforge.sim.FrameCounts;
import org.scforge.sim.GoldenModel;
import org.scforge.sim.LearningRun;
import org.scforge.sim.data.Dataset;
import org.scforge.sim.data.ImageEncoder;
import org.scforge.sim.data.StratifiedSplit;
import org.scforge.sim.data.UnsignedQuantiser;
import org.scforge.sim.train.Evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The STDP example (issue 16, docs/stdp.md): one pass of unsupervised learning over labelled digits, learning on,
 * then labels assigned to the feature neurons from their responses with learning off, written into the network
 * as its readout's weights; accuracy is the golden model's, bit-exact, on held-out digits. The same template
 * with its initial weights, never learned, goes through the same assignment: the frozen-random baseline.
 * Deterministic from the options alone.
 */
public final class StdpExample {

    /** Progress every this many learning frames. */
    static final int PROGRESS_EVERY = 1000;
    static final int CODE_BITS = 8;

    /**
     * One labelled network: its readout encodes {@code assignment}; {@code test} is its bit-exact run on the test
     * digits, {@code assignmentAccuracy} the label assignment's own prediction from the same runs' feature counts.
     */
    public record Labelled(Network network, LabelAssignment assignment, Evaluation test, double assignmentAccuracy) {
    }

    /** What {@code scforge stdp} reports and writes. */
    public record Outcome(Labelled learned, Labelled frozen, int[][] testCodes, int[] testLabels, double learnSeconds,
                          int imageHeight, int imageWidth, Preprocessing preprocessing, Map<String, String> info) {
    }

    private StdpExample() {
    }

    /** Learns on {@code o.frames()} digits of {@code data}, tests on {@code o.test()} others. */
    public static Outcome run(Dataset data, String dataName, StdpOptions o, Consumer<String> log) {
        if ((long) o.frames() + o.test() > data.size()) {
            throw new IllegalArgumentException(dataName + " holds " + data.size() + " images, fewer than " + o.frames()
                    + " learning + " + o.test() + " test");
        }
        StratifiedSplit split = StratifiedSplit.of(data.labels(), o.frames(), o.test(), o.seed());
        Dataset learn = data.subset(split.train());
        Dataset test = data.subset(split.test());
        UnsignedQuantiser quantiser = UnsignedQuantiser.fit(learn.pixelRows(), CODE_BITS);
        int[][] learnCodes = quantiser.encodeAll(learn.pixelRows());
        int[][] testCodes = quantiser.encodeAll(test.pixelRows());
        int classes = Dataset.CLASSES;
        Network initial = StdpNetwork.template(o, learn.features(), quantiser.code(), classes);

        long start = System.nanoTime();
        LearningRun run = LearningRun.of(initial);
        long lap = start;
        int sinceLap = 0;
        for (int n = 0; n < learnCodes.length; n++) {
            run.frame(learnCodes[n], true);
            sinceLap++;
            if (sinceLap == PROGRESS_EVERY || n + 1 == learnCodes.length) {
                long now = System.nanoTime();
                log.accept(String.format("learned %d/%d frames, %.1f frames/s", n + 1, learnCodes.length,
                        sinceLap / ((now - lap) / 1e9)));
                lap = now;
                sinceLap = 0;
            }
        }
        double learnSeconds = (System.nanoTime() - start) / 1e9;

        Labelled learned = labelled(run.network(), learnCodes, learn.labels(), testCodes, test.labels(), classes);
        log.accept(String.format("learned: test accuracy %.4f (label assignment %.4f), %d of %d neurons assigned",
                learned.test().accuracy(), learned.assignmentAccuracy(), assigned(learned.assignment()), o.neurons()));
        Labelled frozen = labelled(initial, learnCodes, learn.labels(), testCodes, test.labels(), classes);
        log.accept(String.format("frozen random: test accuracy %.4f (label assignment %.4f)", frozen.test().accuracy(),
                frozen.assignmentAccuracy()));

        Map<String, String> info = new LinkedHashMap<>();
        info.put("data", dataName);
        info.put("seed", Long.toString(o.seed()));
        info.put("frames", Integer.toString(o.frames()));
        info.put("test", Integer.toString(o.test()));
        info.put("features", "raw pixels");
        info.put("quantiser", quantiser.describe());
        info.put("learning", "one pass of STDP over the " + o.frames() + " learning digits, learning on; readout: labels"
                + " assigned from the feature counts of the same digits, learning off");
        info.put("trainer", StdpExample.class.getName());
        return new Outcome(learned, frozen, testCodes, test.labels(), learnSeconds, learn.rows(), learn.cols(),
                ImageEncoder.describe(learn.rows(), learn.cols(), Optional.empty(), quantiser), info);
    }

    /**
     * {@code network} (learning off) labelled from its feature counts on the learning digits, its readout set to
     * the assignment and run bit-exactly on the test digits.
     */
    static Labelled labelled(Network network, int[][] learnCodes, int[] learnLabels, int[][] testCodes, int[] testLabels,
                             int classes) {
        LabelAssignment assignment = LabelAssignment.of(features(GoldenModel.of(network).runAll(learnCodes)),
                learnLabels, classes);
        Network readout = StdpNetwork.withReadout(network, assignment.readoutWeights(network.weightCode().maxMagnitude()));
        FrameCounts[] runs = GoldenModel.of(readout).runAll(testCodes);
        int[] predicted = new int[runs.length];
        int[] assigned = new int[runs.length];
        for (int n = 0; n < runs.length; n++) {
            predicted[n] = runs[n].predictedClass();
            assigned[n] = assignment.predict(runs[n].layerCounts()[0]);
        }
        return new Labelled(readout, assignment, Evaluation.of(predicted, testLabels, classes),
                Evaluation.accuracy(assigned, testLabels));
    }

    private static int[][] features(FrameCounts[] runs) {
        int[][] counts = new int[runs.length][];
        for (int n = 0; n < runs.length; n++) {
            counts[n] = runs[n].layerCounts()[0];
        }
        return counts;
    }

    private static long assigned(LabelAssignment assignment) {
        return java.util.Arrays.stream(assignment.classOf()).filter(c -> c != LabelAssignment.NONE).count();
    }
}
