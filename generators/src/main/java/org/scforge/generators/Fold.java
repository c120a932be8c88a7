package org.scforge.generators;

import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A folding plan (docs/semantics.md section 1.1): per layer, the neurons P computed per clock cycle,
 * the synapses S of each of them computed per cycle, and where a folded layer keeps its weights. A
 * layer not named keeps P = N, S = F + 1 (fully parallel) and its weights in logic. Folding changes the
 * cycle count and the area only, never a result.
 *
 * <p>Weights in logic are constants selected by the window cycle (LUTs); weights in memory are a ROM
 * per lane with a registered read, which the synthesis tools map to block RAM. A memory lane is a
 * pipeline of {@link #MEMORY_LATENCY} registers (the read word, the synapse bits, the chunk sum, the
 * neuron sum), so a layer with weights in memory needs {@code G + 4} cycles per window, a learning layer
 * {@code G + 5}: its weights are a RAM the lanes write back, and winner-take-all decides at the window's last edge
 * (docs/rtl.md, "Folded learning layers"). In a folded design every learning layer keeps its weights in memory.
 *
 * @param neuronsPerCycle  layer name to P
 * @param synapsesPerCycle layer name to S, 1..F+1 (F + 1 when not named: the whole neuron in one cycle)
 * @param memoryLayers     the layers whose weights live in memory
 */
