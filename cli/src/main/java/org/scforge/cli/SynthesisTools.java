package org.scforge.cli;

import org.scforge.generators.Tool;
import org.scforge.generators.synth.SynthesisRunner;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * What synth and build share around the EDA tools: every tool is checked before any work (a missing one is
 * a user error naming its package), and a tool that ran and failed is exit 1 with the tool's log named.
 */
final class SynthesisTools {

    private SynthesisTools() {
    }

    static void require(List<Tool> tools) {
        for (Tool tool : tools) {
            if (!tool.available()) {
                throw new UserError(tool.missingMessage());
            }
        }
    }

    /** The exit code for {@code failure} of a synthesis step, printed on {@code err}. */
    static int failed(IOException failure, PrintWriter err) {
        if (failure instanceof Tool.MissingException) {
            Failures.error(err, failure.getMessage());
            return ExitCodes.USER_ERROR;
        }
        if (failure instanceof SynthesisRunner.FailedException) {
            err.println("scforge: " + failure.getMessage());
            err.flush();
            return ExitCodes.CHECK_FAILED;
        }
        throw new UserError(failure.getMessage(), failure);
    }
}
