package org.scforge.generators.rtl;

import org.scforge.dsl.ConvLayer;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.PoolLayer;
import org.scforge.dsl.ScforgeVersion;
import org.scforge.dsl.SobolDirections;
import org.scforge.dsl.Source;
import org.scforge.dsl.Synapse;
import org.scforge.dsl.Widths;
import org.scforge.generators.Fold;
import org.scforge.generators.FrameTiming;
import org.scforge.generators.GeneratorOptions;
import org.scforge.generators.PipelineLayer;
import org.scforge.generators.Port;
import org.scforge.generators.Templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the Verilog of a network: one file per block module, one per layer and the top. Every
 * value comes from the IR and {@link Widths}; nothing here interprets the semantics beyond wiring.
 * The test benches and the synthesis files read the design's widths, ports, timing and file header here.
 */
public final class RtlFiles {

    private final Network network;
    private final GeneratorOptions options;
    private final Widths widths;
    private final String top;
    private final String hash;
    private final Fold fold;
    private final FrameTiming timing;
    /** The pipeline: conv and pool layers, then the dense ones; index {@code l} is layer {@code l + 1} of the timing. */
    private final List<PipelineLayer> layers;

    /** The RTL of {@code network} with {@code options}; the fold is validated against the network here. */
    public RtlFiles(Network network, GeneratorOptions options) {
        this.network = network;
        this.options = options;
        this.widths = Widths.of(network);
        this.top = network.name();
        this.hash = ModelHash.of(network);
        this.fold = options.fold().validate(network);
        this.timing = fold.timing(network);
        this.layers = PipelineLayer.of(network);
    }

    /** The register widths the RTL uses. */
    public Widths widths() {
        return widths;
    }

    /** When done rises and when each layer shows a step's values. */
    public FrameTiming timing() {
        return timing;
    }

    String modelHash() {
        return hash;
    }

    /** Bits of each readout count on the {@code counts} port. */
    public int countBits() {
        return widths.layer(network.layers().size() - 1).stateBits();
    }

    /** Bits of the {@code class_out} port. */
    public int classBits() {
        return Widths.classBits(network.classes());
    }

    /** File name to text, in compile order: blocks, layers, top. */
    public Map<String, String> render() {
        Map<String, String> files = new LinkedHashMap<>();
        // one block module per kind of source the design uses (the kind names the module), in a fixed order
        Map<String, Source> byKind = new LinkedHashMap<>();
        for (SourceUse use : sourceUses()) {
            byKind.putIfAbsent(use.source().kind(), use.source());
        }
        for (String kind : List.of("lfsr", "vdc", "sobol")) {
            if (byKind.containsKey(kind)) {
                block(files, kind, purpose(byKind.get(kind)));
            }
        }
        block(files, "popcount", "balanced adder tree counting ones (popcount)", Map.of("trees",
                weighted().stream().map(fold::synapsesEachCycle).distinct().sorted()
                        .map(PopcountTree::of).toList()));
        laneSynapses(files, false, "lane_synapses", "one lane of a layer: synapses and signed popcount");
        laneSynapses(files, true, "lane_xnor_synapses", "one lane of an xnor layer: synapses and their sum");
        if (weighted().stream().anyMatch(l -> !l.isReadout())) {
            block(files, "if_update", "integrate-and-fire update of one lane", Map.of("potentialPort", takesPotentials(),
                    "thresholdPort", adaptive()));
        }
        if (network.layers().stream().anyMatch(l -> l.learns() && !fold.inMemory(l))) {
            block(files, "stdp_synapse", "learning synapse of an STDP layer (docs/semantics.md section 12)");
        }
        if (network.layers().stream().anyMatch(l -> l.learns() && fold.inMemory(l))) {
            block(files, "stdp_chunk", "STDP update of one lane word of a folded learning layer (docs/semantics.md section 12)");
        }
        block(files, "count_update", "readout count update of one lane");
        block(files, "argmax_tree", "balanced comparison tree of the argmax");
        block(files, "argmax", "argmax of the readout counts");
        for (int l = 0; l < layers.size(); l++) {
            String file = layerModule(l) + ".v";
            Map<String, Object> model = header(file, "layer '" + layers.get(l).name() + "'");
            if (layers.get(l) instanceof PipelineLayer.Pool pool) {
                model.put("pool", poolModel(l, pool));
                files.put(file, Templates.render("pool.v.ftl", model));
                continue;
            }
            model.put("weightBits", network.weightBits());
            model.put("layer", layerModel(l));
            model.put("fold", foldModel(l));
            model.put("potentialPort", takesPotentials());
            model.put("thresholdPort", adaptive());
            DenseLayer dense = layers.get(l).weights().orElseThrow();
            if (dense.learns()) {
                model.put("learn", LearningModel.of(dense, network.weightBits(), widthsOf(l),
                        fold.inMemory(dense) ? foldedLearning(l) : null));
            }
            files.put(file, Templates.render("layer.v.ftl", model));
        }
        String file = top + ".v";
        files.put(file, Templates.render("top.v.ftl", topModel(file)));
        return files;
    }

