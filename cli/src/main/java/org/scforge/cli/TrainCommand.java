package org.scforge.cli;

import org.scforge.sim.train.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code scforge train --data DIR}: the MNIST pipeline on any folder of MNIST-layout IDX files.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an SC network bit-exactly on a folder of MNIST-layout IDX files and evaluate it.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "folder with train-images-idx3-ubyte[.gz], "
            + "train-labels-idx1-ubyte[.gz] (and optionally the t10k- pair), or images-idx3-ubyte.gz/labels-idx1-ubyte.gz")
    Path data;

    @Option(names = "--features", description = "PCA components, or 'raw' for pixels (default " + Pipeline.Options.FEATURES
            + "; raw with a conv --arch, which needs raw pixels)")
    String features;

    @Option(names = "--lengths", split = ",", description = "lengths to re-run the trained weights at (default: 8,16,..,1024 and L)")
    List<Integer> lengths;

    @Option(names = "--train", defaultValue = "" + Pipeline.Options.TRAIN, description = "training images (default ${DEFAULT-VALUE})")
    int train;

    @Option(names = "--test", defaultValue = "" + Pipeline.Options.TEST, description = "test images (default ${DEFAULT-VALUE})")
    int test;

    @Option(names = "--out", defaultValue = "rtl-out/train", description = "output folder: new or empty, or an earlier scforge output with --force (default ${DEFAULT-VALUE})")
    Path out;

    @picocli.CommandLine.Mixin
    ForceOption force;

    @picocli.CommandLine.Mixin
    TrainingOptions training;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Integer components = features == null ? null : parseFeatures(features);
        Pipeline.Options options = training.pipeline("model", train, test, components, lengths);
        return PipelineRun.execute(spec.commandLine().getOut(), spec.commandLine().getErr(), "train", data,
                data.getFileName() == null ? data.toString() : data.getFileName().toString(), options, out, force);
    }

    static int parseFeatures(String text) {
        if (text.equalsIgnoreCase("raw")) {
            return 0;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("--features '" + text + "' must be a positive number of PCA components or 'raw'");
    }
}
