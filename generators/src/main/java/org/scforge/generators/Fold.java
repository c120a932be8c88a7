package org.scforge.generators;

import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A folding plan (docs/semantics.md section 1.1): per layer, the neurons P computed per clock cycle.
 * A layer not named keeps P = N (fully parallel). Folding changes the cycle count only, never a result.
 *
 * @param neuronsPerCycle layer name to P
 */
public record Fold(Map<String, Integer> neuronsPerCycle) {

    public Fold {
        neuronsPerCycle = Map.copyOf(neuronsPerCycle);
    }

    /** No folding: every layer fully parallel. */
    public static Fold none() {
        return new Fold(Map.of());
    }

    /**
     * Parses {@code LAYER=P[,LAYER=P...]}; an empty text is no folding.
     *
     * @throws IllegalArgumentException naming the entry that is not of that form
     */
    public static Fold parse(String text) {
        Map<String, Integer> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return none();
        }
        for (String entry : text.split(",")) {
            String[] parts = entry.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || !parts[1].strip().matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException("fold entry '" + entry.strip()
                        + "' is not LAYER=P (e.g. hidden=8,out=1)");
            }
            String layer = parts[0].strip();
            if (map.put(layer, Integer.parseInt(parts[1].strip())) != null) {
                throw new IllegalArgumentException("fold names layer '" + layer + "' twice");
            }
        }
        return new Fold(map);
    }

    /**
     * Checks the plan against {@code network}.
     *
     * @throws IllegalArgumentException for an unknown layer (naming the layers) or a P outside 1..N
     */
    public Fold validate(Network network) {
        List<String> names = network.layers().stream().map(DenseLayer::name).toList();
        for (Map.Entry<String, Integer> e : neuronsPerCycle.entrySet()) {
            DenseLayer layer = network.layers().stream().filter(l -> l.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("fold names layer '" + e.getKey()
                            + "', which network " + network.name() + " does not have; its layers are " + names));
            if (e.getValue() < 1 || e.getValue() > layer.neurons()) {
                throw new IllegalArgumentException("fold " + e.getKey() + "=" + e.getValue()
                        + ": P must be 1.." + layer.neurons() + " (the neurons of layer " + e.getKey() + ")");
            }
        }
        return this;
    }

    /** P of {@code layer}: the neurons it computes per cycle. */
    public int perCycle(DenseLayer layer) {
        return neuronsPerCycle.getOrDefault(layer.name(), layer.neurons());
    }

    /** G = ceil(N / P): the cycles {@code layer} needs per step. */
    public int groups(DenseLayer layer) {
        int p = perCycle(layer);
        return (layer.neurons() + p - 1) / p;
    }

    /** The frame timing of {@code network} under this plan. */
    public FrameTiming timing(Network network) {
        int window = network.layers().stream().mapToInt(this::groups).max().orElse(1);
        return new FrameTiming(network.length(), network.layers().size(), window);
    }

    /** The text {@link #parse} reads, e.g. {@code hidden=8,out=1}; empty for no folding. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        neuronsPerCycle.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(text.length() == 0 ? "" : ",").append(e.getKey()).append('=')
                        .append(e.getValue()));
        return text.toString();
    }
}
