package org.scforge.cli;

import java.util.List;
import org.scforge.harness.ModelBuilder;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolMissingException;

/**
 * What a command that simulates checks before any work: every simulator it runs is installed (with
 * the tools its builds need, such as make and g++), and the build cache folder can be used. Each
 * failure is one {@link UserError} naming the cause, so cosim and mutate refuse alike.
 */
final class SimulatorChecks {

    private SimulatorChecks() {
    }

    static void require(List<Simulator> simulators) {
        for (Simulator s : simulators) {
            if (!s.available()) {
                throw new UserError(new ToolMissingException(s).getMessage());
            }
        }
        ModelBuilder.standard().unusable().ifPresent(why -> {
            throw new UserError(why);
        });
    }
}
