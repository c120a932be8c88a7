package org.scforge.cli;

import org.scforge.dsl.ModelDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scforge validate MODEL.json}: checks a model file and prints its one-line summary. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a model file and print a one-line summary (layers, neurons, synapses, L, widths).")
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "the model file")
    Path model;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModelDocument document = Models.load(model);
        String frames = document.testFrames().map(f -> ", " + f.size() + " test frames").orElse("");
        spec.commandLine().getOut().println(document.network().summary() + frames);
        return ExitCodes.OK;
    }
}
