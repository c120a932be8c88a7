<#include "header.ftl">
`timescale 1ns / 1ps
// The XNOR (bipolar) synapses of one neuron and their sum (docs/semantics.md section 5.2): every
// stream stands for 2p - 1 and the sign of a weight lives in its stream. Weight i is the offset code
// OFFSET[i*BITS +: BITS] = w + 2^(BITS-1), compared with number ^ MASK[i*BITS +: BITS] (neuron mask
// ^ input mask); number is the top BITS bits of the layer's weight source. Synapse i (i < FAN_IN)
// counts +1 when input x[i] and its weight stream agree, -1 when they differ; synapse FAN_IN is the
// bias, whose input is always 1. sum = agree_count - disagree_count = 2 * agree_count - (FAN_IN + 1),
// COUNT_BITS + 1 bits, two's complement; agree_count is a balanced adder tree (${top}_popcount).
module ${top}_xnor_synapses #(
    parameter FAN_IN = 2,
    parameter BITS = 4,
    parameter COUNT_BITS = 2,
    parameter [(FAN_IN+1)*BITS-1:0] OFFSET = 12'd0,
    parameter [(FAN_IN+1)*BITS-1:0] MASK = 12'd0
) (
    input  wire [FAN_IN-1:0]            x,
    input  wire [BITS-1:0]              number,
    output wire signed [COUNT_BITS:0]   sum
);
    wire [FAN_IN:0] active = {1'b1, x};
    // Per synapse: agree counts +1, disagree counts -1.
    wire [FAN_IN:0] agree;
    genvar i;
    generate
        for (i = 0; i <= FAN_IN; i = i + 1) begin : synapse
            wire weight_fires;
            ${top}_sng #(
                .BITS(BITS),
                .MASK(MASK[i*BITS +: BITS])
            ) weight_sng (
                .magnitude(OFFSET[i*BITS +: BITS]),
                .number(number),
                .fires(weight_fires)
            );
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
