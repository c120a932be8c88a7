package org.scforge.harness;

import org.scforge.generators.Tool;

/** A tool a simulator needs is not installed; the message names it and the Debian package that provides it. */
public final class ToolMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ToolMissingException(Simulator simulator) {
        // the simulator itself when everything is on the PATH but it would not run (its --version failed)
        super(message(simulator, simulator.missing().orElse(simulator.executable())));
    }

    private static String message(Simulator simulator, Tool tool) {
        return tool.command() + " is not installed or not on PATH (needed for " + simulator.id()
                + " co-simulation); install the Debian package: apt-get install " + tool.debianPackage();
    }
}
