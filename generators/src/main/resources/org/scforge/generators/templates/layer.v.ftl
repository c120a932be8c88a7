<#include "header.ftl">
`timescale 1ns / 1ps
<#if layer.xnor>
// Layer '${layer.name}': ${layer.neurons} ${layer.kindText} neurons, fan-in ${layer.fanIn} (+ bias),
// xnor (bipolar) synapses: each weight w (sign-magnitude, ${weightBits} magnitude bits) is the
// ${layer.numberBits}-bit offset code w + ${layer.offset}, compared with the top ${layer.numberBits} bits of the weight source
// through ${top}_sng comparators (one per synapse: the fully parallel design).
// Each neuron's parameters list its synapses from the bias (synapse ${layer.fanIn}) down to input 0:
//   <neuron>_OFFSET    offset codes, synapse i at [i*${layer.numberBits} +: ${layer.numberBits}]
//   <neuron>_MASK      neuronMasks[j] ^ inputMasks[i], synapse i at [i*${layer.numberBits} +: ${layer.numberBits}]
<#else>
// Layer '${layer.name}': ${layer.neurons} ${layer.kindText} neurons, fan-in ${layer.fanIn} (+ bias),
// weights sign-magnitude with ${weightBits} magnitude bits, read from the weight source through
// ${top}_sng comparators (one per synapse: the fully parallel design).
// Each neuron's parameters list its synapses from the bias (synapse ${layer.fanIn}) down to input 0:
//   <neuron>_NEGATIVE  bit i = 1 where weight i is negative
//   <neuron>_MAGNITUDE weight magnitudes, synapse i at [i*${weightBits} +: ${weightBits}]
//   <neuron>_MASK      neuronMasks[j] ^ inputMasks[i], synapse i at [i*${weightBits} +: ${weightBits}]
</#if>
// State: neuron j's <#if layer.integrateAndFire>membrane<#else>count</#if> at [j*${layer.stateBits} +: ${layer.stateBits}], two's complement.
module ${layer.module} (
    input  wire                          clk,
    input  wire                          rst,
    input  wire                          clear,
    input  wire                          enable,
    input  wire [${layer.fanIn - 1}:0]   x,
<#if layer.signedInputs>
    input  wire [${layer.fanIn - 1}:0]   x_negative,
</#if>
    input  wire [${layer.numberBits - 1}:0]    number,
<#if layer.integrateAndFire>
    output wire [${layer.neurons - 1}:0] spikes,
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
<#list layer.neuronList as n>

    // ${n.name}
<#if layer.xnor>
    localparam [${(layer.fanIn + 1) * layer.numberBits - 1}:0] ${n.name}_OFFSET = ${n.offset};
    localparam [${(layer.fanIn + 1) * layer.numberBits - 1}:0] ${n.name}_MASK = ${n.mask};
    wire signed [${layer.sumBits - 1}:0] ${n.name}_sum;
    ${top}_xnor_synapses #(
        .FAN_IN(${layer.fanIn}),
        .BITS(${layer.numberBits}),
        .COUNT_BITS(${layer.countBits}),
        .OFFSET(${n.name}_OFFSET),
        .MASK(${n.name}_MASK)
    ) ${n.name}_synapses (
        .x(x),
        .number(number),
        .sum(${n.name}_sum)
    );
<#else>
    localparam [${layer.fanIn}:0] ${n.name}_NEGATIVE = ${n.negative};
    localparam [${(layer.fanIn + 1) * weightBits - 1}:0] ${n.name}_MAGNITUDE = ${n.magnitude};
    localparam [${(layer.fanIn + 1) * weightBits - 1}:0] ${n.name}_MASK = ${n.mask};
    wire signed [${layer.sumBits - 1}:0] ${n.name}_sum;
    ${top}_synapses #(
        .FAN_IN(${layer.fanIn}),
        .BITS(${weightBits}),
        .COUNT_BITS(${layer.countBits}),
        .NEGATIVE(${n.name}_NEGATIVE),
        .MAGNITUDE(${n.name}_MAGNITUDE),
        .MASK(${n.name}_MASK)
    ) ${n.name}_synapses (
        .x(x),
        .x_negative(x_negative),
        .number(number),
        .sum(${n.name}_sum)
    );
</#if>
<#if layer.integrateAndFire>
    ${top}_if_neuron #(
        .SUM_BITS(${layer.sumBits}),
        .STATE_BITS(${layer.stateBits}),
        .WORK_BITS(${layer.workBits}),
        .THRESHOLD(${layer.name}_THRESHOLD),
        .FLOOR(${layer.name}_FLOOR),
        .CEILING(${layer.name}_CEILING),
        .LEAK_SHIFT(${layer.name}_LEAK_SHIFT)
    ) ${n.name} (
        .clk(clk),
        .rst(rst),
        .clear(clear),
        .enable(enable),
        .sum(${n.name}_sum),
        .spike(spikes[${n.index}]),
        .membrane(state[${n.index * layer.stateBits} +: ${layer.stateBits}])
    );
<#else>
    ${top}_counter #(
        .SUM_BITS(${layer.sumBits}),
        .COUNT_BITS(${layer.stateBits})
    ) ${n.name} (
        .clk(clk),
        .rst(rst),
        .clear(clear),
        .enable(enable),
        .sum(${n.name}_sum),
        .count(state[${n.index * layer.stateBits} +: ${layer.stateBits}])
    );
</#if>
</#list>
endmodule