    /** The top module's ports, in declaration order. */
    public List<Port> ports() {
        List<Port> ports = new ArrayList<>(List.of(Port.in("clk", 1), Port.in("rst", 1), Port.in("start", 1),
                Port.in("codes", network.inputs() * network.inputCode().portBits())));
        if (learns()) {
            ports.add(Port.in("learn", 1));
        }
        ports.addAll(readbackAddressPorts());
        ports.addAll(List.of(Port.out("busy", 1), Port.out("done", 1), Port.out("counts", network.classes() * countBits())));
        ports.addAll(tracePorts());
        ports.addAll(weightPorts());
        ports.add(Port.out("class_out", classBits()));
        return ports;
    }

    /** True when the network has a learning layer: the top has the learn port and a weights port per such layer. */
    public boolean learns() {
        return network.layers().stream().anyMatch(DenseLayer::learns);
    }

    /**
     * {@code <layer>_weights} of every learning layer, in layer order, then {@code <layer>_offsets} of every one with
     * homeostasis, with or without trace ports: what the layer has learned is part of its result (docs/rtl.md,
     * "Learning layers").
     */
    public List<Port> weightPorts() {
        List<Port> ports = new ArrayList<>();
        layerInstances().stream().filter(l -> l.weightsBits() > 0)
                .forEach(l -> ports.add(l.addressBits() > 0 ? Port.out(l.name() + "_weights_words", l.weightsBits())
                        : Port.out(l.name() + "_weights", l.weightsBits())));
        layerInstances().stream().filter(l -> l.offsetsBits() > 0)
                .forEach(l -> ports.add(Port.out(l.name() + "_offsets", l.offsetsBits())));
        return List.copyOf(ports);
    }

    /**
     * {@code <layer>_weights_address} of every learning layer folded with its weights in memory, in layer order: the
     * address its readback reads while no frame runs (docs/rtl.md, "Folded learning layers").
     */
    public List<Port> readbackAddressPorts() {
        return layerInstances().stream().filter(l -> l.addressBits() > 0)
                .map(l -> Port.in(l.name() + "_weights_address", l.addressBits())).toList();
    }

    /** The if_update block gives u (its potential port) when a layer takes the argmax of them: a winner-take-all rule. */
    private boolean takesPotentials() {
        return network.layers().stream().anyMatch(l -> l.learning().map(org.scforge.dsl.Stdp::wta).orElse(false));
    }

    /**
     * The if_update block takes its threshold as an input (one per lane) when a layer has adaptive thresholds: a rule
     * with homeostasis (docs/semantics.md section 12.5); a design without one has the block with the THRESHOLD parameter.
     */
    private boolean adaptive() {
        return network.layers().stream().anyMatch(RtlFiles::adaptive);
    }

