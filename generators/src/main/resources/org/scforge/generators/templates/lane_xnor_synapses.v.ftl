<#include "header.ftl">
`timescale 1ns / 1ps
// The xnor (bipolar) synapses one lane of a layer computes in one cycle (docs/semantics.md
// sections 1.1 and 5.2): TERMS synapse positions of the neuron the lane works on, with that neuron's
// offset codes on ports. Weight stream i fires when offset[i*BITS +: BITS] >
// (number ^ neuron_mask ^ input_masks[i*BITS +: BITS]) (the mask neuronMasks[j] ^ inputMasks[i] split
// as in ${top}_lane_synapses); a present synapse (present[i] = 1) counts +1 when it agrees with its input
// x[i] (the bias's input is 1), -1 when not; a position past the neuron's synapses counts nothing.
// sum = agree_count - disagree_count = 2 * agree_count - present_count, COUNT_BITS + 1 bits.
// REGISTERED = 1 registers the agree and present bits before the trees (a pipeline stage of the
// lanes whose weights are in memory: sum then follows the ports by one edge).
module ${top}_lane_xnor_synapses #(
    parameter TERMS = ${terms},
    parameter BITS = 4,
    parameter COUNT_BITS = ${countBits},
    parameter integer REGISTERED = 0
) (
    /* verilator lint_off UNUSED */
    input  wire                        clk,    // unused when REGISTERED = 0
    /* verilator lint_on UNUSED */
    input  wire [TERMS-1:0]            x,
    input  wire [TERMS-1:0]            present,
    input  wire [TERMS*BITS-1:0]       offset,
    input  wire [TERMS*BITS-1:0]       input_masks,
    input  wire [BITS-1:0]             neuron_mask,
    input  wire [BITS-1:0]             number,
    output wire signed [COUNT_BITS:0]  sum
);
    wire [BITS-1:0] neuron_number = number ^ neuron_mask;
    // Only the comparators are per synapse (as in ${top}_lane_synapses).
    wire [TERMS-1:0] weight_fires;
    genvar i;
    generate
        for (i = 0; i < TERMS; i = i + 1) begin : synapse
            assign weight_fires[i] = offset[i*BITS +: BITS] > (neuron_number ^ input_masks[i*BITS +: BITS]);
        end
    endgenerate
    wire [TERMS-1:0] agree = present & ~(x ^ weight_fires);

    wire [TERMS-1:0] counted_agree;
    wire [TERMS-1:0] counted_present;
    generate
        if (REGISTERED != 0) begin : registered
            reg [TERMS-1:0] agree_q;
            reg [TERMS-1:0] present_q;
            always @(posedge clk) begin
                agree_q <= agree;
                present_q <= present;
            end
            assign counted_agree = agree_q;
            assign counted_present = present_q;
        end else begin : combinational
            assign counted_agree = agree;
            assign counted_present = present;
        end
    endgenerate

    wire [COUNT_BITS-1:0] agree_count;
    wire [COUNT_BITS-1:0] present_count;
    ${top}_popcount #(
        .TERMS(TERMS)
    ) agree_tree (
        .bits(counted_agree),
        .count(agree_count)
    );
    // a constant of the lane's cycle (all TERMS positions but in a layer's last, partial chunk), so
    // synthesis reduces this tree to a few constants
    ${top}_popcount #(
        .TERMS(TERMS)
    ) present_tree (
        .bits(counted_present),
        .count(present_count)
    );

    // Every present synapse counts one way or the other, so disagree = present - agree and
    // sum = 2 * agree - present: one adder tree on the synapses instead of two. 2 * agree and the
    // result both fit COUNT_BITS + 1 bits (agree <= present <= TERMS < 2^COUNT_BITS).
    assign sum = $signed({agree_count, 1'b0} - {1'b0, present_count});
endmodule
