package org.scforge.cli;

import org.scforge.dsl.ScforgeVersion;
import org.scforge.sim.GoldenModel;
import picocli.CommandLine.Command;

/** The root command; each subcommand is one step of the pipeline. */
@Command(name = "scforge",
        mixinStandardHelpOptions = true,
        versionProvider = ScforgeCommand.VersionProvider.class,
        description = "Stochastic-computing spiking networks: train them bit-exactly, emit Verilog, prove it equal.",
        subcommands = {
                ValidateCommand.class,
                MnistCommand.class,
                TrainCommand.class,
                StdpCommand.class,
                GenerateCommand.class,
                SynthCommand.class,
                BuildCommand.class,
                ClassifyCommand.class,
                CosimCommand.class,
                MutateCommand.class,
                ExploreCommand.class,
                BenchCommand.class,
        })
public final class ScforgeCommand implements Runnable {

    /** {@code scforge 0.1.0-SNAPSHOT}, the JVM that runs it and the golden model's kernel, which decide how fast the golden model is. */
    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"scforge " + ScforgeVersion.NUMBER, "JDK " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")",
                    "golden-model kernel: " + GoldenModel.kernelDescription()};
        }
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
