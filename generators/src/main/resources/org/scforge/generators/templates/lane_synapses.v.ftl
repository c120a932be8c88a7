<#include "header.ftl">
`timescale 1ns / 1ps
// One lane of a folded layer (docs/semantics.md sections 1.1 and 5.1): the synapses of the neuron the
// lane computes in this cycle, with that neuron's weights on ports instead of parameters. Synapse i
// (i < FAN_IN) fires when input x[i] and its weight stream magnitude[i*BITS +: BITS] >
// (number ^ mask[i*BITS +: BITS]) both fire; synapse FAN_IN is the bias, whose input is always 1. A
// firing synapse counts -1 when exactly one of negative[i] and x_negative[i] is set, else +1.
// sum = (positive count) - (negative count), COUNT_BITS + 1 bits, from two ${top}_popcount trees.
module ${top}_lane_synapses #(
    parameter FAN_IN = 2,
    parameter BITS = 3,
    parameter COUNT_BITS = 2
) (
    input  wire [FAN_IN-1:0]            x,
    input  wire [FAN_IN-1:0]            x_negative,
    input  wire [FAN_IN:0]              negative,
    input  wire [(FAN_IN+1)*BITS-1:0]   magnitude,
    input  wire [(FAN_IN+1)*BITS-1:0]   mask,
    input  wire [BITS-1:0]              number,
    output wire signed [COUNT_BITS:0]   sum
);
    wire [FAN_IN:0] active = {1'b1, x};
    wire [FAN_IN:0] input_negative = {1'b0, x_negative};
    wire [FAN_IN:0] up;
    wire [FAN_IN:0] down;
    genvar i;
    generate
        for (i = 0; i <= FAN_IN; i = i + 1) begin : synapse
            wire weight_fires = magnitude[i*BITS +: BITS] > (number ^ mask[i*BITS +: BITS]);
            wire fires = active[i] & weight_fires;
            wire counts_down = negative[i] ^ input_negative[i];
            assign up[i] = fires & ~counts_down;
            assign down[i] = fires & counts_down;
        end
    endgenerate

    wire [COUNT_BITS-1:0] positive;
    wire [COUNT_BITS-1:0] negative_count;
    ${top}_popcount #(
        .TERMS(FAN_IN + 1)
    ) positive_tree (
        .bits(up),
        .count(positive)
    );
    ${top}_popcount #(
        .TERMS(FAN_IN + 1)
    ) negative_tree (
        .bits(down),
        .count(negative_count)
    );

    assign sum = $signed({1'b0, positive}) - $signed({1'b0, negative_count});
endmodule
