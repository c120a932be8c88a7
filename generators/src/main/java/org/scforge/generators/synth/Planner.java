package org.scforge.generators.synth;

import org.scforge.dsl.ConvLayer;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.Widths;
import org.scforge.generators.Fold;
import org.scforge.generators.FrameTiming;
import org.scforge.generators.PipelineLayer;
import org.scforge.generators.rtl.MemoryWords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses a folding plan for a target from an analytical estimate (docs/rtl.md, "Choosing the plan").
 * The estimate counts block RAMs exactly as the memories' shapes need them and LUTs from a per-part
 * model (comparators, adder trees, neuron registers) scaled to one measured design; it is printed
 * beside yosys's and nextpnr's figures, never instead of them.
 *
 * <p>Without a frame rate the planner picks the plan with the fewest cycles per frame that fits (block
 * RAMs within the part, estimated LUTs within {@link #LUT_MARGIN} of it), and among those the fewest
 * LUTs; with one, the plan with the fewest LUTs that reaches it at the given clock. It searches every layer
 * of the pipeline: a conv layer by whole positions (P = m * K, as {@link Fold#validate} requires), a pool
 * as it is (never folded). The search and {@link #estimate} cost a layer with the same function, so a
 * chosen plan's estimate is the search's.
 */
public final class Planner {

    /** The share of the target's LUTs a plan's estimate may use: logic cells also hold FFs and carries. */
    public static final double LUT_MARGIN = 0.6;

    private Planner() {
    }

    /**
     * A plan and what it should cost.
     *
     * @param fold   the plan
     * @param timing its frame timing
     * @param luts   estimated LUTs (LUT4 on iCE40 and ECP5, LUT6 on xc7)
     * @param brams  block RAMs its memories need (SB_RAM40_4K, RAMB18, DP16KD)
     */
    public record Estimate(Fold fold, FrameTiming timing, long luts, long brams) {

        public long cyclesPerFrame() {
            return timing.cyclesPerFrame();
        }

        /** Frames per second at {@code clockMhz}. */
        public double framesPerSecond(double clockMhz) {
            return clockMhz * 1e6 / cyclesPerFrame();
        }

        public boolean fits(Target target) {
            return brams <= target.bramCapacity() && luts <= LUT_MARGIN * target.lutCapacity();
        }
    }

    /**
     * One way to build one layer of the pipeline: its P, S and weight store, the window it needs ({@code G + r}, and
     * a folded readout's argmax cycles) and what it costs.
     */
    private record Option(PipelineLayer layer, int perCycle, int synapses, boolean memory, int window, long luts,
                          long brams) {
    }

    /**
     * The learning layer that keeps the estimate and the search from covering {@code network}: they have no
     * cost model for learning layers (docs/rtl.md, "Board wrapper and synthesis"); empty for every other network.
     */
    public static Optional<DenseLayer> unmodelled(Network network) {
        return network.layers().stream().filter(DenseLayer::learns).findFirst();
    }

    /** {@link #estimate}, or empty for a network the planner does not model ({@link #unmodelled}). */
    public static Optional<Estimate> estimateIfModelled(Network network, Fold fold, Target target) {
        return unmodelled(network).isPresent() ? Optional.empty() : Optional.of(estimate(network, fold, target));
    }

    /** The estimate of {@code fold} on {@code target}: the sum of its layers' options, as the search costs them. */
    public static Estimate estimate(Network network, Fold fold, Target target) {
        fold.validate(network);
        Widths widths = Widths.of(network);
        long luts = inputLuts(network);
        long brams = 0;
        for (PipelineLayer layer : PipelineLayer.of(network)) {
            Option o = option(network, widths, layer, fold.perCycle(layer), fold.synapsesEachCycle(layer),
                    fold.inMemory(layer), target);
            luts += o.luts();
            brams += o.brams();
        }
        return new Estimate(fold, fold.timing(network), scale(luts, target), brams);
    }

    /**
     * The plan for {@code target}: with {@code framesPerSecond}, the one with the fewest LUTs that reaches
     * it at {@code clockMhz}; without, the fastest that fits.
     *
     * @return empty when no plan fits (or none reaches the rate)
     */
    public static Optional<Estimate> choose(Network network, Target target, OptionalDouble framesPerSecond,
                                            double clockMhz) {
        Search search = search(network, target);
        List<List<Option>> options = search.options();
        List<Integer> candidates = search.windows();
        // a frame is (L + D - 1) windows and 2 cycles, D counting every layer (conv and pool included)
        int steps = network.length() + PipelineLayer.of(network).size() - 1;
        if (framesPerSecond.isPresent()) {
            double cycles = clockMhz * 1e6 / framesPerSecond.getAsDouble();
            int longest = (int) Math.floor((cycles - 2) / steps);
            Optional<Estimate> plan = best(network, options, longest, target);
            return plan.filter(p -> p.framesPerSecond(clockMhz) >= framesPerSecond.getAsDouble());
        }
        // feasibility grows with the window: the shortest window that fits, by bisection
        int lo = 0;
        int hi = candidates.size() - 1;
        Optional<Estimate> found = Optional.empty();
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Optional<Estimate> plan = best(network, options, candidates.get(mid), target);
            if (plan.isPresent()) {
                found = plan;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return found;
    }

    /**
     * The Pareto front of the plans that fit {@code target} by the estimate: for each window length the plan
     * with the fewest LUTs, kept when it has fewer LUTs than every faster plan, fastest first.
     */
    public static List<Estimate> frontier(Network network, Target target) {
        Search search = search(network, target);
        List<Estimate> front = new ArrayList<>();
        for (int window : search.windows()) {
            Optional<Estimate> plan = best(network, search.options(), window, target);
            if (plan.isPresent() && (front.isEmpty() || plan.get().luts() < front.get(front.size() - 1).luts())
                    && (front.isEmpty() || plan.get().cyclesPerFrame() > front.get(front.size() - 1).cyclesPerFrame())) {
                front.add(plan.get());
            }
        }
        return front;
    }

    /** Every pipeline layer's options, first layer first, and every window length one of them needs, shortest first. */
    private record Search(List<List<Option>> options, List<Integer> windows) {
    }

    private static Search search(Network network, Target target) {
        Widths widths = Widths.of(network);
        List<List<Option>> options = new ArrayList<>();
        Set<Integer> windows = new java.util.TreeSet<>();
        for (PipelineLayer layer : PipelineLayer.of(network)) {
            List<Option> layerOptions = options(network, widths, layer, target);
            options.add(layerOptions);
            layerOptions.forEach(o -> windows.add(o.window()));
        }
        return new Search(options, new ArrayList<>(windows));
    }

    /** The plan with the fewest LUTs whose window is at most {@code window}, if one fits. */
    private static Optional<Estimate> best(Network network, List<List<Option>> options, int window, Target target) {
        // dynamic programming over the layers: block RAMs used so far -> the cheapest choice
        TreeMap<Long, List<Option>> cheapest = new TreeMap<>();
        Map<Long, Long> cost = new LinkedHashMap<>();
        cheapest.put(0L, List.of());
        cost.put(0L, inputLuts(network));
        for (List<Option> layerOptions : options) {
            TreeMap<Long, List<Option>> next = new TreeMap<>();
            Map<Long, Long> nextCost = new LinkedHashMap<>();
            List<Option> usable = pareto(layerOptions.stream().filter(o -> o.window() <= window).toList());
            for (Map.Entry<Long, List<Option>> e : cheapest.entrySet()) {
                for (Option o : usable) {
                    long brams = e.getKey() + o.brams();
                    long luts = cost.get(e.getKey()) + o.luts();
                    if (brams > target.bramCapacity()) {
                        continue;
                    }
                    if (!nextCost.containsKey(brams) || luts < nextCost.get(brams)) {
                        List<Option> chosen = new ArrayList<>(e.getValue());
                        chosen.add(o);
                        next.put(brams, chosen);
                        nextCost.put(brams, luts);
                    }
                }
            }
            cheapest = next;
            cost = nextCost;
        }
        Optional<Estimate> plan = Optional.empty();
        for (Map.Entry<Long, List<Option>> e : cheapest.entrySet()) {
            Fold fold = fold(e.getValue());
            Estimate estimate = new Estimate(fold, fold.timing(network), scale(cost.get(e.getKey()), target), e.getKey());
            if (estimate.fits(target) && (plan.isEmpty() || estimate.luts() < plan.get().luts())) {
                plan = Optional.of(estimate);
            }
        }
        return plan;
    }

    /** The options no other option beats in both block RAMs and LUTs. */
    private static List<Option> pareto(List<Option> options) {
        List<Option> sorted = new ArrayList<>(options);
        sorted.sort(Comparator.comparingLong(Option::brams).thenComparingLong(Option::luts));
        List<Option> front = new ArrayList<>();
        long best = Long.MAX_VALUE;
        for (Option o : sorted) {
            if (o.luts() < best) {
                front.add(o);
                best = o.luts();
            }
        }
        return front;
    }

    private static Fold fold(List<Option> chosen) {
        Map<String, Integer> p = new LinkedHashMap<>();
        Map<String, Integer> s = new LinkedHashMap<>();
        Set<String> memory = new LinkedHashSet<>();
        for (Option o : chosen) {
            PipelineLayer layer = o.layer();
            // a layer is named as --fold names it: only when not fully parallel in logic (so a pool never is)
            if (o.perCycle() < layer.neurons() || o.synapses() < layer.fanIn() + 1 || o.memory()) {
                p.put(layer.name(), o.perCycle());
            }
            if (o.synapses() < layer.fanIn() + 1) {
                s.put(layer.name(), o.synapses());
            }
            if (o.memory()) {
                memory.add(layer.name());
            }
        }
        return new Fold(p, s, memory);
    }

    /**
     * Every distinct (P, S) of a layer, in logic and (where the target has block RAM) in memory: a dense layer's P
     * and S that give distinct cycle counts; a conv layer's P as whole positions ({@code m * K}, m giving distinct
     * group counts) and its S likewise; a pool's one way (it is never folded).
     */
    private static List<Option> options(Network network, Widths widths, PipelineLayer layer, Target target) {
        if (layer instanceof PipelineLayer.Pool) {
            return List.of(option(network, widths, layer, layer.neurons(), layer.fanIn() + 1, false, target));
        }
        // a conv layer computes whole positions: P = m * K, m positions of its K channels
        List<Integer> perCycle = layer instanceof PipelineLayer.Conv conv
                ? distinctPerCycle(conv.neurons() / conv.conv().channels()).stream()
                        .map(m -> m * conv.conv().channels()).toList()
                : distinctPerCycle(layer.neurons());
        List<Option> options = new ArrayList<>();
        for (int p : perCycle) {
            for (int s : distinctPerCycle(layer.fanIn() + 1)) {
                Option logic = option(network, widths, layer, p, s, false, target);
                options.add(logic);
                if (memoryHelps(layer, logic) && target.bramCapacity() > 0) {
                    options.add(option(network, widths, layer, p, s, true, target));
                }
            }
        }
        return options;
    }

    /**
     * Whether the weights of {@code layer} under {@code logic}'s P and S could go to memory: not in a fully parallel
     * dense layer (constant weights, no ROM), nor in a conv layer of one chunk (its ROM is one word, a constant).
     */
    private static boolean memoryHelps(PipelineLayer layer, Option logic) {
        boolean oneChunk = logic.synapses() == layer.fanIn() + 1;
        return layer instanceof PipelineLayer.Conv ? !oneChunk : !(logic.perCycle() == layer.neurons() && oneChunk);
    }

    /** The values ceil(n / g) for g = 1..n: the P (or S) that give distinct cycle counts. */
    private static List<Integer> distinctPerCycle(int n) {
        Set<Integer> values = new LinkedHashSet<>();
        for (int g = 1; g <= n; g++) {
            values.add((n + g - 1) / g);
        }
        return new ArrayList<>(values);
    }

    /**
     * {@code layer} built with P = {@code p}, S = {@code s}, weights in memory or logic: the one costing of a layer,
     * used by both the search and {@link #estimate}.
     */
    private static Option option(Network network, Widths widths, PipelineLayer layer, int p, int s, boolean memory,
                                 Target target) {
        if (layer instanceof PipelineLayer.Pool) {
            // one OR per output of its taps (a LUT4 takes three and the chain), computed in one cycle of no ROM
            return new Option(layer, p, s, false, 1, (long) layer.neurons() * ((layer.fanIn() + 2) / 3 + 1), 0);
        }
        Fold single = new Fold(Map.of(layer.name(), p), Map.of(layer.name(), s),
                memory ? Set.of(layer.name()) : Set.of());
        if (layer instanceof PipelineLayer.Conv conv) {
            return convOption(network, conv.conv(), single, target);
        }
        return denseOption(network, widths, denseIndex(network, layer.name()), single, target);
    }

    private static int denseIndex(Network network, String name) {
        for (int l = 0; l < network.layers().size(); l++) {
            if (network.layers().get(l).name().equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("network " + network.name() + " has no dense layer '" + name + "'");
    }

    /** A dense layer under {@code single}'s P, S and weight store. */
    private static Option denseOption(Network network, Widths widths, int index, Fold single, Target target) {
        DenseLayer layer = network.layers().get(index);
        int p = single.perCycle(layer);
        int s = single.synapsesEachCycle(layer);
        boolean memory = single.inMemory(layer);
        int chunks = single.chunks(new PipelineLayer.Dense(layer));
        int cycles = single.groups(layer);
        int latency = single.latency(layer);
        // the readout leaves floor(log2 classes) idle cycles for a fully registered argmax tree
        boolean folded = cycles > 1 || memory;
        int argmax = layer.isReadout() && folded ? 31 - Integer.numberOfLeadingZeros(network.classes()) : 0;
        int window = cycles + latency + argmax;
        Widths.LayerWidths w = widths.layer(index);
        int numberBits = layer.synapse().comparedBits(network.weightBits());
        long luts;
        long brams = 0;
        if (!folded) {
            // constant weights: a comparator against a constant and its share of the adder trees
            luts = 4L * (layer.fanIn() + 1) * layer.neurons();
        } else {
            long positions = (long) p * s;
            // a comparator of two variable codes, its AND and sign, its share of the adder trees; a chunked
            // lane also XORs a variable input mask and picks its inputs
            luts = positions * (numberBits + 4 + (chunks > 1 ? numberBits + 2 : 0));
            int wordBits = new MemoryWords(layer, network.weightBits(), s).bits();
            if (memory) {
                brams = (long) p * target.bramsFor(cycles, wordBits);
            } else {
                luts += (long) p * cycles * wordBits / 11;
            }
        }
        // each neuron's register, its write enable and its share of the lane's read multiplexer
        luts += (long) layer.neurons() * (2L * w.stateBits() + 4);
        if (layer.isReadout()) {
            luts += 2L * network.classes() * w.stateBits();
        }
        return new Option(new PipelineLayer.Dense(layer), p, s, memory, window, luts, brams);
    }

    /**
     * A conv layer under {@code fold}'s P, S and weight store, costed by the dense model's parts: its P lanes of S
     * synapses with one word per chunk (C words, not G), its neurons' registers, and the windows, one multiplexer of
     * the groups per tap and slot. Its window is {@code G + r} with {@code G = ceil(positions / m) * C}.
     */
    private static Option convOption(Network network, ConvLayer conv, Fold fold, Target target) {
        PipelineLayer layer = new PipelineLayer.Conv(conv);
        int p = fold.perCycle(layer);
        int s = fold.synapsesEachCycle(layer);
        int chunks = fold.chunks(layer);
        int groups = fold.neuronGroups(layer);
        int numberBits = conv.kernel().synapse().comparedBits(network.weightBits());
        int wordBits = new MemoryWords(conv.kernel(), network.weightBits(), s).bits();
        long luts = (long) p * s * (numberBits + 4 + (chunks > 1 ? numberBits + 2 : 0));
        long brams = 0;
        if (fold.inMemory(layer) && chunks > 1) {
            brams = (long) p * target.bramsFor(chunks, wordBits);
        } else {
            // a ROM of one word is a constant, whatever the plan says (yosys maps no block RAM to it)
            luts += (long) p * chunks * wordBits / 11;
        }
        // a multiplexer of the groups per tap and slot (a LUT4 picks one of about three)
        luts += (long) (p / conv.channels()) * conv.taps() * ((groups + 2) / 3);
        // each neuron's register and its share of its lane's read multiplexer: a conv layer's many neurons share
        // few lanes, so less per neuron than a dense layer's (measured on the MNIST-shaped conv design, xc7)
        luts += (long) layer.neurons() * (Widths.ofKernel(conv, network.length()).stateBits() + 1);
        return new Option(layer, p, s, fold.inMemory(layer), fold.groups(layer) + fold.latency(layer), luts, brams);
    }

    private static long inputLuts(Network network) {
        return (long) network.inputs() * (network.inputCode().magnitudeBits() + 2);
    }

    private static long scale(long luts, Target target) {
        return Math.round(luts * target.lutScale());
    }
}
