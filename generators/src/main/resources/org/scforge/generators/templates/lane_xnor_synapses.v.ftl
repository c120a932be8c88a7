<#include "header.ftl">
`timescale 1ns / 1ps
// One lane of a folded xnor layer (docs/semantics.md sections 1.1 and 5.2): the bipolar synapses of
// the neuron the lane computes in this cycle, with that neuron's offset codes on ports. Weight stream
// i fires when offset[i*BITS +: BITS] > (number ^ mask[i*BITS +: BITS]); synapse i (i < FAN_IN)
// counts +1 when it agrees with input x[i], -1 when not; synapse FAN_IN is the bias (input always 1).
// sum = agree_count - disagree_count = 2 * agree_count - (FAN_IN + 1), COUNT_BITS + 1 bits, from one
// ${top}_popcount tree.
module ${top}_lane_xnor_synapses #(
    parameter FAN_IN = 2,
    parameter BITS = 4,
    parameter COUNT_BITS = 2
) (
    input  wire [FAN_IN-1:0]            x,
    input  wire [(FAN_IN+1)*BITS-1:0]   offset,
    input  wire [(FAN_IN+1)*BITS-1:0]   mask,
    input  wire [BITS-1:0]              number,
    output wire signed [COUNT_BITS:0]   sum
);
    wire [FAN_IN:0] active = {1'b1, x};
    wire [FAN_IN:0] agree;
    genvar i;
    generate
        for (i = 0; i <= FAN_IN; i = i + 1) begin : synapse
            wire weight_fires = offset[i*BITS +: BITS] > (number ^ mask[i*BITS +: BITS]);
            assign agree[i] = ~(active[i] ^ weight_fires);
        end
    endgenerate

    wire [COUNT_BITS-1:0] agree_count;
    ${top}_popcount #(
        .TERMS(FAN_IN + 1)
    ) agree_tree (
        .bits(agree),
        .count(agree_count)
    );

    // Every synapse counts one way or the other, so disagree = (FAN_IN + 1) - agree and
    // sum = 2 * agree - (FAN_IN + 1): one adder tree instead of two. 2 * agree and the result
    // both fit COUNT_BITS + 1 bits (agree <= FAN_IN + 1 < 2^COUNT_BITS).
    localparam integer SYNAPSE_COUNT = FAN_IN + 1;
    localparam [COUNT_BITS:0] SYNAPSES = SYNAPSE_COUNT[COUNT_BITS:0];
    assign sum = $signed({agree_count, 1'b0} - SYNAPSES);
endmodule
