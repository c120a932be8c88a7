<#include "header.ftl">
`timescale 1ns / 1ps
<#assign f = fold>
<#assign stateName = layer.integrateAndFire?then("membrane", "count")>
<#assign nb = layer.numberBits>
<#assign chunked = f.chunks gt 1>
<#-- the layer cycle and chunk at the update stage: in memory the update sees a sum two registers behind
     the window cycle -->
<#assign updateCycle = f.memory?then("total_cycle", "window_cycle")>
<#-- the chunk at the stage that adds a chunk's sum to the neuron's earlier chunks -->
<#assign updateChunk = f.memory?then("sum_chunk", "chunk")>
<#assign partialBits = f.termCountBits + 1>
<#-- a learning layer folded with its weights in memory (docs/rtl.md, "Folded learning layers") -->
<#assign lm = learn?? && learn.folded??>
<#-- a neuron's spike waits in a register for the window's end: not in a folded winner-take-all layer, which decides then -->
<#assign spikedRegisters = layer.integrateAndFire && !(lm && learn.wta)>
<#-- folded winner-take-all: a running contest over the groups, which needs the group and chunk at the write-back -->
<#assign foldedWta = lm && learn.wta>
<#-- a slot's synapse positions: its inputs at 0 .. F-1, the bias at F, zeros up to C*S -->
<#macro synapsePositions slotPrefix inputs negatives>
<#assign pad><#if f.padded gt layer.fanIn + 1>${f.padded - layer.fanIn - 1}'d0, </#if></#assign>
    wire [${f.padded - 1}:0] ${slotPrefix}synapse_x = {${pad}1'b1, ${inputs}};
<#if !layer.xnor>
<#if layer.signedInputs>
    wire [${f.padded - 1}:0] ${slotPrefix}synapse_x_negative = {${pad}1'b0, ${negatives}};
<#else>
    // The inputs of this layer are spikes: always positive.
    wire [${f.padded - 1}:0] ${slotPrefix}synapse_x_negative = {${f.padded}{1'b0}};
</#if>
</#if>
</#macro>
<#-- a conv slot's window in the current group: a table of the positions' taps -->
<#macro windowTable windowName windows>
<#if f.groupBits gt 0>
    reg [${layer.fanIn - 1}:0] ${windowName};
    always @(*) begin
        case (group)
<#list windows as w>
            ${f.groupBits}'d${w?index}: ${windowName} = ${w};
</#list>
            default: ${windowName} = {${layer.fanIn}{1'b0}};
        endcase
    end
<#else>
    wire [${layer.fanIn - 1}:0] ${windowName} = ${windows[0]};
</#if>
</#macro>
<#if f.windowed>
// Layer '${layer.name}': ${layer.neurons} ${layer.kindText} neurons, fan-in ${layer.fanIn} (+ bias), folded
// (docs/semantics.md section 1.1): P = ${f.perCycle} neurons at a time, one per lane, each in C = ${f.chunks} chunk<#if chunked>s</#if> of
// S = ${f.terms} synapses, so a step takes G = ${f.neuronGroups} * ${f.chunks} = ${f.groups} layer cycle<#if f.groups gt 1>s</#if> of the window's T = ${f.windowCycles}. In layer
// cycle k = g*C + c (window cycle k) lane p computes chunk c of neuron g*P + p from the input vector x,
// held for the whole window<#if chunked>, adding the chunk's sum to the sums of the neuron's earlier chunks</#if>;
// at the neuron's last chunk it writes back its ${stateName}<#if layer.integrateAndFire> and new spike bit; the spikes output changes
// only at the window's last cycle (window_last)</#if>.
<#else>
// Layer '${layer.name}': ${layer.neurons} ${layer.kindText} neurons, fan-in ${layer.fanIn} (+ bias), fully
// parallel (docs/semantics.md section 1): P = N = ${f.perCycle} lanes, one per neuron, each computing all
// S = ${f.terms} synapses of its neuron at every edge at which the layer steps (T = 1, G = 1, r = 0).
</#if>
<#if layer.conv>
// Conv (docs/rtl.md, "Conv and pool layers"): neuron j = position * K + k with K = ${f.perCycle / f.slots?size} channels; lane p
// computes channel p mod K of position group<#if f.slots?size gt 1> * ${f.slots?size} + p div K</#if>, from that position's window of x (tap q is
// synapse position q); a lane's words are its channel's, one per chunk (address ${f.address}), shared by every position.
</#if>
<#if f.memory>
// Weights in memory: each lane reads the word of layer cycle k (a conv lane: of its chunk) from its ROM lane_<p>_weights
// at window cycle k (a registered read, which synthesis maps to block RAM), registers its synapses'
// bits at window cycle k + 1, the chunk's sum at k + 2 and the neuron's sum at k + 3, and writes a
// neuron back at the edge of window cycle k + ${lm?then(4, f.latency)} of its last chunk (r = ${f.latency}<#if lm>: one more cycle, whose edge, the window's
// last, decides the step's spikes</#if>).
<#elseif learn??>
// Weights in registers: each lane's one word is its neuron's mask and bias (constants) and the codes of
// its learning synapses (below).
<#elseif f.constantWords>
// Weights in logic: each lane's one word (one layer cycle) is a constant, lane_<p>_WORD.
<#else>
// Weights in logic: each lane reads the word of layer cycle k from its ROM lane_<p>_weights
// at window cycle k without a register (synthesis builds it from LUTs) and writes a neuron back at
// the edge of the window cycle of its last chunk (r = 0).
</#if>
<#if layer.xnor>
// xnor (bipolar) synapses: each weight w (sign-magnitude, ${weightBits} magnitude bits) is the
// ${nb}-bit offset code w + ${layer.offset}, compared with the top ${nb} bits of the weight source.
<#else>
// Weights sign-magnitude with ${weightBits} magnitude bits, read from the weight source.
</#if>
// Synapse position i holds input i (i < ${layer.fanIn}), the bias at position ${layer.fanIn} (its input is 1)<#if f.padded gt layer.fanIn + 1>, and
// nothing at positions ${layer.fanIn + 1} .. ${f.padded - 1} (they pad the last chunk)</#if>; chunk c is positions c*S .. c*S + S - 1.
// A lane word holds one chunk of one neuron j, ${f.wordBits} bits: {neuron mask<#if !layer.xnor>, S signs, S magnitudes<#else>, S offset codes</#if>}, position i of
// the chunk at bit i (a sign, 1 = negative) and at [i*${nb} +: ${nb}] (a code); the neuron mask is neuronMasks[j],
// and position i compares with number ^ neuron mask ^ inputMasks[i].
// State: neuron j's ${stateName} at [j*${layer.stateBits} +: ${layer.stateBits}], two's complement.
<#if lm>
// Learning (docs/semantics.md section 12, docs/rtl.md "Folded learning layers"): the weights live in the lanes'
// RAMs (the model file's words in their ROMs until an address is written after rst), kept across clear. In a
// frame with learning high every step ages the inputs, <#if learn.wta>lets only the neuron with the largest u at its
// threshold spike (winner-take-all, decided at the window's last edge), </#if>and marks the neurons that spiked as
// pending; in the next window (the next step's, or the flush window after the last step) the lanes apply the
// pending updates to the words they read, compare with the updated codes and write them back. While no frame
// runs (busy low) the lanes read weights_address, and weights_words shows their words one edge later.
<#elseif learn??>
// Learning (docs/semantics.md section 12, docs/rtl.md "Learning layers"): the weights are the codes of
// the learning synapses ${layer.name}_weight_<j>_<i> (two's complement, ${learn.codeBits} bits), the model file's after rst, kept
// across clear; in a frame with learning high every step ages the inputs, <#if learn.wta>lets only the neuron with
// the largest u at the threshold spike (winner-take-all), </#if>and at the step's edge updates the weights of the
// neurons that spiked, so that the next step reads the new codes. weights holds code (j, i) at
// [(j*${layer.fanIn} + i)*${learn.codeBits} +: ${learn.codeBits}].
<#if learn.homeostasis??>
// Homeostasis (section 12.5): neuron j fires at ${layer.name}_THRESHOLD + its offset ${layer.name}_neuron_<j>_offset, which rises
// at the edge of each step in which it learns; every offset drops by 1 at the end of each learning frame
// whose count since rst is a multiple of ${learn.homeostasis.decayFrames} (learning_frame_ends, the edge at which done rises).
</#if>
</#if>
module ${layer.module} (
    input  wire                          clk,
    input  wire                          rst,
    input  wire                          clear,
    input  wire                          enable,
<#if f.windowed>
    input  wire [${f.windowBits - 1}:0]   window_cycle,
<#if layer.integrateAndFire || chunked>
    input  wire                          window_last,
</#if>
</#if>
<#if layer.conv>
    // the whole image; a stride larger than the kernel, or a last window short of the edge, leaves pixels unread
    /* verilator lint_off UNUSED */
</#if>
    input  wire [${layer.inputs - 1}:0]   x,
<#if layer.signedInputs>
    input  wire [${layer.inputs - 1}:0]   x_negative,
</#if>
<#if layer.conv>
    /* verilator lint_on UNUSED */
</#if>
    input  wire [${nb - 1}:0]    number,
<#if learn??>
    input  wire                          learning,
<#if learn.homeostasis??>
    input  wire                          learning_frame_ends,
</#if>
    input  wire [${learn.probabilityBits - 1}:0]    learn_number,
<#if lm>
    input  wire                          busy,
    input  wire [${learn.folded.addressBits - 1}:0]   weights_address,
    output wire [${learn.folded.wordsBits - 1}:0] weights_words,
<#else>
    output wire [${learn.weightsBits - 1}:0] weights,
</#if>
<#if learn.homeostasis??>
    output wire [${layer.neurons * learn.homeostasis.offsetBits - 1}:0] offsets,
</#if>
</#if>
<#if layer.integrateAndFire>
    output reg  [${layer.neurons - 1}:0] spikes,
</#if>
    output wire [${layer.neurons * layer.stateBits - 1}:0] state
);
<#if layer.integrateAndFire>
    localparam signed [${layer.workBits - 1}:0] ${layer.name}_THRESHOLD = ${layer.threshold};
    localparam signed [${layer.workBits - 1}:0] ${layer.name}_FLOOR = ${layer.floor};
    localparam signed [${layer.workBits - 1}:0] ${layer.name}_CEILING = ${layer.ceiling};
    localparam ${layer.name}_LEAK_SHIFT = ${layer.leakShift};
</#if>
<#if !chunked>
    // inputMasks[i] at position i: the same for every neuron
    localparam [${f.padded * nb - 1}:0] ${layer.name}_INPUT_MASKS = ${f.inputMasks};
<#if layer.xnor>
    // the positions that hold a synapse
    localparam [${f.padded - 1}:0] ${layer.name}_PRESENT = ${f.present};
</#if>
</#if>
<#if !layer.conv>
<@synapsePositions "" "x" "x_negative"/>
</#if>

    // ---- state registers, one per neuron
<#list f.neurons as n>
    reg signed [${layer.stateBits - 1}:0] ${n.name}_${stateName};
<#if spikedRegisters && !n.endsWindow>
    reg ${n.name}_spiked;
</#if>
</#list>
<#if !f.everyCycle && !f.constantWords>

    // layer cycles 0 .. G-1: the window cycles with a lane word
    localparam [${f.windowBits - 1}:0] CYCLES = ${f.windowBits}'d${f.groups};
</#if>
<#if chunked>

    // ---- chunk and group: the chunk of layer cycle window_cycle (window_cycle mod ${f.chunks}) and its
    // neuron group (window_cycle / ${f.chunks})
    localparam [${f.chunkBits - 1}:0] LAST_CHUNK = ${f.chunkBits}'d${f.chunks - 1};
    reg [${f.chunkBits - 1}:0] chunk;
    always @(posedge clk) begin
        if (rst || clear || window_last || chunk == LAST_CHUNK) begin
            chunk <= {${f.chunkBits}{1'b0}};
        end else begin
            chunk <= chunk + ${f.chunkBits}'d1;
        end
    end
<#if f.groupBits gt 0>
    reg [${f.groupBits - 1}:0] group;
    always @(posedge clk) begin
        if (rst || clear || window_last) begin
            group <= {${f.groupBits}{1'b0}};
        end else if (chunk == LAST_CHUNK) begin
            group <= group + ${f.groupBits}'d1;
        end
    end
</#if>
<#elseif f.groupBits gt 0>

    // ---- group: the neuron group of layer cycle window_cycle, which is the window cycle itself
    wire [${f.groupBits - 1}:0] group = window_cycle<#if f.groupBits lt f.windowBits>[${f.groupBits - 1}:0]</#if>;
</#if>
<#if f.memory>

    // ---- the memory pipeline: fetch_cycle is the layer cycle whose words the lanes' word registers
    // hold, fire_cycle the one whose synapse bits the lanes' synapse registers hold, sum_cycle the one
    // whose chunk sums their sum registers hold, total_cycle the one whose neuron sums (the chunks so
    // far) their total registers hold (valid: a cycle of this layer, fetched since the last clear)
    reg                        fetch_valid;
    reg [${f.windowBits - 1}:0] fetch_cycle;
<#if f.groupBits gt 0>
    reg [${f.groupBits - 1}:0] fetch_group;
</#if>
    reg                        fire_valid;
    reg [${f.windowBits - 1}:0] fire_cycle;
<#if f.groupBits gt 0>
    reg [${f.groupBits - 1}:0] fire_group;
</#if>
    reg                        sum_valid;
    reg [${f.windowBits - 1}:0] sum_cycle;
<#if f.groupBits gt 0>
    reg [${f.groupBits - 1}:0] sum_group;
</#if>
    reg                        total_valid;
    reg [${f.windowBits - 1}:0] total_cycle;
<#if foldedWta && f.groupBits gt 0>
    reg [${f.groupBits - 1}:0] total_group;
</#if>
<#if chunked>
    reg [${f.chunkBits - 1}:0] fetch_chunk;
    reg [${f.chunkBits - 1}:0] fire_chunk;
    reg [${f.chunkBits - 1}:0] sum_chunk;
<#if foldedWta>
    reg [${f.chunkBits - 1}:0] total_chunk;
</#if>
</#if>
    always @(posedge clk) begin
        if (rst || clear) begin
            fetch_valid <= 1'b0;
            fetch_cycle <= {${f.windowBits}{1'b0}};
<#if f.groupBits gt 0>
            fetch_group <= {${f.groupBits}{1'b0}};
</#if>
            fire_valid <= 1'b0;
            fire_cycle <= {${f.windowBits}{1'b0}};
<#if f.groupBits gt 0>
            fire_group <= {${f.groupBits}{1'b0}};
</#if>
            sum_valid <= 1'b0;
            sum_cycle <= {${f.windowBits}{1'b0}};
<#if f.groupBits gt 0>
            sum_group <= {${f.groupBits}{1'b0}};
</#if>
            total_valid <= 1'b0;
            total_cycle <= {${f.windowBits}{1'b0}};
<#if foldedWta && f.groupBits gt 0>
            total_group <= {${f.groupBits}{1'b0}};
</#if>
<#if chunked>
            fetch_chunk <= {${f.chunkBits}{1'b0}};
            fire_chunk <= {${f.chunkBits}{1'b0}};
            sum_chunk <= {${f.chunkBits}{1'b0}};
<#if foldedWta>
            total_chunk <= {${f.chunkBits}{1'b0}};
</#if>
</#if>
        end else begin
            fetch_valid <= window_cycle < CYCLES;
            fetch_cycle <= window_cycle;
<#if f.groupBits gt 0>
            fetch_group <= group;
</#if>
            fire_valid <= fetch_valid;
            fire_cycle <= fetch_cycle;
<#if f.groupBits gt 0>
            fire_group <= fetch_group;
</#if>
            sum_valid <= fire_valid;
            sum_cycle <= fire_cycle;
<#if f.groupBits gt 0>
            sum_group <= fire_group;
</#if>
            total_valid <= sum_valid;
            total_cycle <= sum_cycle;
<#if foldedWta && f.groupBits gt 0>
            total_group <= sum_group;
</#if>
<#if chunked>
            fetch_chunk <= chunk;
            fire_chunk <= fetch_chunk;
            sum_chunk <= fire_chunk;
<#if foldedWta>
            total_chunk <= sum_chunk;
</#if>
</#if>
        end
    end
</#if>

    // ---- the synapse positions of the chunk in hand
<#if layer.conv>
<#list f.slots as s>
    // ${s.prefix}window: the Q = ${layer.fanIn} taps of the position slot ${s?index} computes in the current group (position
    // group<#if f.slots?size gt 1> * ${f.slots?size} + ${s?index}</#if>), tap q at bit q, each the image bit it reads or 1'b0 for padding
<@windowTable s.prefix + "window" s.windows/>
<#if layer.signedInputs>
<@windowTable s.prefix + "window_negative" s.negatives/>
</#if>
<@synapsePositions s.prefix s.prefix + "window" s.prefix + "window_negative"/>
</#list>
</#if>
<#if chunked>
    // chunk c's inputs at [c*${f.stride} +: ${f.terms}] (a power-of-two stride, so that choosing a chunk is a
    // multiplexer on chunk, not a shifter), and each chunk's constant input masks<#if layer.xnor> and present
    // positions</#if> in a small table
<#assign strideBase = (f.strideBits gt 0)?then("{chunk, " + f.strideBits + "'d0}", "chunk")>
<#list f.slots as s>
    wire [${f.chunks * f.stride - 1}:0] ${s.prefix}strided_x = {<#list f.chunkList?reverse as c><#if f.stride gt f.terms>${f.stride - f.terms}'d0, </#if>${s.prefix}synapse_x[${c * f.terms + f.terms - 1}:${c * f.terms}]<#sep>, </#sep></#list>};
<#if !layer.xnor>
    wire [${f.chunks * f.stride - 1}:0] ${s.prefix}strided_x_negative = {<#list f.chunkList?reverse as c><#if f.stride gt f.terms>${f.stride - f.terms}'d0, </#if>${s.prefix}synapse_x_negative[${c * f.terms + f.terms - 1}:${c * f.terms}]<#sep>, </#sep></#list>};
</#if>
</#list>
    (* rom_style = "logic", ram_style = "logic" *)
    reg [${f.terms * nb - 1}:0] ${layer.name}_chunk_input_masks [0:${f.chunks - 1}];
<#if layer.xnor>
    (* rom_style = "logic", ram_style = "logic" *)
    reg [${f.terms - 1}:0] ${layer.name}_chunk_present [0:${f.chunks - 1}];
</#if>
    initial begin
<#list f.chunkList as c>
        ${layer.name}_chunk_input_masks[${c}] = ${f.chunkMasks[c]};
<#if layer.xnor>
        ${layer.name}_chunk_present[${c}] = ${f.chunkPresent[c]};
</#if>
</#list>
    end
<#if f.memory>
    // registered with the lanes' words (x is constant for the window)
<#list f.slots as s>
    reg [${f.terms - 1}:0] ${s.prefix}chunk_x;
<#if !layer.xnor>
    reg [${f.terms - 1}:0] ${s.prefix}chunk_x_negative;
</#if>
</#list>
<#if layer.xnor>
    reg [${f.terms - 1}:0] chunk_present;
</#if>
    reg [${f.terms * nb - 1}:0] chunk_input_masks;
    always @(posedge clk) begin
<#list f.slots as s>
        ${s.prefix}chunk_x <= ${s.prefix}strided_x[${strideBase} +: ${f.terms}];
<#if !layer.xnor>
        ${s.prefix}chunk_x_negative <= ${s.prefix}strided_x_negative[${strideBase} +: ${f.terms}];
</#if>
</#list>
<#if layer.xnor>
        chunk_present <= ${layer.name}_chunk_present[chunk];
</#if>
        chunk_input_masks <= ${layer.name}_chunk_input_masks[chunk];
    end
<#else>
<#list f.slots as s>
    wire [${f.terms - 1}:0] ${s.prefix}chunk_x = ${s.prefix}strided_x[${strideBase} +: ${f.terms}];
<#if !layer.xnor>
    wire [${f.terms - 1}:0] ${s.prefix}chunk_x_negative = ${s.prefix}strided_x_negative[${strideBase} +: ${f.terms}];
</#if>
</#list>
<#if layer.xnor>
    wire [${f.terms - 1}:0] chunk_present = ${layer.name}_chunk_present[chunk];
</#if>
    wire [${f.terms * nb - 1}:0] chunk_input_masks = ${layer.name}_chunk_input_masks[chunk];
</#if>
<#elseif layer.conv && f.memory>
    // registered with the lanes' words: a conv slot's window changes with the group
<#list f.slots as s>
    reg [${f.terms - 1}:0] ${s.prefix}chunk_x;
    reg [${f.terms - 1}:0] ${s.prefix}chunk_x_negative;
</#list>
    always @(posedge clk) begin
<#list f.slots as s>
        ${s.prefix}chunk_x <= ${s.prefix}synapse_x;
        ${s.prefix}chunk_x_negative <= ${s.prefix}synapse_x_negative;
</#list>
    end
    wire [${f.terms * nb - 1}:0] chunk_input_masks = ${layer.name}_INPUT_MASKS;
<#else>
<#list f.slots as s>
    wire [${f.terms - 1}:0] ${s.prefix}chunk_x = ${s.prefix}synapse_x;
<#if !layer.xnor>
    wire [${f.terms - 1}:0] ${s.prefix}chunk_x_negative = ${s.prefix}synapse_x_negative;
</#if>
</#list>
<#if layer.xnor>
    wire [${f.terms - 1}:0] chunk_present = ${layer.name}_PRESENT;
</#if>
    wire [${f.terms * nb - 1}:0] chunk_input_masks = ${layer.name}_INPUT_MASKS;
</#if>
<#if learn??>

<#if lm>
    // ---- pre ages (section 12.3 step 1): age i is the steps since input i last fired, ${layer.name}_WINDOW at
    // clear (no recent spike), 0 in a step where it fires, else one more, saturating at the window; it advances at
    // the step's last window edge, so in the next window (the one that applies the step's updates) recent[i] says
    // that input i fired in that step or in one of the ${layer.name}_WINDOW - 1 before it
<#else>
    // ---- pre ages (section 12.3 step 1): age i is the steps since input i last fired, ${layer.name}_WINDOW at
    // clear (no recent spike), 0 in a step where it fires, else one more, saturating at the window;
    // recent[i]: input i fired in this step or in one of the ${layer.name}_WINDOW - 1 before it
</#if>
    localparam [${learn.ageBits - 1}:0] ${layer.name}_WINDOW = ${learn.window};
    wire [${layer.fanIn - 1}:0] recent;
    genvar i;
    generate
        for (i = 0; i < ${layer.fanIn}; i = i + 1) begin : ages
            reg  [${learn.ageBits - 1}:0] age;
            wire [${learn.ageBits - 1}:0] age_after = x[i] ? {${learn.ageBits}{1'b0}}
                : (age == ${layer.name}_WINDOW ? ${layer.name}_WINDOW : age + ${learn.ageBits}'d1);
            always @(posedge clk) begin
                if (rst || clear) begin
                    age <= ${layer.name}_WINDOW;
                end else if (enable<#if lm> && window_last</#if>) begin
                    age <= age_after;
                end
            end
<#if lm>
            assign recent[i] = age < ${layer.name}_WINDOW;
<#else>
            assign recent[i] = age_after < ${layer.name}_WINDOW;
</#if>
        end
    endgenerate
<#if lm>
<#assign lpad><#if f.padded gt layer.fanIn + 1>${f.padded - layer.fanIn - 1}'d0, </#if></#assign>

    // ---- the recent bits and the positions that learn (the inputs, not the bias nor the padding) of the chunk in
    // hand<#if chunked>, registered with the lanes' words as its inputs are</#if>
    wire [${f.padded - 1}:0] synapse_recent = {${lpad}1'b0, recent};
<#if chunked>
    wire [${f.chunks * f.stride - 1}:0] strided_recent = {<#list f.chunkList?reverse as c><#if f.stride gt f.terms>${f.stride - f.terms}'d0, </#if>synapse_recent[${c * f.terms + f.terms - 1}:${c * f.terms}]<#sep>, </#sep></#list>};
    (* rom_style = "logic", ram_style = "logic" *)
    reg [${f.terms - 1}:0] ${layer.name}_chunk_learns [0:${f.chunks - 1}];
    initial begin
<#list f.chunkList as c>
        ${layer.name}_chunk_learns[${c}] = ${learn.folded.chunkLearns[c]};
</#list>
    end
    reg [${f.terms - 1}:0] chunk_recent;
    reg [${f.terms - 1}:0] chunk_learns;
    always @(posedge clk) begin
        chunk_recent <= strided_recent[${strideBase} +: ${f.terms}];
        chunk_learns <= ${layer.name}_chunk_learns[chunk];
    end
<#else>
    wire [${f.terms - 1}:0] chunk_recent = synapse_recent;
    wire [${f.terms - 1}:0] chunk_learns = ${learn.folded.chunkLearns[0]};
</#if>

    // ---- the rule's constants (section 12.3 steps 4 and 5)
    localparam [${learn.probabilityBits - 1}:0] ${layer.name}_P_PLUS = ${learn.pPlus};
    localparam [${learn.probabilityBits - 1}:0] ${layer.name}_P_MINUS = ${learn.pMinus};
    localparam signed [${learn.codeBits + 1}:0] ${layer.name}_STEP = ${learn.step};
    localparam signed [${learn.codeBits + 1}:0] ${layer.name}_MIN = ${learn.min};
    localparam signed [${learn.codeBits + 1}:0] ${layer.name}_MAX = ${learn.max};

    // ---- pending updates: neuron j spiked at the last step with learning high (after winner-take-all), set at the
    // step's last window edge and applied in the next window; the learning number of that step, latched with them
    reg [${layer.neurons - 1}:0] ${layer.name}_pending;
    reg [${learn.probabilityBits - 1}:0] ${layer.name}_step_learn_number;
    wire ${layer.name}_updates = |${layer.name}_pending;

    // ---- the words' addresses: the layer cycle's in a frame, the readback's while no frame runs. The lanes write only
    // in a window after a step that left a pending update, every word they read, in address order from 0 (the window
    // starts at window cycle 0), until the window ends or rst or start clears the updates: so the addresses written
    // since rst are always 0 .. ${layer.name}_learned_words - 1, and the lanes read the RAM's word below it, else the
    // ROM's, the model file's
    wire ${layer.name}_reads = !busy || window_cycle < CYCLES;
    wire [${learn.folded.addressBits - 1}:0] ${layer.name}_read_address = busy ? ${learn.folded.windowAddress} : weights_address;
    wire [${learn.folded.addressBits - 1}:0] ${layer.name}_write_address = ${learn.folded.fetchAddress};
    wire ${layer.name}_writes = fetch_valid && ${layer.name}_updates;
    reg [${learn.folded.addressBits}:0] ${layer.name}_learned_words;
    reg ${layer.name}_fetch_learned;
    always @(posedge clk) begin
        if (rst) begin
            ${layer.name}_learned_words <= {${learn.folded.addressBits + 1}{1'b0}};
            ${layer.name}_fetch_learned <= 1'b0;
        end else begin
            if (${layer.name}_reads) begin
                ${layer.name}_fetch_learned <= {1'b0, ${layer.name}_read_address} < ${layer.name}_learned_words;
            end
            if (${layer.name}_writes && {1'b0, ${layer.name}_write_address} >= ${layer.name}_learned_words) begin
                ${layer.name}_learned_words <= {1'b0, ${layer.name}_write_address} + ${learn.folded.addressBits + 1}'d1;
            end
        end
    end
</#if>

<#if !lm>
    // ---- the weight codes (the learning synapses below), and the sign and magnitude each lane compares
<#list learn.synapses as w>
    wire signed [${learn.codeBits - 1}:0] ${w.name}_code;
    wire ${w.name}_negative;
    wire [${weightBits - 1}:0] ${w.name}_magnitude;
</#list>
</#if>
<#if learn.homeostasis??>
<#assign h = learn.homeostasis>

    // ---- threshold offsets (section 12.5): neuron j's register, the model file's offset after rst and kept
    // across clear (written below, once the step's spikes are known), and the threshold its lane fires at
    localparam [${h.offsetBits - 1}:0] ${layer.name}_OFFSET_STEP = ${h.step};
    localparam [${h.offsetBits - 1}:0] ${layer.name}_OFFSET_LIMIT = ${h.limit};
<#list h.neurons as o>
    reg [${h.offsetBits - 1}:0] ${o.name};
    wire signed [${layer.workBits - 1}:0] ${o.threshold} = ${layer.name}_THRESHOLD + {${h.padBits}'d0, ${o.name}};
</#list>
</#if>
</#if>
<#list f.lanes as lane>

    // ---- ${lane.name}: neurons<#list lane.neurons as n> ${n.index}</#list>
<#if learn?? && !lm>
    // ${lane.cycles[0].comment}'s word: its mask and bias from the model file, its weights the learning synapses' codes
    wire [${f.wordBits - 1}:0] ${lane.name}_word = ${learn.words[lane.index]};
<#elseif f.constantWords>
    localparam [${f.wordBits - 1}:0] ${lane.name}_WORD = ${lane.cycles[0].word}; // ${lane.cycles[0].comment}
    wire [${f.wordBits - 1}:0] ${lane.name}_word = ${lane.name}_WORD;
<#else>
<#if f.memory>
    (* rom_style = "block", ram_style = "block" *)
<#else>
    (* rom_style = "logic", ram_style = "logic" *)
</#if>
    reg [${f.wordBits - 1}:0] ${lane.name}_weights [0:${f.romWords - 1}];
    initial begin
<#list lane.cycles as k>
        ${lane.name}_weights[${k?index}] = ${k.word}; // ${k.comment}
</#list>
    end
<#if lm>
    // the learned words: written back by the lane, read below ${layer.name}_learned_words
    (* ram_style = "block" *)
    reg [${f.wordBits - 1}:0] ${lane.name}_learned_weights [0:${f.romWords - 1}];
    reg [${f.wordBits - 1}:0] ${lane.name}_file_word;
    reg [${f.wordBits - 1}:0] ${lane.name}_learned_word;
    wire [${f.wordBits - 1}:0] ${lane.name}_updated_word;
    always @(posedge clk) begin
        if (${layer.name}_reads) begin
            ${lane.name}_file_word <= ${lane.name}_weights[${layer.name}_read_address];
            ${lane.name}_learned_word <= ${lane.name}_learned_weights[${layer.name}_read_address];
        end
        if (${layer.name}_writes) begin
            ${lane.name}_learned_weights[${layer.name}_write_address] <= ${lane.name}_updated_word;
        end
    end
    // the stored word of the address read: what the readback shows, before the pending update
    wire [${f.wordBits - 1}:0] ${lane.name}_word = ${layer.name}_fetch_learned ? ${lane.name}_learned_word : ${lane.name}_file_word;
<#elseif f.memory>
    reg [${f.wordBits - 1}:0] ${lane.name}_word;
    always @(posedge clk) begin
        if (window_cycle < CYCLES) begin
            ${lane.name}_word <= ${lane.name}_weights[${f.address}];
        end
    end
<#else>
<#if f.everyCycle>
    wire [${f.wordBits - 1}:0] ${lane.name}_word = ${lane.name}_weights[${f.address}];
<#else>
    wire [${f.wordBits - 1}:0] ${lane.name}_word = window_cycle < CYCLES ? ${lane.name}_weights[${f.address}] : {${f.wordBits}{1'b0}};
</#if>
</#if>
</#if>
<#if layer.xnor>
    wire [${f.terms * nb - 1}:0] ${lane.name}_offset = ${lane.name}_word[${f.terms * nb - 1}:0];
<#elseif lm>
    wire [${f.terms * nb - 1}:0] ${lane.name}_stored_magnitude = ${lane.name}_word[${f.terms * nb - 1}:0];
    wire [${f.terms - 1}:0] ${lane.name}_stored_negative = ${lane.name}_word[${f.terms * nb + f.terms - 1}:${f.terms * nb}];
<#else>
    wire [${f.terms * nb - 1}:0] ${lane.name}_magnitude = ${lane.name}_word[${f.terms * nb - 1}:0];
    wire [${f.terms - 1}:0] ${lane.name}_negative = ${lane.name}_word[${f.terms * nb + f.terms - 1}:${f.terms * nb}];
</#if>
    wire [${nb - 1}:0] ${lane.name}_neuron_mask = ${lane.name}_word[${f.wordBits - 1}:${f.wordBits - nb}];
<#if lm>
    // the pending update of the word's neuron (section 12.3 steps 4 and 5, one step late), applied to the codes
    // the lane compares and written back
<#if f.groupBits gt 0>
    wire [${f.groupSlots - 1}:0] ${lane.name}_pendings = {<#if f.groupSlots gt lane.neurons?size>${f.groupSlots - lane.neurons?size}'d0, </#if><#list lane.neurons?reverse as n>${layer.name}_pending[${n.index}]<#sep>, </#sep></#list>};
    wire ${lane.name}_pending = ${lane.name}_pendings[fetch_group];
<#else>
    wire ${lane.name}_pending = ${layer.name}_pending[${lane.neurons[0].index}];
</#if>
    wire [${f.terms * nb - 1}:0] ${lane.name}_magnitude;
    wire [${f.terms - 1}:0] ${lane.name}_negative;
    ${top}_stdp_chunk #(
        .TERMS(${f.terms}),
        .BITS(${nb}),
        .PROBABILITY_BITS(${learn.probabilityBits}),
        .P_PLUS(${layer.name}_P_PLUS),
        .P_MINUS(${layer.name}_P_MINUS),
        .STEP(${layer.name}_STEP),
        .MIN(${layer.name}_MIN),
        .MAX(${layer.name}_MAX)
    ) ${lane.name}_learning (
        .update(${lane.name}_pending),
        .learns(chunk_learns),
        .recent(chunk_recent),
        .learn_number(${layer.name}_step_learn_number),
        .neuron_mask(${lane.name}_neuron_mask),
        .input_masks(chunk_input_masks),
        .negative(${lane.name}_stored_negative),
        .magnitude(${lane.name}_stored_magnitude),
        .next_negative(${lane.name}_negative),
        .next_magnitude(${lane.name}_magnitude)
    );
    assign ${lane.name}_updated_word = {${lane.name}_neuron_mask, ${lane.name}_negative, ${lane.name}_magnitude};
</#if>
    wire signed [${partialBits - 1}:0] ${lane.name}_synapse_sum;
<#if layer.xnor>
    ${top}_lane_xnor_synapses #(
        .TERMS(${f.terms}),
        .BITS(${nb}),
        .COUNT_BITS(${f.termCountBits}),
        .REGISTERED(${f.memory?then(1, 0)})
    ) ${lane.name}_synapses (
        .clk(clk),
        .x(${lane.slot}chunk_x),
        .present(chunk_present),
        .offset(${lane.name}_offset),
        .input_masks(chunk_input_masks),
        .neuron_mask(${lane.name}_neuron_mask),
        .number(number),
        .sum(${lane.name}_synapse_sum)
    );
<#else>
    ${top}_lane_synapses #(
        .TERMS(${f.terms}),
        .BITS(${nb}),
        .COUNT_BITS(${f.termCountBits}),
        .REGISTERED(${f.memory?then(1, 0)})
    ) ${lane.name}_synapses (
        .clk(clk),
        .x(${lane.slot}chunk_x),
        .x_negative(${lane.slot}chunk_x_negative),
        .negative(${lane.name}_negative),
        .magnitude(${lane.name}_magnitude),
        .input_masks(chunk_input_masks),
        .neuron_mask(${lane.name}_neuron_mask),
        .number(number),
        .sum(${lane.name}_synapse_sum)
    );
</#if>
<#if f.memory>
    // the chunk's sum, registered: the third stage of the lane's pipeline (the synapse bits are the second)
    reg signed [${partialBits - 1}:0] ${lane.name}_sum;
    always @(posedge clk) begin
        ${lane.name}_sum <= ${lane.name}_synapse_sum;
    end
<#else>
    wire signed [${partialBits - 1}:0] ${lane.name}_sum = ${lane.name}_synapse_sum;
</#if>
<#if partialBits lt layer.sumBits>
    wire signed [${layer.sumBits - 1}:0] ${lane.name}_chunk_sum = {{${layer.sumBits - partialBits}{${lane.name}_sum[${partialBits - 1}]}}, ${lane.name}_sum};
<#else>
    wire signed [${layer.sumBits - 1}:0] ${lane.name}_chunk_sum = ${lane.name}_sum;
</#if>
<#if chunked>
    // the sum of the neuron's chunks so far: restarts at its first chunk
    reg signed [${layer.sumBits - 1}:0] ${lane.name}_earlier_sum;
    wire signed [${layer.sumBits - 1}:0] ${lane.name}_chunks_sum = (${updateChunk} == ${f.chunkBits}'d0 ? {${layer.sumBits}{1'b0}} : ${lane.name}_earlier_sum) + ${lane.name}_chunk_sum;
    always @(posedge clk) begin
        ${lane.name}_earlier_sum <= ${lane.name}_chunks_sum;
    end
<#else>
    wire signed [${layer.sumBits - 1}:0] ${lane.name}_chunks_sum = ${lane.name}_chunk_sum;
</#if>
<#if f.memory>
    // the neuron's sum, registered: the fourth stage of the lane's pipeline (its value at the last chunk
    // is S_j(t))
    reg signed [${layer.sumBits - 1}:0] ${lane.name}_total;
    always @(posedge clk) begin
        ${lane.name}_total <= ${lane.name}_chunks_sum;
    end
<#else>
    wire signed [${layer.sumBits - 1}:0] ${lane.name}_total = ${lane.name}_chunks_sum;
</#if>
<#if f.groupBits == 0>
    // one neuron group: the lane's one neuron
<#if f.memory>
    reg signed [${layer.stateBits - 1}:0] ${lane.name}_${stateName};
    always @(posedge clk) begin
        ${lane.name}_${stateName} <= ${lane.neurons[0].name}_${stateName};
    end
<#else>
    wire signed [${layer.stateBits - 1}:0] ${lane.name}_${stateName} = ${lane.neurons[0].name}_${stateName};
</#if>
<#else>
    // the lane's neurons' ${stateName}s in group order, padded with zeros to ${f.groupSlots} groups, read by the low
    // ${f.groupBits} bits of the group (a balanced multiplexer, never out of range)
    wire [${f.groupSlots * layer.stateBits - 1}:0] ${lane.name}_${stateName}s = {<#if f.groupSlots gt lane.neurons?size>${(f.groupSlots - lane.neurons?size) * layer.stateBits}'d0, </#if><#list lane.neurons?reverse as n>${n.name}_${stateName}<#sep>, </#sep></#list>};
<#if f.memory>
    // read at the stage before the update, so the update starts from a register; the neuron it reads
    // is never the one the update stage writes at the same edge (each is written once, after its read)
    reg signed [${layer.stateBits - 1}:0] ${lane.name}_${stateName};
    always @(posedge clk) begin
        ${lane.name}_${stateName} <= ${lane.name}_${stateName}s[sum_group * ${layer.stateBits} +: ${layer.stateBits}];
    end
<#if lm && learn.homeostasis??>
    // the neuron's threshold (with its offset), read with its membrane; a group without a neuron for the lane
    // (a partial last group) has the layer's, which its u of 0 never reaches
    wire [${f.groupSlots * layer.workBits - 1}:0] ${lane.name}_thresholds = {<#if f.groupSlots gt lane.neurons?size>{${f.groupSlots - lane.neurons?size}{${layer.name}_THRESHOLD}}, </#if><#list lane.neurons?reverse as n>${learn.homeostasis.neurons[n.index].threshold}<#sep>, </#sep></#list>};
    reg signed [${layer.workBits - 1}:0] ${lane.name}_threshold;
    always @(posedge clk) begin
        ${lane.name}_threshold <= ${lane.name}_thresholds[sum_group * ${layer.workBits} +: ${layer.workBits}];
    end
</#if>
<#else>
    wire signed [${layer.stateBits - 1}:0] ${lane.name}_${stateName} = ${lane.name}_${stateName}s[group * ${layer.stateBits} +: ${layer.stateBits}];
</#if>
</#if>
    wire signed [${layer.stateBits - 1}:0] ${lane.name}_next_${stateName};
<#if layer.integrateAndFire>
<#-- winner-take-all decided in the step's cycle (the parallel layer); a folded one decides at the window's end -->
<#assign wta = learn?? && learn.wta && !lm>
<#assign contests = lm && learn.wta>
    wire ${lane.name}_spike;
<#if wta>
    // u >= threshold and the membrane after it, before winner-take-all decides
    wire ${lane.name}_reaches;
    wire signed [${layer.stateBits - 1}:0] ${lane.name}_update_membrane;
</#if>
<#if potentialPort>
<#if !wta && !contests>
    /* verilator lint_off UNUSED */
</#if>
    wire signed [${layer.workBits - 1}:0] ${lane.name}_potential;
<#if !wta && !contests>
    /* verilator lint_on UNUSED */
</#if>
</#if>
    ${top}_if_update #(
        .SUM_BITS(${layer.sumBits}),
        .STATE_BITS(${layer.stateBits}),
        .WORK_BITS(${layer.workBits}),
<#if !thresholdPort>
        .THRESHOLD(${layer.name}_THRESHOLD),
</#if>
        .FLOOR(${layer.name}_FLOOR),
        .CEILING(${layer.name}_CEILING),
        .LEAK_SHIFT(${layer.name}_LEAK_SHIFT)
    ) ${lane.name}_update (
        .membrane(${lane.name}_membrane),
        .sum(${lane.name}_total),
<#if thresholdPort>
<#if lm && learn.homeostasis?? && f.groupBits gt 0>
        .threshold(${lane.name}_threshold),
<#elseif lm && learn.homeostasis??>
        .threshold(${learn.homeostasis.neurons[lane.neurons[0].index].threshold}),
<#elseif learn?? && learn.homeostasis??>
        .threshold(${learn.homeostasis.neurons[lane.index].threshold}),
<#else>
        .threshold(${layer.name}_THRESHOLD),
</#if>
</#if>
<#if wta>
        .spike(${lane.name}_reaches),
<#else>
        .spike(${lane.name}_spike),
</#if>
<#if potentialPort>
        .potential(${lane.name}_potential),
</#if>
<#if wta>
        .next_membrane(${lane.name}_update_membrane)
<#else>
        .next_membrane(${lane.name}_next_membrane)
</#if>
    );
<#else>
    ${top}_count_update #(
        .SUM_BITS(${layer.sumBits}),
        .COUNT_BITS(${layer.stateBits})
    ) ${lane.name}_update (
        .count(${lane.name}_count),
        .sum(${lane.name}_total),
        .next_count(${lane.name}_next_count)
    );
</#if>
</#list>
<#if lm>
<#assign fl = learn.folded>
<#if learn.wta>

    // ---- winner-take-all (section 12.4), folded: a running contest over the window's groups. At each write-back
    // edge the lanes' contests (u where the neuron reaches its own threshold, ${layer.name}_NO_CONTEST, the most
    // negative u, otherwise) go through the argmax tree (ties to the lowest lane) and replace the best so far when
    // strictly larger (earlier groups hold lower indices, so ties keep the lowest index). At the window's last edge,
    // when a neuron reached its threshold, the winner alone spikes, keeping the membrane its lane wrote, and every
    // other neuron's membrane goes to the floor; when none did, nothing spikes and the membranes stay.
    localparam signed [${layer.stateBits - 1}:0] ${layer.name}_FLOOR_MEMBRANE = ${learn.floorMembrane};
    localparam signed [${layer.workBits - 1}:0] ${layer.name}_NO_CONTEST = ${fl.noContest};
<#list f.lanes as lane>
    wire signed [${layer.workBits - 1}:0] ${lane.name}_contest = ${lane.name}_spike ? ${lane.name}_potential : ${layer.name}_NO_CONTEST;
</#list>
    wire [${f.perCycle * layer.workBits - 1}:0] ${layer.name}_contests = {<#list f.lanes?reverse as lane>${lane.name}_contest<#sep>, </#sep></#list>};
    wire signed [${layer.workBits - 1}:0] ${layer.name}_group_best;
    wire [${fl.laneBits - 1}:0] ${layer.name}_group_winner;
    ${top}_argmax_tree #(
        .CLASSES(${f.perCycle}),
        .BITS(${layer.workBits}),
        .INDEX_BITS(${fl.laneBits}),
        .FIRST(0),
        .STAGES(0)
    ) ${layer.name}_wta (
        .clk(clk),
        .counts(${layer.name}_contests),
        .best_count(${layer.name}_group_best),
        .best_index(${layer.name}_group_winner)
    );
    wire ${layer.name}_group_reaches = |{<#list f.lanes?reverse as lane>${lane.name}_spike<#sep>, </#sep></#list>};
    // a group's neurons are written back: the write-back edge of its last chunk
    wire ${layer.name}_group_ends = enable && total_valid<#if chunked> && total_chunk == LAST_CHUNK</#if>;
    reg signed [${layer.workBits - 1}:0] ${layer.name}_best_potential;
<#if f.groupBits gt 0>
    reg [${f.groupBits - 1}:0] ${layer.name}_winner_group;
</#if>
    reg [${fl.laneBits - 1}:0] ${layer.name}_winner_lane;
    reg ${layer.name}_reached;
    always @(posedge clk) begin
        if (rst || clear || window_last) begin
            ${layer.name}_best_potential <= ${layer.name}_NO_CONTEST;
<#if f.groupBits gt 0>
            ${layer.name}_winner_group <= {${f.groupBits}{1'b0}};
</#if>
            ${layer.name}_winner_lane <= {${fl.laneBits}{1'b0}};
            ${layer.name}_reached <= 1'b0;
        end else if (${layer.name}_group_ends) begin
            if (${layer.name}_group_reaches) begin
                ${layer.name}_reached <= 1'b1;
            end
            if (${layer.name}_group_best > ${layer.name}_best_potential) begin
                ${layer.name}_best_potential <= ${layer.name}_group_best;
<#if f.groupBits gt 0>
                ${layer.name}_winner_group <= total_group;
</#if>
                ${layer.name}_winner_lane <= ${layer.name}_group_winner;
            end
        end
    end
<#list f.neurons as n>
    wire ${n.name}_wins = ${layer.name}_reached && ${layer.name}_winner_lane == ${fl.laneBits}'d${n.index % f.perCycle}<#if f.groupBits gt 0>
        && ${layer.name}_winner_group == ${f.groupBits}'d${(n.index / f.perCycle)?floor}</#if>;
</#list>
</#if>

    // ---- the step's spikes, decided at the window's last edge: <#if learn.wta>the winner's<#else>the neurons that reached their threshold</#if>;
    // with learning high they are the pending updates of the next window, applied with this step's learning number
    wire [${layer.neurons - 1}:0] ${layer.name}_step_spikes = {<#list f.neurons?reverse as n>${n.name}_<#if learn.wta>wins<#else>spiked</#if><#sep>,<#if n?counter % 16 == 0>
        <#else> </#if></#sep></#list>};
<#if learn.homeostasis??>
    // the offsets rise with the spikes of a learning step (below)
<#list f.neurons as n>
    wire ${n.name}_learns = enable && window_last && learning && ${layer.name}_step_spikes[${n.index}];
</#list>
</#if>
    always @(posedge clk) begin
        if (rst || clear) begin
            ${layer.name}_pending <= {${layer.neurons}{1'b0}};
            ${layer.name}_step_learn_number <= {${learn.probabilityBits}{1'b0}};
        end else if (window_last) begin
            ${layer.name}_pending <= enable && learning ? ${layer.name}_step_spikes : {${layer.neurons}{1'b0}};
            if (enable) begin
                ${layer.name}_step_learn_number <= learn_number;
            end
        end
    end

    // ---- readback: the lanes' stored words of the address read, lane p at [p*${f.wordBits} +: ${f.wordBits}]
    assign weights_words = {<#list f.lanes?reverse as lane>${lane.name}_word<#sep>, </#sep></#list>};
<#elseif learn??>
<#if learn.wta>

    // ---- winner-take-all (section 12.4) in every frame, learning high or low: the winner is the neuron with
    // the largest u, ties to the lowest index (the argmax tree of the readout), and there is one when that u
    // reaches the threshold; then only the winner spikes (its membrane reset as usual) and every other
    // neuron's membrane goes to the floor. Without a winner the neurons are as section 6 says.
    localparam signed [${layer.stateBits - 1}:0] ${layer.name}_FLOOR_MEMBRANE = ${learn.floorMembrane};
<#if learn.homeostasis??>
    // With homeostasis each neuron has its own threshold, so the winner is the largest u among the neurons
    // that reach theirs: the others contest with ${layer.name}_NO_CONTEST, the most negative u, below every u
    // that reaches a threshold (>= 1); there is a winner when any neuron reaches its threshold.
    localparam signed [${layer.workBits - 1}:0] ${layer.name}_NO_CONTEST = ${learn.homeostasis.noContest};
<#list f.lanes as lane>
    wire signed [${layer.workBits - 1}:0] ${lane.name}_contest = ${lane.name}_reaches ? ${lane.name}_potential : ${layer.name}_NO_CONTEST;
</#list>
    wire [${layer.neurons * layer.workBits - 1}:0] ${layer.name}_potentials = {<#list f.lanes?reverse as lane>${lane.name}_contest<#sep>, </#sep></#list>};
    // the winner's u: not needed, since whether there is a winner is whether any neuron reaches its threshold
    /* verilator lint_off UNUSED */
    wire signed [${layer.workBits - 1}:0] ${layer.name}_best_potential;
    /* verilator lint_on UNUSED */
<#else>
    wire [${layer.neurons * layer.workBits - 1}:0] ${layer.name}_potentials = {<#list f.lanes?reverse as lane>${lane.name}_potential<#sep>, </#sep></#list>};
    wire signed [${layer.workBits - 1}:0] ${layer.name}_best_potential;
</#if>
    wire [${learn.indexBits - 1}:0] ${layer.name}_winner;
    ${top}_argmax_tree #(
        .CLASSES(${layer.neurons}),
        .BITS(${layer.workBits}),
        .INDEX_BITS(${learn.indexBits}),
        .FIRST(0),
        .STAGES(0)
    ) ${layer.name}_wta (
        .clk(clk),
        .counts(${layer.name}_potentials),
        .best_count(${layer.name}_best_potential),
        .best_index(${layer.name}_winner)
    );
<#if learn.homeostasis??>
    wire ${layer.name}_inhibits = |{<#list f.lanes?reverse as lane>${lane.name}_reaches<#sep>, </#sep></#list>};
<#else>
    wire ${layer.name}_inhibits = ${layer.name}_best_potential >= ${layer.name}_THRESHOLD;
</#if>
<#list f.lanes as lane>
    assign ${lane.name}_spike = ${layer.name}_inhibits ? ${layer.name}_winner == ${learn.indexBits}'d${lane.index} : ${lane.name}_reaches;
    assign ${lane.name}_next_membrane = ${layer.name}_inhibits && ${layer.name}_winner != ${learn.indexBits}'d${lane.index}
        ? ${layer.name}_FLOOR_MEMBRANE : ${lane.name}_update_membrane;
</#list>
</#if>

    // ---- the learning synapses (section 12.3 steps 4 and 5): neuron j's weights update at the edge of a
    // step in which it spiked<#if learn.wta> (after winner-take-all)</#if>, with learning high
    localparam [${learn.probabilityBits - 1}:0] ${layer.name}_P_PLUS = ${learn.pPlus};
    localparam [${learn.probabilityBits - 1}:0] ${layer.name}_P_MINUS = ${learn.pMinus};
    localparam signed [${learn.codeBits + 1}:0] ${layer.name}_STEP = ${learn.step};
    localparam signed [${learn.codeBits + 1}:0] ${layer.name}_MIN = ${learn.min};
    localparam signed [${learn.codeBits + 1}:0] ${layer.name}_MAX = ${learn.max};
<#list f.neurons as n>
    wire ${n.name}_learns = enable && learning && ${n.lane}_spike;
</#list>
<#list learn.synapses as w>
    ${top}_stdp_synapse #(
        .BITS(${learn.codeBits}),
        .PROBABILITY_BITS(${learn.probabilityBits}),
        .P_PLUS(${layer.name}_P_PLUS),
        .P_MINUS(${layer.name}_P_MINUS),
        .MASK(${w.mask}),
        .STEP(${layer.name}_STEP),
        .MIN(${layer.name}_MIN),
        .MAX(${layer.name}_MAX),
        .INITIAL(${w.initial})
    ) ${w.name} (
        .clk(clk),
        .rst(rst),
        .update(${w.learns}),
        .recent(recent[${w.input}]),
        .learn_number(learn_number),
        .code(${w.name}_code),
        .negative(${w.name}_negative),
        .magnitude(${w.name}_magnitude)
    );
</#list>
    // sixteen codes to a line: a network of many synapses would otherwise write one line longer than a
    // simulator's lexer takes (Verilator stops at 40,000 tokens on a line)
    assign weights = {<#list learn.synapses?reverse as w>${w.name}_code<#sep>,<#if w?counter % 16 == 0>
        <#else> </#if></#sep></#list>};
</#if>
<#if learn?? && learn.homeostasis??>
<#assign h = learn.homeostasis>

    // ---- the offsets' changes (section 12.5). ${layer.name}_learning_frames counts the learning frames since rst
    // modulo ${h.decayFrames}, at their learning_frame_ends edges (the edges at which done rises); the
    // offsets decay at the edge that ends the frame whose count is a multiple of ${h.decayFrames}.
    localparam [${h.frameBits - 1}:0] ${layer.name}_LAST_DECAY_FRAME = ${h.lastFrame};
    reg [${h.frameBits - 1}:0] ${layer.name}_learning_frames;
    wire ${layer.name}_offsets_decay = learning_frame_ends && ${layer.name}_learning_frames == ${layer.name}_LAST_DECAY_FRAME;
    always @(posedge clk) begin
        if (rst || ${layer.name}_offsets_decay) begin
            ${layer.name}_learning_frames <= {${h.frameBits}{1'b0}};
        end else if (learning_frame_ends) begin
            ${layer.name}_learning_frames <= ${layer.name}_learning_frames + ${h.frameBits}'d1;
        end
    end
    // Neuron j's offset rises by OFFSET_STEP, to at most OFFSET_LIMIT, at the edge of a step in which it learns
    // (with its weights), so the next step fires at the new threshold; the layer never steps at the edge that
    // ends the frame, so a rise and a decay never meet.
    always @(posedge clk) begin
        if (rst) begin
<#list h.neurons as o>
            ${o.name} <= ${o.initial};
</#list>
        end else begin
<#list h.neurons as o>
            if (${o.learns}) begin
                ${o.name} <= ${o.name} > ${layer.name}_OFFSET_LIMIT - ${layer.name}_OFFSET_STEP ? ${layer.name}_OFFSET_LIMIT
                    : ${o.name} + ${layer.name}_OFFSET_STEP;
            end else if (${layer.name}_offsets_decay && ${o.name} != ${h.offsetBits}'d0) begin
                ${o.name} <= ${o.name} - ${h.offsetBits}'d1;
            end
</#list>
        end
    end
    assign offsets = {<#list h.neurons?reverse as o>${o.name}<#sep>,<#if o?counter % 16 == 0>
        <#else> </#if></#sep></#list>};
</#if>

    // ---- write-back: neuron j from lane j % ${f.perCycle} at<#if f.memory> the pipeline's end of</#if> the layer cycle of its last chunk
    always @(posedge clk) begin
        if (rst || clear) begin
<#list f.neurons as n>
            ${n.name}_${stateName} <= {${layer.stateBits}{1'b0}};
<#if spikedRegisters && !n.endsWindow>
            ${n.name}_spiked <= 1'b0;
</#if>
</#list>
<#if lm>
        end else if (enable) begin
            if (total_valid) begin
<#list f.neurons as n>
                if (${updateCycle} == ${n.group}) begin
                    ${n.name}_${stateName} <= ${n.lane}_next_${stateName};
<#if spikedRegisters>
                    ${n.name}_spiked <= ${n.lane}_spike;
</#if>
                end
</#list>
            end
<#if learn.wta>
            // winner-take-all: every neuron but the winner goes to the floor
            if (window_last && ${layer.name}_reached) begin
<#list f.neurons as n>
                if (!${n.name}_wins) begin
                    ${n.name}_${stateName} <= ${layer.name}_FLOOR_MEMBRANE;
                end
</#list>
            end
</#if>
        end
    end
<#else>
        end else if (enable<#if f.memory> && total_valid</#if>) begin
<#list f.neurons as n>
<#if f.windowed>
            if (${updateCycle} == ${n.group}) begin
                ${n.name}_${stateName} <= ${n.lane}_next_${stateName};
<#if layer.integrateAndFire && !n.endsWindow>
                ${n.name}_spiked <= ${n.lane}_spike;
</#if>
            end
<#else>
            ${n.name}_${stateName} <= ${n.lane}_next_${stateName};
</#if>
</#list>
        end
    end
</#if>
<#if layer.integrateAndFire>

    // ---- spikes of the step, latched at the window's end (neurons written back in the window's last
    // cycle come straight from their lane)
    always @(posedge clk) begin
        if (rst || clear) begin
            spikes <= {${layer.neurons}{1'b0}};
        end else if (enable<#if f.windowed> && window_last</#if>) begin
<#if lm>
            spikes <= ${layer.name}_step_spikes;
<#else>
<#list f.neurons as n>
            spikes[${n.index}] <= ${n.endsWindow?then(n.lane + "_spike", n.name + "_spiked")};
</#list>
</#if>
        end
    end
</#if>

    assign state = {<#list f.neurons?reverse as n>${n.name}_${stateName}<#sep>, </#sep></#list>};
endmodule
