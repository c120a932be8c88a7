<#include "header.ftl">
`timescale 1ns / 1ps
// One lane of a folded xnor layer (docs/semantics.md sections 1.1 and 5.2): the bipolar synapses of
// the neuron the lane computes in this cycle, with that neuron's offset codes on ports. Weight stream
// i fires when offset[i*BITS +: BITS] > (number ^ mask[i*BITS +: BITS]); synapse i (i < FAN_IN)
// counts +1 when it agrees with input x[i], -1 when not; synapse FAN_IN is the bias (input always 1).
// sum = agree_count - disagree_count, COUNT_BITS + 1 bits, from two ${top}_popcount trees.
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
    wire [FAN_IN:0] disagree;
    genvar i;
    generate
        for (i = 0; i <= FAN_IN; i = i + 1) begin : synapse
            wire weight_fires = offset[i*BITS +: BITS] > (number ^ mask[i*BITS +: BITS]);
            assign agree[i] = ~(active[i] ^ weight_fires);
            assign disagree[i] = active[i] ^ weight_fires;
        end
    endgenerate

    wire [COUNT_BITS-1:0] agree_count;
    wire [COUNT_BITS-1:0] disagree_count;
    ${top}_popcount #(
        .TERMS(FAN_IN + 1)
    ) agree_tree (
        .bits(agree),
        .count(agree_count)
    );
    ${top}_popcount #(
        .TERMS(FAN_IN + 1)
    ) disagree_tree (
        .bits(disagree),
        .count(disagree_count)
    );

    assign sum = $signed({1'b0, agree_count}) - $signed({1'b0, disagree_count});
endmodule
