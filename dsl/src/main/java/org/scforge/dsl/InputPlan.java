package org.scforge.dsl;

import java.util.List;

/**
 * Which source the input SNGs read, and each input's XOR mask: input {@code i} compares its magnitude
 * with {@code top(source) XOR masks[i]} (a digital shift, which keeps a low-discrepancy sequence low
 * discrepancy while decorrelating the inputs from each other).
 */
public record InputPlan(String source, List<Integer> masks) {
    public InputPlan {
        masks = List.copyOf(masks);
    }
}
