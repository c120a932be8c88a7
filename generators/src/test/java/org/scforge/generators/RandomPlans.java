package org.scforge.generators;

import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Random folding plans for property tests (published to other modules' tests in this module's test jar). */
public final class RandomPlans {

    private RandomPlans() {
    }

    /**
     * {@code neuronsPerCycle} with, for each layer it names, S in 1..F+1 synapses per cycle or all of them,
     * and its weights in memory or in logic, each drawn from {@code random}.
     */
    public static Fold withChunksAndStores(Network network, Map<String, Integer> neuronsPerCycle,
                                           SplittableRandom random) {
        Map<String, Integer> synapses = new LinkedHashMap<>();
        Set<String> memory = new LinkedHashSet<>();
        for (DenseLayer layer : network.layers()) {
            if (neuronsPerCycle.containsKey(layer.name()) && random.nextBoolean()) {
                synapses.put(layer.name(), random.nextInt(1, layer.fanIn() + 2));
            }
            if (neuronsPerCycle.containsKey(layer.name()) && random.nextBoolean()) {
                memory.add(layer.name());
            }
        }
        return new Fold(neuronsPerCycle, synapses, memory);
    }
}
