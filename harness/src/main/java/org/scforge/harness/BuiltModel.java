package org.scforge.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * A design compiled for one simulator, ready to start as a bridge process.
 *
 * @param simulator     which simulator
 * @param directory     the cache folder that holds the build
 * @param command       the command line that starts the bridge
 * @param waves         whether the build can write a waveform (Verilator needs --trace for it)
 * @param buildSeconds  seconds the build took, 0 when it came from the cache
 * @param cached        true when an earlier identical build was reused
 */
public record BuiltModel(Simulator simulator, DutSources design, Path directory, List<String> command, boolean waves,
                         double buildSeconds, boolean cached) {
    public BuiltModel {
        command = List.copyOf(command);
    }
}
