package org.scforge.generators;

import org.scforge.dsl.ConvLayer;
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
        for (PipelineLayer layer : PipelineLayer.of(network)) {
            if (neuronsPerCycle.containsKey(layer.name()) && random.nextBoolean()) {
                synapses.put(layer.name(), random.nextInt(1, layer.fanIn() + 2));
            }
            if (neuronsPerCycle.containsKey(layer.name()) && random.nextBoolean()) {
                memory.add(layer.name());
            }
        }
        return new Fold(neuronsPerCycle, synapses, memory);
    }

    /**
     * A random plan of a network with conv layers (docs/rtl.md, "Conv and pool layers"): each conv layer computes
     * 1 .. all of its positions at a time ({@code P} a multiple of its channels), each dense layer of more than one
     * neuron a random P, with S and the store drawn as {@link #withChunksAndStores} does; pools are never folded.
     */
    public static Fold forConvNetwork(Network network, SplittableRandom random) {
        Map<String, Integer> plan = new LinkedHashMap<>();
        for (ConvLayer conv : network.convLayers()) {
            int positions = conv.neurons() / conv.channels();
            plan.put(conv.name(), random.nextInt(1, positions + 1) * conv.channels());
        }
        network.layers().stream().filter(l -> l.neurons() > 1 && random.nextBoolean())
                .forEach(l -> plan.put(l.name(), random.nextInt(1, l.neurons() + 1)));
        return withChunksAndStores(network, plan, random);
    }
}
