package org.scforge.harness;

import org.scforge.dsl.Network;
import org.scforge.generators.Fold;
import org.scforge.generators.FrameTiming;
import org.scforge.generators.GeneratedDesign;
import org.scforge.generators.PipelineLayer;
import org.scforge.generators.Port;
import org.scforge.generators.rtl.MemoryWords;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ports of a generated top module, as the RTL contract states them (docs/semantics.md section 1,
 * docs/cosim.md): clk, rst, start, the packed codes, busy, done, the packed readout counts, class_out,
 * and, for a design generated with trace ports, each integrate-and-fire layer's spikes and membranes.
 *
 * @param ports       every port, in declaration order
 * @param traced      the traced layers (empty without trace ports), in layer order
 * @param codeBits    width of {@code codes}
 * @param countBits   bits of one readout count (C)
 * @param classBits   width of {@code class_out}
 * @param windowCycles T, the cycles of one window of a folded design (docs/semantics.md section 1.1);
 *                    1 for a fully parallel one. Not a port, but it says when the ports hold what.
 * @param learning    the learning layers, whose weights port {@code <layer>_weights} the harness compares
 *                    (docs/rtl.md, "Learning layers"); empty for a network without one
 */
public record DutPorts(List<Port> ports, List<TracedLayer> traced, int codeBits, int countBits, int classBits,
                       int windowCycles, List<LearningLayer> learning) {

    /**
     * A learning layer and the packing of its weights port: code {@code (j, i)} at {@code [(j*F + i)*B +: B]},
     * two's complement; or, folded with its weights in memory (docs/rtl.md, "Folded learning layers"), its readback:
     * {@code words} addresses, lane {@code p}'s word at {@code [p*W +: W]} of {@code <layer>_weights_words}, word
     * {@code k} of lane {@code p} holding chunk {@code k mod C} of neuron {@code (k div C) * P + p}, decoded by
     * {@code layout}.
     *
     * @param index    0-based pipeline index
     * @param name     the layer's DSL name
     * @param neurons  N
     * @param fanIn    F
     * @param codeBits B = weightBits + 1
     * @param offsetBits with homeostasis, the bits of a threshold offset in {@code <layer>_offsets} (offset {@code j}
     *                 at {@code [j*offsetBits +: offsetBits]}, unsigned); 0 without, and no such port
     * @param perCycle P of a folded learning layer (its lanes); 0 for the fully parallel one
     * @param words    G, the addresses of its readback; 0 for the fully parallel one
     * @param layout   the generator's word layout of a folded learning layer; null for the fully parallel one
     */
    public record LearningLayer(int index, String name, int neurons, int fanIn, int codeBits, int offsetBits,
                                int perCycle, int words, MemoryWords layout) {

        /** A fully parallel learning layer, with its weights port. */
        public LearningLayer(int index, String name, int neurons, int fanIn, int codeBits, int offsetBits) {
            this(index, name, neurons, fanIn, codeBits, offsetBits, 0, 0, null);
        }

        /** Folded with its weights in memory: read back word by word, no weights port. */
        public boolean folded() {
            return layout != null;
        }

        public String weightsPort() {
            return name + "_weights";
        }

        public String addressPort() {
            return name + "_weights_address";
        }

        public String wordsPort() {
            return name + "_weights_words";
        }

        /**
         * Every code {@code [neuron][input]} the design holds now: the weights port's, or, folded, the words read back
         * at every address (each one edge: only while no frame runs, docs/rtl.md "Folded learning layers").
         */
        public int[][] codes(Dut dut) {
            if (!folded()) {
                return codes(dut.peek(weightsPort()));
            }
            int[][] codes = new int[neurons][fanIn];
            List<BigInteger> read = dut.readBack(addressPort(), wordsPort(), words);
            int wordBits = layout.bits();
            int terms = layout.terms();
            BigInteger mask = BigInteger.ONE.shiftLeft(wordBits).subtract(BigInteger.ONE);
            for (int k = 0; k < words; k++) {
                for (int p = 0; p < perCycle; p++) {
                    int j = layout.neuron(k, perCycle, p);
                    if (j >= neurons) {
                        continue;
                    }
                    int[] positions = layout.codes(read.get(k).shiftRight(p * wordBits).and(mask));
                    for (int q = 0; q < terms; q++) {
                        int i = layout.chunk(k) * terms + q;
                        if (i < fanIn) {
                            codes[j][i] = positions[q];
                        }
                    }
                }
            }
            return codes;
        }

        public String offsetsPort() {
            return name + "_offsets";
        }

        /** Neuron {@code neuron}'s threshold offset of the offsets port's value. */
        public int offset(BigInteger offsets, int neuron) {
            return (int) Values.unsignedField(offsets, neuron, offsetBits);
        }

        /** Every code {@code [neuron][input]} of the weights port's value {@code weights}. */
        public int[][] codes(BigInteger weights) {
            int[][] codes = new int[neurons][fanIn];
            for (int j = 0; j < neurons; j++) {
                for (int i = 0; i < fanIn; i++) {
                    codes[j][i] = code(weights, j, i);
                }
            }
            return codes;
        }

        /** Code {@code (neuron, input)} of the port's value. */
        public int code(BigInteger weights, int neuron, int input) {
            return (int) Values.signedField(weights, neuron * fanIn + input, codeBits);
        }

        /** The port's value holding {@code codes[neuron][input]}: what the RTL must show. */
        public BigInteger pack(int[][] codes) {
            BigInteger packed = BigInteger.ZERO;
            BigInteger mask = BigInteger.ONE.shiftLeft(codeBits).subtract(BigInteger.ONE);
            for (int j = 0; j < neurons; j++) {
                for (int i = 0; i < fanIn; i++) {
                    packed = packed.or(BigInteger.valueOf(codes[j][i]).and(mask).shiftLeft((j * fanIn + i) * codeBits));
                }
            }
            return packed;
        }
    }

    /**
     * A layer whose per-step values the RTL exposes.
     *
     * @param index      0-based layer index
     * @param name       the layer's DSL name
     * @param neurons    neurons N
     * @param stateBits  membrane bits Wv; 0 for a pool layer, which has spikes only
     */
    public record TracedLayer(int index, String name, int neurons, int stateBits) {
        /** Whether it has a membrane port (every traced layer but a pool). */
        public boolean hasMembrane() {
            return stateBits > 0;
        }

        public String spikesPort() {
            return name + "_spikes";
        }

        public String membranePort() {
            return name + "_membrane";
        }
    }

    public DutPorts {
        ports = List.copyOf(ports);
        traced = List.copyOf(traced);
        learning = List.copyOf(learning);
        if (windowCycles < 1) {
            throw new IllegalArgumentException("window cycles " + windowCycles + " must be at least 1");
        }
    }

    /** The ports of a fully parallel design. */
    public DutPorts(List<Port> ports, List<TracedLayer> traced, int codeBits, int countBits, int classBits) {
        this(ports, traced, codeBits, countBits, classBits, 1);
    }

    /** The ports of a design without a learning layer. */
    public DutPorts(List<Port> ports, List<TracedLayer> traced, int codeBits, int countBits, int classBits,
                    int windowCycles) {
        this(ports, traced, codeBits, countBits, classBits, windowCycles, List.of());
    }

    /** The ports of a design that is not a network top (a board top, say): no frames, no traces. */
    public static DutPorts plain(List<Port> ports) {
        return new DutPorts(ports, List.of(), 0, 0, 0, 1);
    }

    /** Whether the design is a network top, which the bridge's {@code frame} command drives. */
    public boolean runsFrames() {
        return java.util.stream.Stream.of("start", "codes", "done", "counts", "class_out").allMatch(n -> port(n).isPresent());
    }

    /**
     * The ports of {@code design}, generated from {@code network}: the generator's own list of its top
     * module's ports, the widths it used and its fold's window length, never computed a second time here.
     */
    public static DutPorts of(Network network, GeneratedDesign design) {
        List<Port> ports = design.ports();
        List<TracedLayer> traced = new ArrayList<>();
        List<PipelineLayer> layers = PipelineLayer.of(network);
        for (int l = 0; l < layers.size() - 1; l++) {
            String name = layers.get(l).name();
            int neurons = layers.get(l).neurons();
            // the widths the generator gave its trace ports: a membrane port holds Wv bits per neuron
            Optional<Port> spikes = ports.stream().filter(p -> p.name().equals(name + "_spikes")).findFirst();
            int stateBits = ports.stream().filter(p -> p.name().equals(name + "_membrane")).findFirst()
                    .map(p -> p.width() / neurons).orElse(0);
            if (spikes.isPresent()) {
                traced.add(new TracedLayer(l, name, neurons, stateBits));
            }
        }
        List<LearningLayer> learning = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            Optional<org.scforge.dsl.DenseLayer> dense = layers.get(l).weights();
            if (dense.isPresent() && dense.get().learns()) {
                int neurons = dense.get().neurons();
                int offsetBits = ports.stream().filter(p -> p.name().equals(dense.get().name() + "_offsets")).findFirst()
                        .map(p -> p.width() / neurons).orElse(0);
                Fold fold = design.options().fold();
                learning.add(fold.inMemory(dense.get())
                        ? new LearningLayer(l, dense.get().name(), neurons, dense.get().fanIn(), network.weightBits() + 1,
                                offsetBits, fold.perCycle(dense.get()), fold.groups(dense.get()),
                                new MemoryWords(dense.get(), network.weightBits(), fold.synapsesEachCycle(dense.get())))
                        : new LearningLayer(l, dense.get().name(), neurons, dense.get().fanIn(),
                                network.weightBits() + 1, offsetBits));
            }
        }
        int countBits = design.widths().layer(network.layers().size() - 1).stateBits();
        return new DutPorts(ports, traced, width(ports, "codes"), countBits, width(ports, "class_out"),
                design.timing().windowCycles(), learning);
    }

    private static int width(List<Port> ports, String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the generated top module has no port " + name)).width();
    }

    public Optional<Port> port(String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The ports a trace row holds, in order: every traced layer's spikes then membrane (a pool: none), then counts,
     * then every learning layer's weights.
     */
    public List<Port> tracePorts() {
        List<Port> out = new ArrayList<>();
        for (TracedLayer t : traced) {
            out.add(port(t.spikesPort()).orElseThrow());
            if (t.hasMembrane()) {
                out.add(port(t.membranePort()).orElseThrow());
            }
        }
        out.add(port("counts").orElseThrow());
        for (LearningLayer l : parallelLearning()) {
            out.add(port(l.weightsPort()).orElseThrow());
        }
        return out;
    }

    /** The fully parallel learning layers: those with a weights port, which a trace row holds after the counts. */
    public List<LearningLayer> parallelLearning() {
        return learning.stream().filter(l -> !l.folded()).toList();
    }

    /** True when the design has a learning layer: a learn input and a weights port per learning layer. */
    public boolean learns() {
        return !learning.isEmpty();
    }

    /** When {@code network}'s values appear on these ports. */
    public FrameTiming timing(Network network) {
        return new FrameTiming(network.length(), network.depth(), windowCycles);
    }

    public boolean hasTrace() {
        return !traced.isEmpty();
    }
}
