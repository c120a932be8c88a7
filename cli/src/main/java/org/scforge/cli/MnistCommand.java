package org.scforge.cli;

import org.scforge.sim.train.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code scforge mnist}: the end-to-end demo on the embedded 10,000 MNIST digits (data/mnist-10k): 2,000
 * training and 500 test digits, PCA 50, a 50-128-10 SC network trained bit-exactly, evaluated at several L.
 */
@Command(name = "mnist", mixinStandardHelpOptions = true,
        description = "Train and evaluate the MNIST demo (embedded data, PCA 50, 50-128-10; bit-exact at L=512, or at --length L).")
public final class MnistCommand implements Callable<Integer> {

    static final String DATA = "data/mnist-10k";

    @Option(names = "--lengths", split = ",",
            description = "bitstream lengths to re-run the trained weights at (default: 8,16,..,1024 and L)")
    List<Integer> lengths;

    @Option(names = "--out", defaultValue = "rtl-out/mnist", description = "output folder: new or empty, or an earlier scforge output with --force (default ${DEFAULT-VALUE})")
    Path out;

    @picocli.CommandLine.Mixin
    ForceOption force;

    @picocli.CommandLine.Mixin
    TrainingOptions training;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path data = locateData();
        Pipeline.Options options = training.pipeline("mnist", Pipeline.Options.TRAIN, Pipeline.Options.TEST, null, lengths);
        return PipelineRun.execute(spec.commandLine().getOut(), spec.commandLine().getErr(), "mnist", data, "mnist-10k",
                options, out, force);
    }

    /** data/mnist-10k under the working directory or one of its parents, or beside the jar's repository. */
    static Path locateData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(DATA))) {
                return dir.resolve(DATA);
            }
        }
        try {
            Path jar = Path.of(MnistCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve(DATA))) {
                    return dir.resolve(DATA);
                }
            }
        } catch (java.net.URISyntaxException | SecurityException e) {
            // fall through to the error below
        }
        throw new UserError("the embedded data set " + DATA + " is missing; run from the scforge repository "
                + "(or use 'scforge train --data DIR' with MNIST IDX files)");
    }
}
