<#include "header.ftl">
`timescale 1ns / 1ps
// The synapses of one neuron and their signed popcount (docs/semantics.md section 5): synapse i
// (i < FAN_IN) fires when input x[i] and its weight stream both fire; synapse FAN_IN is the bias,
// whose input is always 1. A firing synapse counts -1 when exactly one of the weight sign
// (NEGATIVE[i]) and the input sign (x_negative[i]) is negative, else +1. Weight i has magnitude
// MAGNITUDE[i*BITS +: BITS] and mask MASK[i*BITS +: BITS] (neuron mask ^ input mask).
// sum = (positive count) - (negative count), COUNT_BITS + 1 bits, two's complement.
module ${top}_synapses #(
    parameter FAN_IN = 2,
    parameter BITS = 3,
    parameter COUNT_BITS = 2,
    parameter [FAN_IN:0] NEGATIVE = 3'b000,
    parameter [(FAN_IN+1)*BITS-1:0] MAGNITUDE = 9'd0,
    parameter [(FAN_IN+1)*BITS-1:0] MASK = 9'd0
) (
    input  wire [FAN_IN-1:0]            x,
    input  wire [FAN_IN-1:0]            x_negative,
    input  wire [BITS-1:0]              number,
    output wire signed [COUNT_BITS:0]   sum
);
    wire [FAN_IN:0] active = {1'b1, x};
    wire [FAN_IN:0] input_negative = {1'b0, x_negative};
    // Running counts over synapses 0..i-1: a chain the synthesis tool maps to adders.
    // split_var: each element is its own signal to Verilator, so the chain is not a false loop.
    wire [COUNT_BITS-1:0] positive [0:FAN_IN+1] /* verilator split_var */;
    wire [COUNT_BITS-1:0] negative [0:FAN_IN+1] /* verilator split_var */;

    assign positive[0] = {COUNT_BITS{1'b0}};
    assign negative[0] = {COUNT_BITS{1'b0}};
    genvar i;
    generate
        for (i = 0; i <= FAN_IN; i = i + 1) begin : synapse
            wire weight_fires;
            ${top}_sng #(
                .BITS(BITS),
                .MASK(MASK[i*BITS +: BITS])
            ) weight_sng (
                .magnitude(MAGNITUDE[i*BITS +: BITS]),
                .number(number),
                .fires(weight_fires)
            );
            wire fires = active[i] & weight_fires;
            wire counts_down = NEGATIVE[i] ^ input_negative[i];
            wire [COUNT_BITS-1:0] up = {{(COUNT_BITS-1){1'b0}}, fires & ~counts_down};
            wire [COUNT_BITS-1:0] down = {{(COUNT_BITS-1){1'b0}}, fires & counts_down};
            assign positive[i+1] = positive[i] + up;
            assign negative[i+1] = negative[i] + down;
        end
    endgenerate

    assign sum = $signed({1'b0, positive[FAN_IN+1]}) - $signed({1'b0, negative[FAN_IN+1]});
endmodule
