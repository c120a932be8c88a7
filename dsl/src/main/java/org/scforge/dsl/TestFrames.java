package org.scforge.dsl;

import java.util.List;

/**
 * Frames stored beside a model so that co-simulation and evaluation can run without the data set:
 * each frame is one input code per feature, with its label (or -1 where there is none).
 */
public record TestFrames(List<List<Integer>> codes, List<Integer> labels) {
    public TestFrames {
        codes = codes.stream().map(List::copyOf).toList();
        labels = List.copyOf(labels);
        if (codes.size() != labels.size()) {
            throw new IllegalArgumentException("test frames: " + codes.size() + " frames but " + labels.size() + " labels");
        }
    }

    public int size() {
        return codes.size();
    }

    public int[] frame(int index) {
        return codes.get(index).stream().mapToInt(Integer::intValue).toArray();
    }
}
