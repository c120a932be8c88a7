package org.scforge.generators.rtl;

import java.util.List;

/**
 * What the top template reads of one number-source instance (docs/rtl.md, "Sources").
 *
 * @param instance   the instance name: the source's, or {@code <source>_for_<consumer>} when consumers share it
 * @param kind       lfsr, vdc or sobol: the block module {@code <top>_<kind>}
 * @param width      n, the source's bits
 * @param enable     the expression that advances it: its consumer steps
 * @param parameters the module's parameter assignments, {@code NAME(value)}
 */
public record SourceInstance(String instance, String kind, int width, String enable, List<String> parameters) {

    public SourceInstance {
        parameters = List.copyOf(parameters);
    }
}
