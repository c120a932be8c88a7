package org.scforge.generators.rtl;

import java.util.List;

/**
 * What the layer template reads of a layer's plan (docs/semantics.md section 1.1, docs/rtl.md): P lanes,
 * lane {@code p} computing neuron {@code g*P + p} of neuron group {@code g} in C chunks of S synapses,
 * chunk {@code c} in layer cycle {@code k = g*C + c}. Literals are Verilog text.
 *
 * @param perCycle      P
 * @param groups        G = ceil(N / P) * C, the layer cycles of a step
 * @param neuronGroups  ceil(N / P)
 * @param groupBits     bits of a lane's index into its neurons (0 for one group)
 * @param groupSlots    2^groupBits
 * @param chunks        C
 * @param terms         S
 * @param padded        C * S synapse positions
 * @param chunkBits     bits of the chunk counter
 * @param termCountBits bits of a count of S ones
 * @param windowCycles  T
 * @param windowBits    bits of window_cycle
 * @param memory        weights in block RAM (r = 4)
 * @param windowed      T > 1: the layer sees window_cycle; T = 1 is the fully parallel timing
 * @param constantWords one layer cycle in logic: each lane's word is a constant, no ROM
 * @param everyCycle    G = T: every window cycle has a word
 * @param romWords      words of each lane's ROM: G, or a conv lane's C (its channel's chunks)
 * @param address       the ROM address expression
 * @param latency       r
 * @param inputMasks    inputMasks[i] at position i
 * @param present       the positions that hold a synapse
 * @param chunkList     0 .. C-1
 * @param chunkMasks    per chunk, its positions' input masks
 * @param chunkPresent  per chunk, which of its positions hold a synapse
 * @param strideBits    log2 of the power-of-two stride of a chunk's inputs
 * @param stride        2^strideBits
 * @param wordBits      bits of a lane word
 * @param slots         the vectors the lanes read: one, {@code x} itself (prefix ""), or a conv layer's P / K
 * @param neurons       every neuron, in order
 * @param lanes         the P lanes
 */
public record FoldModel(int perCycle, int groups, int neuronGroups, int groupBits, int groupSlots, int chunks,
                        int terms, int padded, int chunkBits, int termCountBits, int windowCycles, int windowBits,
                        boolean memory, boolean windowed, boolean constantWords, boolean everyCycle, int romWords, String address,
                        int latency, String inputMasks, String present, List<Integer> chunkList,
                        List<String> chunkMasks, List<String> chunkPresent, int strideBits, int stride, int wordBits,
                        List<Slot> slots, List<Neuron> neurons, List<Lane> lanes) {

    public FoldModel {
        chunkList = List.copyOf(chunkList);
        chunkMasks = List.copyOf(chunkMasks);
        chunkPresent = List.copyOf(chunkPresent);
        slots = List.copyOf(slots);
        neurons = List.copyOf(neurons);
        lanes = List.copyOf(lanes);
    }

    /**
     * A vector of synapse inputs that lanes read: a dense layer's one ({@code x}, prefix ""), or slot {@code s} of a
     * conv layer's groups (prefix {@code slot_<s>_}), whose table holds the window of its position in each group.
     *
     * @param prefix    of its wires' names
     * @param windows   a conv slot's window per group (a concatenation of x bits, tap q at bit q), else empty
     * @param negatives the same of x_negative, for an image of sign-magnitude codes; else empty
     */
    public record Slot(String prefix, List<String> windows, List<String> negatives) {

        public Slot {
            windows = List.copyOf(windows);
            negatives = List.copyOf(negatives);
        }
    }

    /**
     * Neuron {@code index} of the layer in its lane.
     *
     * @param name       {@code <layer>_neuron_<index>}
     * @param lane       {@code lane_<index % P>}
     * @param group      the layer cycle of its last chunk, a window_cycle literal
     * @param endsWindow written back in the window's last cycle: its new spike is latched straight from the lane
     */
    public record Neuron(int index, String name, String lane, String group, boolean endsWindow) {
    }

    /**
     * Lane {@code index}: its neurons and its word of every layer cycle.
     *
     * @param name {@code lane_<index>}
     * @param slot the prefix of the slot whose vector it reads
     */
    public record Lane(String name, int index, String slot, List<Neuron> neurons, List<Cycle> cycles) {

        public Lane {
            neurons = List.copyOf(neurons);
            cycles = List.copyOf(cycles);
        }
    }

    /**
     * A lane's word of one layer cycle and what it holds.
     *
     * @param word    the word literal
     * @param comment the neuron and synapses it holds
     */
    public record Cycle(String word, String comment) {
    }
}