public record Fold(Map<String, Integer> neuronsPerCycle, Map<String, Integer> synapsesPerCycle,
                   Set<String> memoryLayers) {

    /** Register stages of a memory lane: the memory word, the synapse bits, the chunk sum, the neuron sum. */
    public static final int MEMORY_LATENCY = 4;

    public Fold {
        neuronsPerCycle = Map.copyOf(neuronsPerCycle);
        synapsesPerCycle = Map.copyOf(synapsesPerCycle);
        memoryLayers = Set.copyOf(memoryLayers);
    }

    /** P per layer, whole neurons per cycle, weights in logic. */
    public Fold(Map<String, Integer> neuronsPerCycle) {
        this(neuronsPerCycle, Map.of(), Set.of());
    }

    /** P per layer, whole neurons per cycle, the weights of {@code memoryLayers} in memory. */
    public Fold(Map<String, Integer> neuronsPerCycle, Set<String> memoryLayers) {
        this(neuronsPerCycle, Map.of(), memoryLayers);
    }

    /** No folding: every layer fully parallel. */
    public static Fold none() {
        return new Fold(Map.of(), Map.of(), Set.of());
    }

    /**
     * Parses {@code LAYER=P[xS][:memory][,...]}; an empty text is no folding. {@code hidden=1x26:memory}
     * computes one neuron of layer hidden per cycle, 26 of its synapses per cycle, weights in memory.
     *
     * @throws IllegalArgumentException naming the entry that is not of that form
     */
    public static Fold parse(String text) {
        Map<String, Integer> map = new LinkedHashMap<>();
        Map<String, Integer> synapses = new LinkedHashMap<>();
        Set<String> memory = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return none();
        }
        for (String entry : text.split(",")) {
            String[] parts = entry.split("=", -1);
            String[] value = parts.length == 2 ? parts[1].strip().split(":", -1) : new String[0];
            boolean wellFormed = parts.length == 2 && !parts[0].isBlank() && value.length >= 1 && value.length <= 2
                    && value[0].strip().matches("[0-9]{1,9}(x[0-9]{1,9})?");
            if (!wellFormed) {
                throw new IllegalArgumentException("fold entry '" + entry.strip()
                        + "' is not LAYER=P, LAYER=PxS or either with :memory (e.g. hidden=1:memory,out=1x11)");
            }
            String layer = parts[0].strip();
            if (value.length == 2) {
                String store = value[1].strip();
                if (store.equals("memory")) {
                    memory.add(layer);
                } else if (!store.equals("logic")) {
                    throw new IllegalArgumentException("fold entry '" + entry.strip() + "': weights go in 'memory' or "
                            + "'logic', not '" + store + "'");
                }
            }
            String[] counts = value[0].strip().split("x");
            if (map.put(layer, Integer.parseInt(counts[0])) != null) {
                throw new IllegalArgumentException("fold names layer '" + layer + "' twice");
            }
            if (counts.length == 2) {
                synapses.put(layer, Integer.parseInt(counts[1]));
            }
        }
        return new Fold(map, synapses, memory);
    }

    /**
     * Checks the plan against {@code network}.
     *
     * @throws IllegalArgumentException for an unknown layer (naming the layers), a pool layer (never folded), a P
     *                                  outside 1..N or, for a conv layer, not a whole number of positions
     */
    public Fold validate(Network network) {
        List<PipelineLayer> layers = PipelineLayer.of(network);
        List<String> names = layers.stream().map(PipelineLayer::name).toList();
        for (Map.Entry<String, Integer> e : neuronsPerCycle.entrySet()) {
            PipelineLayer layer = layers.stream().filter(l -> l.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("fold names layer '" + e.getKey()
                            + "', which network " + network.name() + " does not have; its layers are " + names));
            if (layer instanceof PipelineLayer.Pool) {
                throw new IllegalArgumentException("fold names pool layer '" + e.getKey() + "': a pool is OR gates "
                        + "computed in one cycle and is never folded; leave it out of --fold");
            }
            if (e.getValue() < 1 || e.getValue() > layer.neurons()) {
                throw new IllegalArgumentException("fold " + e.getKey() + "=" + e.getValue()
                        + ": P must be 1.." + layer.neurons() + " (the neurons of layer " + e.getKey() + ")");
            }
            if (layer instanceof PipelineLayer.Conv conv && e.getValue() % conv.conv().channels() != 0) {
                int k = conv.conv().channels();
                throw new IllegalArgumentException("fold " + e.getKey() + "=" + e.getValue() + ": a conv layer computes "
                        + "whole positions, so P must be a multiple of its " + k + " channels (" + k + ", " + 2 * k
                        + ", ...; docs/rtl.md, \"Conv and pool layers\")");
            }
        }
        for (Map.Entry<String, Integer> e : synapsesPerCycle.entrySet()) {
            PipelineLayer layer = layers.stream().filter(l -> l.name().equals(e.getKey())).findFirst().orElseThrow();
            if (e.getValue() < 1 || e.getValue() > layer.fanIn() + 1) {
                throw new IllegalArgumentException("fold " + e.getKey() + "=" + perCycle(layer) + "x" + e.getValue()
                        + ": S must be 1.." + (layer.fanIn() + 1) + " (the synapses of a neuron of layer "
                        + e.getKey() + ", its bias included)");
            }
        }
        for (String layer : memoryLayers) {
            if (!neuronsPerCycle.containsKey(layer)) {
                throw new IllegalArgumentException("fold puts the weights of layer '" + layer
                        + "' in memory but gives it no P");
            }
        }
        // a folded design keeps every learning layer's weights in memory (docs/rtl.md, "Learning layers"): its
        // updates are read, applied and written back by the lanes, one step late
        if (timing(network).folded()) {
            network.layers().stream().filter(DenseLayer::learns).filter(l -> !memoryLayers.contains(l.name())).findFirst()
                    .ifPresent(learner -> {
                        int p = perCycle(learner);
                        String s = synapsesPerCycle.containsKey(learner.name()) ? "x" + synapsesPerCycle.get(learner.name()) : "";
                        throw new IllegalArgumentException("fold " + this + ": layer '" + learner.name() + "' of network "
                                + network.name() + " learns, and a folded design keeps a learning layer's weights in memory:"
                                + " give it P[xS]:memory, e.g. " + learner.name() + "=" + p + s + ":memory (docs/rtl.md,"
                                + " \"Learning layers\")");
                    });
        }
        return this;
    }

    /** P of {@code layer}: the neurons it computes per cycle (a pool: all of them). */
    public int perCycle(PipelineLayer layer) {
        return neuronsPerCycle.getOrDefault(layer.name(), layer.neurons());
    }

    /** S of {@code layer}: the synapses (bias included) of a neuron it computes per cycle. */
    public int synapsesEachCycle(PipelineLayer layer) {
        return synapsesPerCycle.getOrDefault(layer.name(), layer.fanIn() + 1);
    }

    /** C = ceil((F + 1) / S): the cycles one neuron takes, one chunk of S synapses each. */
    public int chunks(PipelineLayer layer) {
        int s = synapsesEachCycle(layer);
        return (layer.fanIn() + s) / s;
    }

    /** ceil(N / P): the groups of P neurons of {@code layer}. */
    public int neuronGroups(PipelineLayer layer) {
        int p = perCycle(layer);
        return (layer.neurons() + p - 1) / p;
    }

    /** G = ceil(N / P) * C: the cycles {@code layer} needs per step (a pool: 1). */
    public int groups(PipelineLayer layer) {
        return layer instanceof PipelineLayer.Pool ? 1 : neuronGroups(layer) * chunks(layer);
    }

    /** True when {@code layer}'s weights are in a memory read by the window cycle. */
    public boolean inMemory(PipelineLayer layer) {
        return memoryLayers.contains(layer.name());
    }

    /**
     * r: the register stages between a group's window cycle and the edge at which it is written back; a learning layer
     * in memory has one more, the window's last edge, at which winner-take-all decides (docs/rtl.md, "Folded learning
     * layers").
     */
    public int latency(PipelineLayer layer) {
        if (!inMemory(layer)) {
            return 0;
        }
        return layer.weights().map(DenseLayer::learns).orElse(false) ? MEMORY_LATENCY + 1 : MEMORY_LATENCY;
    }

    /** P of a dense layer. */
    public int perCycle(DenseLayer layer) {
        return perCycle(new PipelineLayer.Dense(layer));
    }

    /** S of a dense layer. */
    public int synapsesEachCycle(DenseLayer layer) {
        return synapsesEachCycle(new PipelineLayer.Dense(layer));
    }

    /** G of a dense layer. */
    public int groups(DenseLayer layer) {
        return groups(new PipelineLayer.Dense(layer));
    }

    /** Whether a dense layer's weights are in memory. */
    public boolean inMemory(DenseLayer layer) {
        return inMemory(new PipelineLayer.Dense(layer));
    }

    /** r of a dense layer. */
    public int latency(DenseLayer layer) {
        return latency(new PipelineLayer.Dense(layer));
    }

    /** The frame timing of {@code network} under this plan: {@code T = max over layers of G + r}, D every layer. */
    public FrameTiming timing(Network network) {
        List<PipelineLayer> layers = PipelineLayer.of(network);
        int window = layers.stream().mapToInt(l -> groups(l) + latency(l)).max().orElse(1);
        return new FrameTiming(network.length(), layers.size(), window);
    }

    /** The text {@link #parse} reads, e.g. {@code hidden=8:memory,out=1x11}; empty for no folding. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        neuronsPerCycle.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(text.length() == 0 ? "" : ",").append(e.getKey()).append('=')
                        .append(e.getValue())
                        .append(synapsesPerCycle.containsKey(e.getKey()) ? "x" + synapsesPerCycle.get(e.getKey()) : "")
                        .append(memoryLayers.contains(e.getKey()) ? ":memory" : ""));
        return text.toString();
    }
}
