package org.scforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scforge.dsl.Limits;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.TestFrames;
import org.scforge.dsl.io.Claim;
import org.scforge.sim.data.DataException;
import org.scforge.sim.data.IdxFolder;
import org.scforge.sim.train.Pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code scforge mnist} and {@code scforge train} share: run the {@link Pipeline}, print the accuracy
 * table, and write {@code model.json}, {@code report.json} and the two charts into the output folder as
 * a whole ({@link org.scforge.dsl.io.OutputFolder}: claimed before training, swapped in after).
 */
final class PipelineRun {

    static final String MODEL = "model.json";
    static final String REPORT = "report.json";
    static final String CONFUSION = "confusion.png";
    static final String ACCURACY = "accuracy-vs-length.png";

    private PipelineRun() {
    }

    /** Runs {@code command} ("mnist" or "train"); the output folder is claimed before the training starts. */
    static int execute(PrintWriter out, PrintWriter err, String command, Path dataDir, String dataName,
                       Pipeline.Options options, Path outDir, ForceOption force) {
        check(options);
        long start = System.nanoTime();
        try (Claim claim = Outputs.claim(Outputs.folder(command, outDir, force, dataDir))) {
            Pipeline.Outcome outcome = train(err, dataDir, dataName, options);
            out.println(table(outcome, options));
            try {
                claim.publish(dir -> {
                    write(outcome, options, dir, (System.nanoTime() - start) / 1e9);
                    return null;
                });
            } catch (IOException e) {
                throw new UserError("cannot write " + outDir + ": " + e.getMessage(), e);
            }
        }
        out.printf("wrote %s, %s, %s, %s to %s%n", MODEL, REPORT, CONFUSION, ACCURACY, outDir);
        out.flush();
        return ExitCodes.OK;
    }

    private static Pipeline.Outcome train(PrintWriter err, Path dataDir, String dataName, Pipeline.Options options) {
        try {
            IdxFolder data = IdxFolder.load(dataDir);
            return Pipeline.run(data, dataName, options, line -> err.println("scforge: " + line),
                    stats -> err.println("scforge: " + stats.line()));
        } catch (DataException | IllegalArgumentException e) { // a ValidationException is one too
            throw new UserError(e.getMessage(), e);
        } finally {
            err.flush();
        }
    }

    private static void check(Pipeline.Options o) {
        positive("--train", o.train());
        positive("--test", o.test());
        OptionLimits.within("--hidden", o.hidden(), Limits.MAX_NEURONS);
        OptionLimits.within("--length", o.length(), Limits.MAX_LENGTH);
        if (o.epochs() < 0 || o.rateEpochs() < 1) {
            throw new UserError("--epochs " + o.epochs() + " must be >= 0 and --rate-epochs " + o.rateEpochs() + " >= 1");
        }
        if (o.features() < 0 || o.features() > Limits.MAX_INPUTS) {
            throw new UserError("--features " + o.features() + " must be 'raw' or a number of PCA components between 1 and "
                    + Limits.MAX_INPUTS);
        }
        if (o.lengths().isEmpty()) {
            throw new UserError("--lengths needs at least one length, e.g. 64,128,256,512,1024");
        }
        o.lengths().forEach(l -> OptionLimits.within("--lengths", l, Limits.MAX_LENGTH));
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new UserError(option + " " + value + " must be >= 1");
        }
    }

    static String table(Pipeline.Outcome outcome, Pipeline.Options options) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("test accuracy, bit-exact at L=%d: %.4f (%d test digits); float reference %.4f%n",
                outcome.network().length(), outcome.test().accuracy(), outcome.testLabels().length,
                outcome.floatReferenceAccuracy()));
        s.append(String.format("%8s  %s%n", "L", "bit-exact accuracy"));
        outcome.accuracyByLength().forEach((length, accuracy) -> s.append(String.format("%8d  %.4f%n", length, accuracy)));
        s.append(String.format("training took %.1f s (seed %d)", outcome.trainSeconds(), options.seed()));
        return s.toString();
    }

    /** The four files, into the claimed folder's hidden sibling (swapped in afterwards, all four at once). */
    private static void write(Pipeline.Outcome outcome, Pipeline.Options options, Path dir, double totalSeconds)
            throws IOException {
        List<List<Integer>> frames = new ArrayList<>();
        for (int[] codes : outcome.testCodes()) {
            frames.add(java.util.Arrays.stream(codes).boxed().toList());
        }
        List<Integer> labels = java.util.Arrays.stream(outcome.testLabels()).boxed().toList();
        ModelDocument document = new ModelDocument(outcome.network(), Optional.of(new TestFrames(frames, labels)),
                outcome.info(), Optional.of(outcome.preprocessing()));
        ModelFile.save(document, dir.resolve(MODEL));
        Files.writeString(dir.resolve(REPORT), report(outcome, options, totalSeconds));
        Charts.confusion(outcome.test().confusion(), String.format("%s, bit-exact at L=%d: accuracy %.4f",
                options.name(), outcome.network().length(), outcome.test().accuracy()), dir.resolve(CONFUSION));
        Charts.accuracyByLength(outcome.accuracyByLength(), outcome.floatReferenceAccuracy(),
                String.format("%s, bit-exact training at L=%d: test accuracy against L",
                        options.name(), options.trainLength()), dir.resolve(ACCURACY));
    }

    static String report(Pipeline.Outcome outcome, Pipeline.Options options, double totalSeconds) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ObjectNode byLength = root.putObject("accuracyByLength");
        outcome.accuracyByLength().forEach((length, accuracy) -> byLength.put(Integer.toString(length), accuracy));
        root.put("testAccuracy", outcome.test().accuracy());
        root.put("length", outcome.network().length());
        root.put("floatReferenceAccuracy", outcome.floatReferenceAccuracy());
        root.put("trainSeconds", outcome.trainSeconds());
        root.put("totalSeconds", totalSeconds);
        root.put("seed", options.seed());
        root.put("train", options.train());
        root.put("test", options.test());
        root.put("features", options.features() == 0 ? "raw" : Integer.toString(options.features()));
        root.put("arch", options.arch().text());
        root.put("hidden", options.hidden());
        root.put("rateEpochs", options.rateEpochs());
        root.put("bitExactEpochs", options.epochs());
        root.put("trainLength", options.trainLength());
        root.put("streamAware", options.streams());
        root.put("threshold", outcome.training().threshold());
        root.put("temperature", outcome.training().temperature());
        ArrayNode confusion = root.putArray("confusionMatrix");
        for (int[] row : outcome.test().confusion()) {
            ArrayNode r = confusion.addArray();
            for (int v : row) {
                r.add(v);
            }
        }
        ArrayNode history = root.putArray("history");
        outcome.training().history().forEach(s -> history.addObject().put("phase", s.phase()).put("epoch", s.epoch())
                .put("loss", s.loss()).put("trainAccuracy", s.accuracy()).put("seconds", s.seconds()));
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a report always serialises", e);
        }
    }
}
