package org.scforge.dsl;

import java.util.Map;
import java.util.Optional;

/**
 * What a model file holds: the network, optionally frames to test it with, free-form facts about how
 * it was made (data, seed) that no tool interprets, and optionally the preprocessing that turns an image
 * into its input codes (which {@code scforge classify IMAGE.png} applies).
 */
public record ModelDocument(Network network, Optional<TestFrames> testFrames, Map<String, String> info,
                            Optional<Preprocessing> preprocessing) {
    public ModelDocument {
        info = Map.copyOf(info);
        preprocessing.ifPresent(p -> {
            if (p.features() != network.inputs()) {
                throw new IllegalArgumentException("the preprocessing gives " + p.features() + " features, the network has "
                        + network.inputs() + " inputs");
            }
        });
    }

    /** Without preprocessing. */
    public ModelDocument(Network network, Optional<TestFrames> testFrames, Map<String, String> info) {
        this(network, testFrames, info, Optional.empty());
    }

    public static ModelDocument of(Network network) {
        return new ModelDocument(network, Optional.empty(), Map.of());
    }

    /** This document with {@code newNetwork} (another length, say), everything else kept. */
    public ModelDocument withNetwork(Network newNetwork) {
        return new ModelDocument(newNetwork, testFrames, info, preprocessing);
    }
}
