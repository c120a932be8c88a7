package org.scforge.dsl;

import java.util.Map;
import java.util.Optional;

/**
 * What a model file holds: the network, optionally frames to test it with, and free-form facts about
 * how it was made (data, seed, preprocessing) that no tool interprets.
 */
public record ModelDocument(Network network, Optional<TestFrames> testFrames, Map<String, String> info) {
    public ModelDocument {
        info = Map.copyOf(info);
    }

    public static ModelDocument of(Network network) {
        return new ModelDocument(network, Optional.empty(), Map.of());
    }
}
