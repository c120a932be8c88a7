<#include "header.ftl">
`timescale 1ns / 1ps
// The and synapses one lane of a layer computes in one cycle (docs/semantics.md sections 1.1 and
// 5.1): TERMS synapses of the neuron the lane works on, with that neuron's weights on ports. Synapse i
// fires when its input x[i] and its weight stream magnitude[i*BITS +: BITS] >
// (number ^ neuron_mask ^ input_masks[i*BITS +: BITS]) both fire (the bias is a synapse whose input is
// 1; a position past the neuron's synapses has input 0). The mask of synapse i of neuron j is
// neuronMasks[j] ^ inputMasks[i]: the neuron's part is one number XORed once, the input part a
// constant of the lane's synapse position. A firing synapse counts -1 when exactly one of negative[i]
// and x_negative[i] is set, else +1.
// sum = (positive count) - (negative count), COUNT_BITS + 1 bits, from two ${top}_popcount trees.
// REGISTERED = 1 registers the synapses' up and down bits before the trees (a pipeline stage of the
// lanes whose weights are in memory: sum then follows the ports by one edge).
module ${top}_lane_synapses #(
    parameter TERMS = ${terms},
    parameter BITS = 3,
    parameter COUNT_BITS = ${countBits},
    parameter integer REGISTERED = 0
) (
    /* verilator lint_off UNUSED */
    input  wire                        clk,    // unused when REGISTERED = 0
    /* verilator lint_on UNUSED */
    input  wire [TERMS-1:0]            x,
    input  wire [TERMS-1:0]            x_negative,
    input  wire [TERMS-1:0]            negative,
    input  wire [TERMS*BITS-1:0]       magnitude,
    input  wire [TERMS*BITS-1:0]       input_masks,
    input  wire [BITS-1:0]             neuron_mask,
    input  wire [BITS-1:0]             number,
    output wire signed [COUNT_BITS:0]  sum
);
    wire [BITS-1:0] neuron_number = number ^ neuron_mask;
    // Only the comparators are per synapse; the rest are operations on whole vectors, which an
    // event-driven simulator evaluates once per change of a vector rather than once per bit.
    wire [TERMS-1:0] weight_fires;
    genvar i;
    generate
        for (i = 0; i < TERMS; i = i + 1) begin : synapse
            assign weight_fires[i] = magnitude[i*BITS +: BITS] > (neuron_number ^ input_masks[i*BITS +: BITS]);
        end
    endgenerate
    wire [TERMS-1:0] fires = x & weight_fires;
    wire [TERMS-1:0] counts_down = negative ^ x_negative;
    wire [TERMS-1:0] up = fires & ~counts_down;
    wire [TERMS-1:0] down = fires & counts_down;

    wire [TERMS-1:0] counted_up;
    wire [TERMS-1:0] counted_down;
    generate
        if (REGISTERED != 0) begin : registered
            reg [TERMS-1:0] up_q;
            reg [TERMS-1:0] down_q;
            always @(posedge clk) begin
                up_q <= up;
                down_q <= down;
            end
            assign counted_up = up_q;
            assign counted_down = down_q;
        end else begin : combinational
            assign counted_up = up;
            assign counted_down = down;
        end
    endgenerate

    wire [COUNT_BITS-1:0] positive;
    wire [COUNT_BITS-1:0] negative_count;
    ${top}_popcount #(
        .TERMS(TERMS)
    ) positive_tree (
        .bits(counted_up),
        .count(positive)
    );
    ${top}_popcount #(
        .TERMS(TERMS)
    ) negative_tree (
        .bits(counted_down),
        .count(negative_count)
    );

    assign sum = $signed({1'b0, positive}) - $signed({1'b0, negative_count});
endmodule