    private static boolean adaptive(DenseLayer layer) {
        return layer.learning().flatMap(org.scforge.dsl.Stdp::homeostasis).isPresent();
    }

    /**
     * With {@link GeneratorOptions#traceOutputs()}: {@code <layer>_spikes} and {@code <layer>_membrane} per IF layer
     * (conv layers included), {@code <pool>_spikes} per pool layer.
     */
    public List<Port> tracePorts() {
        List<Port> ports = new ArrayList<>();
        for (LayerInstance layer : traced()) {
            ports.add(Port.out(layer.name() + "_spikes", layer.neurons()));
            if (!layer.pool()) {
                ports.add(Port.out(layer.name() + "_membrane", layer.neurons() * layer.stateBits()));
            }
        }
        return ports;
    }

    /** The layers with weights (every one but the pools), in order. */
    private List<PipelineLayer> weighted() {
        return layers.stream().filter(l -> l.weights().isPresent()).toList();
    }

    /** The widths of layer {@code index}'s neurons: a dense layer's, or a conv kernel's (no pool has any). */
    private Widths.LayerWidths widthsOf(int index) {
        PipelineLayer layer = layers.get(index);
        if (layer instanceof PipelineLayer.Conv conv) {
            return Widths.ofKernel(conv.conv(), network.length());
        }
        return widths.layer(index - network.imageLayers().size());
    }

    private static String purpose(Source source) {
        if (source instanceof Source.Lfsr) {
            return "Fibonacci LFSR number source";
        }
        if (source instanceof Source.VanDerCorput) {
            return "van der Corput number source";
        }
        return "Sobol number source";
    }

    /**
     * The lane synapse block of the and ({@code xnor} false) or xnor layers, when the design has such a layer;
     * its TERMS defaults to the S of the first of them, a TERMS the popcount has a tree for, so that the
     * module elaborates on its own (lint).
     */
    private void laneSynapses(Map<String, String> files, boolean xnor, String block, String purpose) {
        weighted().stream().filter(l -> l.weights().orElseThrow().isXnor() == xnor).findFirst()
                .map(fold::synapsesEachCycle)
                .ifPresent(terms -> block(files, block, purpose,
                        Map.of("terms", terms, "countBits", Widths.unsignedBits(terms))));
    }

    private void block(Map<String, String> files, String block, String purpose) {
        block(files, block, purpose, Map.of());
    }

    /** A block module whose template needs {@code extra} beside the header. */
    private void block(Map<String, String> files, String block, String purpose, Map<String, Object> extra) {
        String file = top + "_" + block + ".v";
        Map<String, Object> model = header(file, purpose);
        model.putAll(extra);
        files.put(file, Templates.render(block + ".v.ftl", model));
    }

