<#include "header.ftl">
`timescale 1ns / 1ps
<#assign f = fold>
<#assign stateName = layer.integrateAndFire?then("membrane", "count")>
// Layer '${layer.name}': ${layer.neurons} ${layer.kindText} neurons, fan-in ${layer.fanIn} (+ bias), folded
// (docs/semantics.md section 1.1): P = ${f.perCycle} neurons per cycle, one per lane, so a step takes
// G = ${f.groups} of the window's T = ${f.windowCycles} cycles. In window cycle g < G lane p computes neuron g*P + p from the
// input vector x, held for the whole window, and writes back its ${stateName}<#if layer.integrateAndFire> and new spike bit; the spikes
// output changes only at the window's last cycle (window_last)</#if>. Each lane selects the weight
// constants of its neuron by window_cycle (a case on constant tables; a block RAM is future work).
<#if layer.xnor>
// xnor (bipolar) synapses: each weight w (sign-magnitude, ${weightBits} magnitude bits) is the
// ${layer.numberBits}-bit offset code w + ${layer.offset}, compared with the top ${layer.numberBits} bits of the weight source.
// Each neuron's parameters list its synapses from the bias (synapse ${layer.fanIn}) down to input 0:
//   <neuron>_OFFSET    offset codes, synapse i at [i*${layer.numberBits} +: ${layer.numberBits}]
//   <neuron>_MASK      neuronMasks[j] ^ inputMasks[i], synapse i at [i*${layer.numberBits} +: ${layer.numberBits}]
<#else>
// Weights sign-magnitude with ${weightBits} magnitude bits, read from the weight source.
// Each neuron's parameters list its synapses from the bias (synapse ${layer.fanIn}) down to input 0:
//   <neuron>_NEGATIVE  bit i = 1 where weight i is negative
//   <neuron>_MAGNITUDE weight magnitudes, synapse i at [i*${weightBits} +: ${weightBits}]
//   <neuron>_MASK      neuronMasks[j] ^ inputMasks[i], synapse i at [i*${weightBits} +: ${weightBits}]
</#if>
// State: neuron j's ${stateName} at [j*${layer.stateBits} +: ${layer.stateBits}], two's complement.
module ${layer.module} (
    input  wire                          clk,
    input  wire                          rst,
    input  wire                          clear,
    input  wire                          enable,
    input  wire [${f.windowBits - 1}:0]   window_cycle,
<#if layer.integrateAndFire>
    input  wire                          window_last,
</#if>
    input  wire [${layer.fanIn - 1}:0]   x,
<#if layer.signedInputs>
    input  wire [${layer.fanIn - 1}:0]   x_negative,
</#if>
    input  wire [${layer.numberBits - 1}:0]    number,
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
<#if !layer.signedInputs && !layer.xnor>
    // The inputs of this layer are spikes: always positive.
    wire [${layer.fanIn - 1}:0] x_negative = {${layer.fanIn}{1'b0}};
</#if>

    // ---- weight tables and state registers, one per neuron
<#list layer.neuronList as n>
<#if layer.xnor>
    localparam [${(layer.fanIn + 1) * layer.numberBits - 1}:0] ${n.name}_OFFSET = ${n.offset};
<#else>
    localparam [${layer.fanIn}:0] ${n.name}_NEGATIVE = ${n.negative};
    localparam [${(layer.fanIn + 1) * weightBits - 1}:0] ${n.name}_MAGNITUDE = ${n.magnitude};
</#if>
    localparam [${(layer.fanIn + 1) * layer.numberBits - 1}:0] ${n.name}_MASK = ${n.mask};
    reg signed [${layer.stateBits - 1}:0] ${n.name}_${stateName};
<#if layer.integrateAndFire && !f.neurons[n?index].endsWindow>
    reg ${n.name}_spiked;
</#if>
</#list>
<#list f.lanes as lane>

    // ---- ${lane.name}: neurons<#list lane.neurons as n> ${n.index}</#list>
<#if layer.xnor>
    reg [${(layer.fanIn + 1) * layer.numberBits - 1}:0] ${lane.name}_offset;
<#else>
    reg [${layer.fanIn}:0] ${lane.name}_negative;
    reg [${(layer.fanIn + 1) * weightBits - 1}:0] ${lane.name}_magnitude;
</#if>
    reg [${(layer.fanIn + 1) * layer.numberBits - 1}:0] ${lane.name}_mask;
    reg signed [${layer.stateBits - 1}:0] ${lane.name}_${stateName};
    always @(*) begin
        case (window_cycle)
<#list lane.neurons as n>
            ${n.group}: begin
<#if layer.xnor>
                ${lane.name}_offset = ${n.name}_OFFSET;
<#else>
                ${lane.name}_negative = ${n.name}_NEGATIVE;
                ${lane.name}_magnitude = ${n.name}_MAGNITUDE;
</#if>
                ${lane.name}_mask = ${n.name}_MASK;
                ${lane.name}_${stateName} = ${n.name}_${stateName};
            end
</#list>
            default: begin
<#if layer.xnor>
                ${lane.name}_offset = {${(layer.fanIn + 1) * layer.numberBits}{1'b0}};
<#else>
                ${lane.name}_negative = {${layer.fanIn + 1}{1'b0}};
                ${lane.name}_magnitude = {${(layer.fanIn + 1) * weightBits}{1'b0}};
</#if>
                ${lane.name}_mask = {${(layer.fanIn + 1) * layer.numberBits}{1'b0}};
                ${lane.name}_${stateName} = {${layer.stateBits}{1'b0}};
            end
        endcase
    end
    wire signed [${layer.sumBits - 1}:0] ${lane.name}_sum;
<#if layer.xnor>
    ${top}_lane_xnor_synapses #(
        .FAN_IN(${layer.fanIn}),
        .BITS(${layer.numberBits}),
        .COUNT_BITS(${layer.countBits})
    ) ${lane.name}_synapses (
        .x(x),
        .offset(${lane.name}_offset),
        .mask(${lane.name}_mask),
        .number(number),
        .sum(${lane.name}_sum)
    );
<#else>
    ${top}_lane_synapses #(
        .FAN_IN(${layer.fanIn}),
        .BITS(${weightBits}),
        .COUNT_BITS(${layer.countBits})
    ) ${lane.name}_synapses (
        .x(x),
        .x_negative(x_negative),
        .negative(${lane.name}_negative),
        .magnitude(${lane.name}_magnitude),
        .mask(${lane.name}_mask),
        .number(number),
        .sum(${lane.name}_sum)
    );
</#if>
    wire signed [${layer.stateBits - 1}:0] ${lane.name}_next_${stateName};
<#if layer.integrateAndFire>
    wire ${lane.name}_spike;
    ${top}_if_update #(
        .SUM_BITS(${layer.sumBits}),
        .STATE_BITS(${layer.stateBits}),
        .WORK_BITS(${layer.workBits}),
        .THRESHOLD(${layer.name}_THRESHOLD),
        .FLOOR(${layer.name}_FLOOR),
        .CEILING(${layer.name}_CEILING),
        .LEAK_SHIFT(${layer.name}_LEAK_SHIFT)
    ) ${lane.name}_update (
        .membrane(${lane.name}_membrane),
        .sum(${lane.name}_sum),
        .spike(${lane.name}_spike),
        .next_membrane(${lane.name}_next_membrane)
    );
<#else>
    ${top}_count_update #(
        .SUM_BITS(${layer.sumBits}),
        .COUNT_BITS(${layer.stateBits})
    ) ${lane.name}_update (
        .count(${lane.name}_count),
        .sum(${lane.name}_sum),
        .next_count(${lane.name}_next_count)
    );
</#if>
</#list>

    // ---- write-back: neuron j in window cycle j / ${f.perCycle}, from lane j % ${f.perCycle}
    always @(posedge clk) begin
        if (rst || clear) begin
<#list f.neurons as n>
            ${n.name}_${stateName} <= {${layer.stateBits}{1'b0}};
<#if layer.integrateAndFire && !n.endsWindow>
            ${n.name}_spiked <= 1'b0;
</#if>
</#list>
        end else if (enable) begin
<#list f.neurons as n>
            if (window_cycle == ${n.group}) begin
                ${n.name}_${stateName} <= ${n.lane}_next_${stateName};
<#if layer.integrateAndFire && !n.endsWindow>
                ${n.name}_spiked <= ${n.lane}_spike;
</#if>
            end
</#list>
        end
    end
<#if layer.integrateAndFire>

    // ---- spikes of the step, latched at the window's end (neurons of the window's last cycle come
    // straight from their lane)
    always @(posedge clk) begin
        if (rst || clear) begin
            spikes <= {${layer.neurons}{1'b0}};
        end else if (enable && window_last) begin
<#list f.neurons as n>
            spikes[${n.index}] <= ${n.endsWindow?then(n.lane + "_spike", n.name + "_spiked")};
</#list>
        end
    end
</#if>

    assign state = {<#list f.neurons?reverse as n>${n.name}_${stateName}<#sep>, </#sep></#list>};
endmodule
