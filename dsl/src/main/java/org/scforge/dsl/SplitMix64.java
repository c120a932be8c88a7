package org.scforge.dsl;

import java.util.ArrayList;
import java.util.List;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014):
 * a tiny, fully specified generator, so that plans drawn from a seed are the same on every JVM.
 */
public final class SplitMix64 {

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in {@code 0 .. bound-1} (bound >= 1), by rejection so there is no modulo bias. */
    public long nextBelow(long bound) {
        long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
        long r;
        do {
            r = nextLong() >>> 1;
        } while (r >= limit);
        return r % bound;
    }

    /** {@code count} masks of {@code bits} bits. */
    public List<Integer> masks(int count, int bits) {
        List<Integer> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add((int) nextBelow(1L << bits));
        }
        return out;
    }
}