    /**
     * The template model of every generated file's header (file, purpose, generator version, model and its
     * hash, top), to which a file's template adds its own values.
     */
    public Map<String, Object> header(String file, String purpose) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("file", file);
        model.put("purpose", purpose);
        model.put("generatorVersion", ScforgeVersion.NUMBER);
        model.put("model", network.name());
        model.put("modelHash", hash);
        model.put("top", top);
        return model;
    }

    private String layerModule(int index) {
        return top + "_layer_" + layers.get(index).name();
    }

    /**
     * A source instance per consumer (the inputs, each layer with weights): each advances only while its consumer
     * steps; {@code stage} is the consumer's layer index (the inputs are consumed by layer 1, so they step with it).
     */
    record SourceUse(String consumer, int stage, Source source, String instance, String enable, boolean learning) {
    }

    List<SourceUse> sourceUses() {
        List<String> consumers = new ArrayList<>();
        List<Integer> stages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        consumers.add("inputs");
        stages.add(0);
        names.add(network.inputPlan().source());
        for (int l = 0; l < layers.size(); l++) {
            Optional<DenseLayer> weights = layers.get(l).weights();
            if (weights.isPresent()) {
                consumers.add(layers.get(l).name());
                stages.add(l);
                names.add(weights.get().plan().source());
            }
        }
        // a learning layer's learning source (consumer <layer>_learning), advancing with the layer's steps
        int weightConsumers = consumers.size();
        for (int l = 0; l < layers.size(); l++) {
            Optional<DenseLayer> weights = layers.get(l).weights();
            if (weights.isPresent() && weights.get().learns()) {
                consumers.add(layers.get(l).name() + "_learning");
                stages.add(l);
                names.add(weights.get().learning().orElseThrow().source());
            }
        }
        List<SourceUse> uses = new ArrayList<>();
        for (int c = 0; c < consumers.size(); c++) {
            String name = names.get(c);
            boolean shared = names.stream().filter(name::equals).count() > 1;
            String instance = shared ? name + "_for_" + consumers.get(c) : name;
            String enable = "frame_stage[" + stages.get(c) + "]" + (timing.folded() ? " & window_last" : "");
            uses.add(new SourceUse(consumers.get(c), stages.get(c), network.source(name).orElseThrow(), instance, enable,
                    c >= weightConsumers));
        }
        return uses;
    }

    /** The source instance layer {@code index}'s lanes read. */
    private SourceUse sourceOf(int index) {
        return sourceUses().stream().skip(1).filter(u -> u.stage() == index && !u.learning()).findFirst().orElseThrow();
    }

    /** The learning source instance of learning layer {@code index}. */
    private SourceUse learningSourceOf(int index) {
        return sourceUses().stream().filter(u -> u.stage() == index && u.learning()).findFirst().orElseThrow();
    }

    private SourceInstance sourceModel(SourceUse use) {
        Source s = use.source();
        int n = s.width();
        List<String> parameters = new ArrayList<>();
        parameters.add("WIDTH(" + n + ")");
        if (s instanceof Source.Lfsr l) {
            List<Boolean> mask = new ArrayList<>();
            for (int bit = 0; bit < n; bit++) {
                mask.add(l.taps().contains(bit + 1));
            }
            parameters.add("TAP_MASK(" + VerilogLiterals.bitVector(mask) + ")");
            parameters.add("SEED(" + VerilogLiterals.unsigned(n, l.seed()) + ")");
        } else if (s instanceof Source.Sobol sobol) {
            List<Long> directions = new ArrayList<>();
            for (long v : SobolDirections.directions(sobol.dimension(), n)) {
                directions.add(v);
            }
            parameters.add("DIRECTIONS(" + VerilogLiterals.packed(n, directions) + ")");
        }
        return new SourceInstance(use.instance(), s.kind(), n, use.enable(), parameters);
    }

    private LayerModel layerModel(int index) {
        PipelineLayer stage = layers.get(index);
        DenseLayer layer = stage.weights().orElseThrow();
        Widths.LayerWidths w = widthsOf(index);
        if (w.sumBits() != w.popcountBits() + 1) {
            throw new IllegalStateException("the synapse block assumes sum bits = popcount bits + 1");
        }
        int bits = network.weightBits();
        String threshold = "";
        String floor = "";
        String ceiling = "";
        int leakShift = 0;
        if (layer.neuron() instanceof NeuronModel.IntegrateAndFire f) {
            threshold = VerilogLiterals.signed(w.workBits(), f.threshold());
            floor = VerilogLiterals.signed(w.workBits(), f.floor());
            ceiling = VerilogLiterals.signed(w.workBits(), f.ceiling());
            leakShift = f.leakShift();
        }
        String kind = stage instanceof PipelineLayer.Conv c ? "integrate-and-fire conv (" + convText(c.conv()) + ")"
                : layer.isReadout() ? "counter (readout)" : "integrate-and-fire";
        return new LayerModel(index, layer.name(), layerModule(index), stage.neurons(), stage.fanIn(),
                inputsOf(index), stage instanceof PipelineLayer.Conv, w.sumBits(), w.stateBits(), w.workBits(),
                carriesInputSigns(index), layer.isXnor(), layer.synapse().comparedBits(bits), 1L << bits,
                !layer.isReadout(), kind, threshold, floor, ceiling, leakShift);
    }

    private static String convText(ConvLayer conv) {
        return conv.input() + " image, " + conv.channels() + " channels, " + conv.kernelHeight() + "x"
                + conv.kernelWidth() + " kernel, stride " + conv.stride() + ", padding " + conv.padding() + ", output "
                + conv.output();
    }

    /** Bits of layer {@code index}'s {@code x}: the network's inputs, or the previous layer's neurons. */
    private int inputsOf(int index) {
        return index == 0 ? network.inputs() : layers.get(index - 1).neurons();
    }

    /** What the pool template reads: per output neuron the input bits of its window, tap by tap. */
    private PoolModel poolModel(int index, PipelineLayer.Pool pool) {
        List<PoolModel.Output> outputs = new ArrayList<>();
        for (int j = 0; j < pool.neurons(); j++) {
            List<String> taps = new ArrayList<>();
            for (int q = pool.fanIn() - 1; q >= 0; q--) {
                taps.add("x[" + pool.pool().inputOf(j, q) + "]");
            }
            outputs.add(new PoolModel.Output(j, "{" + String.join(", ", taps) + "}"));
        }
        PoolLayer p = pool.pool();
        return new PoolModel(index, p.name(), layerModule(index), inputsOf(index), pool.neurons(), p.input().toString(),
                p.output().toString(), p.window(), p.stride(), timing.folded(), outputs);
    }

    /**
     * Registers in the argmax tree: the readout's last count of a frame is written at window cycle
     * {@code G + r - 1} of its last window, {@code T - G - r} edges before {@code done} can sample a
     * result, so that many levels of the tree (at most floor(log2 classes), which keeps every path
     * through the tree equally registered) can be registered without changing the done edge. A fully
     * parallel design (T = 1) leaves none.
     */
    int argmaxStages() {
        DenseLayer readout = network.readout();
        int slack = timing.windowCycles() - fold.groups(readout) - fold.latency(readout);
        int shallowestLeaf = 31 - Integer.numberOfLeadingZeros(Math.max(1, network.classes()));
        return Math.max(0, Math.min(slack, shallowestLeaf));
    }

    /** Bits of the window cycle counter: max(1, ceil(log2 T)). */
    private int windowBits() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(timing.windowCycles() - 1));
    }

    /**
     * What the layer template needs beyond the layer itself: P lanes, lane {@code p} computing neuron {@code g*P + p} of
     * neuron group {@code g} in C chunks of S synapses, chunk {@code c} in layer cycle {@code k = g*C + c};
     * per neuron its lane, the cycle of its last chunk and whether it is written back in the window's
     * last cycle; per lane the constants (logic) or memory words of every layer cycle (a conv lane: of every
     * chunk of its channel, shared by the positions); per slot the vector its lanes read (a conv layer's: the
     * windows of its positions, docs/rtl.md "Conv and pool layers").
     */
    private FoldModel foldModel(int index) {
        PipelineLayer stage = layers.get(index);
        DenseLayer layer = stage.weights().orElseThrow();
        ConvLayer conv = stage instanceof PipelineLayer.Conv c ? c.conv() : null;
        int p = fold.perCycle(stage);
        int chunks = fold.chunks(stage);
        int terms = fold.synapsesEachCycle(stage);
        int cycles = fold.groups(stage);
        int latency = fold.latency(stage);
        int neuronGroups = fold.neuronGroups(stage);
        int fanIn = stage.fanIn();
        int bits = windowBits();
        int numberBits = layer.synapse().comparedBits(network.weightBits());
        int padded = chunks * terms;
        // the lanes read their state by the low groupBits bits of the group index, 2^groupBits slots
        int groupBits = 32 - Integer.numberOfLeadingZeros(neuronGroups - 1);
        // a conv lane's ROM holds its channel's C chunks (address: the chunk); a dense lane's every layer cycle
        // (address: the low bits of window_cycle, enough for layer cycles 0 .. G-1, T >= G)
        int romWords = conv != null ? chunks : cycles;
        int addressBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(romWords - 1));
        String address = conv != null ? (chunks > 1 ? "chunk" : "1'b0")
                : addressBits == bits ? "window_cycle" : "window_cycle[" + (addressBits - 1) + ":0]";
        List<Long> inputMasks = new ArrayList<>();
        List<Boolean> present = new ArrayList<>();
        for (int i = 0; i < padded; i++) {
            inputMasks.add(i <= fanIn ? (long) layer.plan().inputMasks().get(i) : 0L);
            present.add(i <= fanIn);
        }
        // per chunk: its positions' input masks and which of them hold a synapse; chunk c's inputs sit at a
        // power-of-two stride 2^strideBits >= S
        List<Integer> chunkList = new ArrayList<>();
        List<String> chunkMasks = new ArrayList<>();
        List<String> chunkPresent = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            chunkList.add(c);
            chunkMasks.add(VerilogLiterals.packed(numberBits, inputMasks.subList(c * terms, (c + 1) * terms)));
            chunkPresent.add(VerilogLiterals.bitVector(present.subList(c * terms, (c + 1) * terms)));
        }
        int strideBits = 32 - Integer.numberOfLeadingZeros(terms - 1);
        MemoryWords words = new MemoryWords(layer, network.weightBits(), terms);
        List<FoldModel.Slot> slots = conv == null ? List.of(new FoldModel.Slot("", List.of(), List.of()))
                : convSlots(conv, p, carriesInputSigns(index));
        List<FoldModel.Neuron> neurons = new ArrayList<>();
        List<List<FoldModel.Neuron>> laneNeurons = new ArrayList<>();
        for (int lane = 0; lane < p; lane++) {
            laneNeurons.add(new ArrayList<>());
        }
        for (int j = 0; j < stage.neurons(); j++) {
            int lastChunk = j / p * chunks + chunks - 1;
            FoldModel.Neuron n = new FoldModel.Neuron(j, layer.name() + "_neuron_" + j, "lane_" + j % p,
                    VerilogLiterals.unsigned(bits, lastChunk),
                    lastChunk + Math.min(latency, Fold.MEMORY_LATENCY) == timing.windowCycles() - 1);
            neurons.add(n);
            laneNeurons.get(j % p).add(n);
        }
        List<FoldModel.Lane> lanes = new ArrayList<>();
        for (int lane = 0; lane < p; lane++) {
            List<FoldModel.Cycle> laneCycles = new ArrayList<>();
            for (int k = 0; k < romWords; k++) {
                // the kernel row (a conv lane: its channel) and chunk of ROM word k
                int j = conv != null ? lane % conv.channels() : words.neuron(k, p, lane);
                int c = conv != null ? k : words.chunk(k);
                String synapses = chunks > 1 ? ", synapses " + c * terms + ".." + Math.min(fanIn, (c + 1) * terms - 1) : "";
                laneCycles.add(j < layer.neurons()
                        ? new FoldModel.Cycle(words.word(j, c), (conv != null ? "channel " + j : layer.name() + "_neuron_" + j)
                                + synapses)
                        : new FoldModel.Cycle(words.bits() + "'h0", "no neuron: the last group is partial"));
            }
            String slot = conv == null ? "" : slots.get(lane / conv.channels()).prefix();
            lanes.add(new FoldModel.Lane("lane_" + lane, lane, slot, laneNeurons.get(lane), laneCycles));
        }
        return new FoldModel(p, cycles, neuronGroups, groupBits, 1 << groupBits, chunks, terms, padded,
                Math.max(1, 32 - Integer.numberOfLeadingZeros(chunks - 1)), Widths.unsignedBits(terms),
                timing.windowCycles(), bits, fold.inMemory(stage), timing.folded(), romWords == 1 && !fold.inMemory(stage),
                cycles == timing.windowCycles(), romWords, address, latency, VerilogLiterals.packed(numberBits, inputMasks),
                VerilogLiterals.bitVector(present), chunkList, chunkMasks, chunkPresent, strideBits, 1 << strideBits,
                words.bits(), slots, neurons, lanes);
    }

    /**
     * What a learning layer folded with its weights in memory adds (docs/rtl.md, "Folded learning layers"): its word
     * addresses, the readback's width, and per chunk the positions that learn (its inputs, not the bias nor the padding).
     */
    private LearningModel.Folded foldedLearning(int index) {
        PipelineLayer stage = layers.get(index);
        DenseLayer layer = stage.weights().orElseThrow();
        int cycles = fold.groups(stage);
        int terms = fold.synapsesEachCycle(stage);
        int addressBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(cycles - 1));
        String windowAddress = addressBits == windowBits() ? "window_cycle" : "window_cycle[" + (addressBits - 1) + ":0]";
        String fetchAddress = addressBits == windowBits() ? "fetch_cycle" : "fetch_cycle[" + (addressBits - 1) + ":0]";
        List<String> chunkLearns = new ArrayList<>();
        for (int c = 0; c < fold.chunks(stage); c++) {
            List<Boolean> learns = new ArrayList<>();
            for (int q = 0; q < terms; q++) {
                learns.add(c * terms + q < stage.fanIn());
            }
            chunkLearns.add(VerilogLiterals.bitVector(learns));
        }
        int wordBits = new MemoryWords(layer, network.weightBits(), terms).bits();
        int workBits = widthsOf(index).workBits();
        return new LearningModel.Folded(addressBits, windowAddress, fetchAddress, fold.perCycle(stage) * wordBits,
                Widths.classBits(fold.perCycle(stage)), chunkLearns,
                VerilogLiterals.signed(workBits, -(1L << (workBits - 1))));
    }

    /**
     * The {@code P / K} slots of a conv layer's groups: slot {@code s} of group {@code g} is position
     * {@code g * P / K + s}, and its table holds, per group that has that position, the window of the position,
     * tap {@code q} at bit {@code q} (padding {@code 1'b0}); with {@code negative}, the same of the input signs.
     */
    private static List<FoldModel.Slot> convSlots(ConvLayer conv, int perCycle, boolean negative) {
        int k = conv.channels();
        int perGroup = perCycle / k;
        int positions = conv.neurons() / k;
        List<FoldModel.Slot> slots = new ArrayList<>();
        for (int s = 0; s < perGroup; s++) {
            List<String> windows = new ArrayList<>();
            List<String> negatives = new ArrayList<>();
            for (int position = s; position < positions; position += perGroup) {
                windows.add(window(conv, position, "x"));
                if (negative) {
                    negatives.add(window(conv, position, "x_negative"));
                }
            }
            slots.add(new FoldModel.Slot("slot_" + s + "_", windows, negatives));
        }
        return slots;
    }

    /** The window of {@code position}: its taps' bits of {@code vector}, last tap first, padding {@code 1'b0}. */
    private static String window(ConvLayer conv, int position, String vector) {
        List<String> taps = new ArrayList<>();
        for (int q = conv.taps() - 1; q >= 0; q--) {
            int pixel = conv.inputOf(position * conv.channels(), q);
            taps.add(pixel < 0 ? "1'b0" : vector + "[" + pixel + "]");
        }
        return "{" + String.join(", ", taps) + "}";
    }

    /** Layer {@code index} takes input signs apart: only an and first layer fed sign-magnitude codes. */
    private boolean carriesInputSigns(int index) {
        return index == 0 && network.inputCode().signed() && network.inputSynapse() == Synapse.AND;
    }

    private List<LayerInstance> traced() {
        return options.traceOutputs() ? layerInstances().stream().filter(l -> l.integrateAndFire() || l.pool()).toList()
                : List.of();
    }

    /** What the top template reads of every layer's instance, in pipeline order. */
    private List<LayerInstance> layerInstances() {
        List<LayerInstance> instances = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            PipelineLayer layer = layers.get(l);
            String inputs = l == 0 ? "input_stream" : layers.get(l - 1).name() + "_spikes";
            if (layer instanceof PipelineLayer.Pool) {
                instances.add(new LayerInstance(l, layer.name(), layerModule(l), layer.neurons(), 0, false, true,
                        false, 0, inputs, "", 0, timing.folded(), "", 0, 0, 0));
                continue;
            }
            DenseLayer weights = layer.weights().orElseThrow();
            SourceUse source = sourceOf(l);
            String learnNumber = "";
            int weightsBits = 0;
            int addressBits = 0;
            if (weights.learns()) {
                // the top kp bits of the learning source, as an SNG reads the top bits of its source
                SourceUse learning = learningSourceOf(l);
                int width = learning.source().width();
                int kp = weights.learning().orElseThrow().probabilityBits();
                learnNumber = learning.instance() + "_value[" + (width - 1) + ":" + (width - kp) + "]";
                weightsBits = layer.neurons() * layer.fanIn() * (network.weightBits() + 1);
                if (fold.inMemory(layer)) {
                    // the readback: the P lanes' words at one address
                    LearningModel.Folded folded = foldedLearning(l);
                    addressBits = folded.addressBits();
                    weightsBits = folded.wordsBits();
                }
            }
            instances.add(new LayerInstance(l, layer.name(), layerModule(l), layer.neurons(), widthsOf(l).stateBits(),
                    !weights.isReadout(), false, carriesInputSigns(l), weights.synapse().comparedBits(network.weightBits()),
                    inputs, source.instance(), source.source().width(),
                    !weights.isReadout() || fold.chunks(layer) > 1, learnNumber, weightsBits,
                    weights.learning().flatMap(org.scforge.dsl.Stdp::homeostasis)
                            .map(h -> layer.neurons() * Widths.unsignedBits(h.limit())).orElse(0), addressBits));
        }
        return instances;
    }

    private Map<String, Object> topModel(String file) {
        Map<String, Object> model = header(file, "top module of network '" + top + "'");
        int k = network.inputCode().magnitudeBits();
        model.put("summary", network.summary());
        model.put("inputs", network.inputs());
        model.put("inputBits", network.inputCode().portBits());
        model.put("inputMagnitudeBits", k);
        model.put("signedInputs", network.inputCode().signed());
        // sign-magnitude inputs into an xnor first layer: (k+1)-bit offset codes, no separate signs
        boolean offsetInputs = network.inputSynapse() == Synapse.XNOR;
        int comparedBits = network.inputSynapse().comparedBits(k);
        model.put("offsetInputs", offsetInputs);
        model.put("inputComparedBits", comparedBits);
        model.put("inputOffset", 1L << k);
        List<Long> inputMasks = network.inputPlan().masks().stream().map(Integer::longValue).toList();
        model.put("inputMask", VerilogLiterals.packed(comparedBits, inputMasks));
        model.put("length", network.length());
        model.put("stepBits", widths.stepCounterBits());
        model.put("classes", network.classes());
        model.put("countBits", countBits());
        model.put("classBits", classBits());
        model.put("weightBits", network.weightBits());
        model.put("traceOutputs", options.traceOutputs());
        model.put("folded", timing.folded());
        model.put("windowCycles", timing.windowCycles());
        model.put("windowBits", windowBits());
        model.put("doneEdge", timing.doneEdge());
        model.put("argmaxStages", argmaxStages());
        model.put("traced", traced());
        model.put("learns", learns());
        model.put("adaptive", adaptive());
        List<SourceUse> uses = sourceUses();
        model.put("sourceInstances", uses.stream().map(this::sourceModel).toList());
        model.put("inputSource", uses.get(0).instance());
        model.put("inputSourceWidth", uses.get(0).source().width());
        model.put("layers", layerInstances());
        return model;
    }
}
