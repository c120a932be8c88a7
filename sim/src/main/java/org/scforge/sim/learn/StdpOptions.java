package org.scforge.sim.learn;

/**
 * What {@code scforge stdp} learns and measures: the network, the rule and the data, with the defaults the
 * example was tuned with (docs/stdp.md). Every field has its default here and only here; the command's options
 * replace some of them.
 *
 * @param neurons          the learning layer's neurons
 * @param length           L, steps per frame
 * @param weightBits       magnitude bits of the weight codes (the readout's too)
 * @param threshold        the learning layer's base threshold (its floor is 0: lateral inhibition resets to 0)
 * @param initialMax       the initial weights are drawn uniformly from {@code 0 .. initialMax}, seeded
 * @param window           the rule's {@code Wn}, steps
 * @param probabilityBits  the rule's {@code kp}
 * @param pPlus            potentiation probability code, {@code pPlus / 2^kp}
 * @param pMinus           depression probability code
 * @param homeostasisStep  threshold offset added by each spike while learning (0: no homeostasis)
 * @param decayFrames      every this many learning frames every offset drops by 1
 * @param homeostasisLimit the largest offset
 * @param frames           learning digits: one pass, learning on; the labels are then assigned from them
 * @param test             held-out test digits
 * @param seed             decides the split, the order, the initial weights and the plan's masks
 */
public record StdpOptions(int neurons, int length, int weightBits, int threshold, int initialMax, int window,
                          int probabilityBits, int pPlus, int pMinus, int homeostasisStep, int decayFrames,
                          int homeostasisLimit, int frames, int test, long seed) {

    public static final int NEURONS = 100;
    public static final int LENGTH = 64;
    public static final int WEIGHT_BITS = 4;
    public static final int THRESHOLD = 20;
    public static final int INITIAL_MAX = 15;
    public static final int WINDOW = 4;
    /**
     * {@code kp} as wide as the weight codes: the update masks are the weight plan's, {@code weightBits} wide, so
     * with a wider {@code kp} they permute only the low bits and the high bits of the learning number alone decide
     * whether every candidate of the winner updates or none (docs/stdp.md, "Choosing the parameters").
     */
    public static final int PROBABILITY_BITS = 4;
    /** 4/16. */
    public static final int P_PLUS = 4;
    /** 2/16. */
    public static final int P_MINUS = 2;
    public static final int HOMEOSTASIS_STEP = 1;
    public static final int DECAY_FRAMES = 8;
    /**
     * Above the largest offset measured (709, seeds 1-3: docs/stdp.md), so that it does not bind there, and small
     * enough that the membrane, whose ceiling is {@code threshold + limit}, needs 12 bits rather than 14.
     */
    public static final int HOMEOSTASIS_LIMIT = 1023;
    public static final int FRAMES = 8000;
    public static final int TEST = 2000;
    public static final long SEED = 1;

    /** Every field at its default. */
    public static StdpOptions defaults() {
        return new StdpOptions(NEURONS, LENGTH, WEIGHT_BITS, THRESHOLD, INITIAL_MAX, WINDOW, PROBABILITY_BITS, P_PLUS,
                P_MINUS, HOMEOSTASIS_STEP, DECAY_FRAMES, HOMEOSTASIS_LIMIT, FRAMES, TEST, SEED);
    }

    public StdpOptions withNeurons(int n) {
        return new StdpOptions(n, length, weightBits, threshold, initialMax, window, probabilityBits, pPlus, pMinus,
                homeostasisStep, decayFrames, homeostasisLimit, frames, test, seed);
    }

    public StdpOptions withLength(int l) {
        return new StdpOptions(neurons, l, weightBits, threshold, initialMax, window, probabilityBits, pPlus, pMinus,
                homeostasisStep, decayFrames, homeostasisLimit, frames, test, seed);
    }

    public StdpOptions withThreshold(int t) {
        return new StdpOptions(neurons, length, weightBits, t, initialMax, window, probabilityBits, pPlus, pMinus,
                homeostasisStep, decayFrames, homeostasisLimit, frames, test, seed);
    }

    public StdpOptions withRule(int newWindow, int newProbabilityBits, int newPPlus, int newPMinus) {
        return new StdpOptions(neurons, length, weightBits, threshold, initialMax, newWindow, newProbabilityBits,
                newPPlus, newPMinus, homeostasisStep, decayFrames, homeostasisLimit, frames, test, seed);
    }

    public StdpOptions withHomeostasis(int step, int everyFrames, int limit) {
        return new StdpOptions(neurons, length, weightBits, threshold, initialMax, window, probabilityBits, pPlus, pMinus,
                step, everyFrames, limit, frames, test, seed);
    }

    public StdpOptions withFrames(int learning, int held) {
        return new StdpOptions(neurons, length, weightBits, threshold, initialMax, window, probabilityBits, pPlus, pMinus,
                homeostasisStep, decayFrames, homeostasisLimit, learning, held, seed);
    }

    public StdpOptions withSeed(long s) {
        return new StdpOptions(neurons, length, weightBits, threshold, initialMax, window, probabilityBits, pPlus, pMinus,
                homeostasisStep, decayFrames, homeostasisLimit, frames, test, s);
    }

    /** The largest weight code, {@code 2^weightBits - 1}: the rule's bounds are {@code -max .. max}. */
    public int maxCode() {
        return (1 << weightBits) - 1;
    }
}
