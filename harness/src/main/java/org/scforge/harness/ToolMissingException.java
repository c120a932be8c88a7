package org.scforge.harness;

/** A simulator's tool is not installed; the message names the Debian package that provides it. */
public final class ToolMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ToolMissingException(Simulator simulator) {
        super(simulator.tool() + " is not installed (needed for " + simulator.id()
                + " co-simulation); install the Debian package: apt-get install " + simulator.debianPackage());
    }
}
