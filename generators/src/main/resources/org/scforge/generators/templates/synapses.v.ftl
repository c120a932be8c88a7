<#include "header.ftl">
`timescale 1ns / 1ps
// The synapses of one neuron and their signed popcount (docs/semantics.md section 5): synapse i
// (i < FAN_IN) fires when input x[i] and its weight stream both fire; synapse FAN_IN is the bias,
// whose input is always 1. A firing synapse counts -1 when exactly one of the weight sign
// (NEGATIVE[i]) and the input sign (x_negative[i]) is negative, else +1. Weight i has magnitude
// MAGNITUDE[i*BITS +: BITS] and mask MASK[i*BITS +: BITS] (neuron mask ^ input mask).
// sum = (positive count) - (negative count), COUNT_BITS + 1 bits, two's complement; each count is
// a balanced adder tree (${top}_popcount), so the adder depth grows with log2(FAN_IN), not FAN_IN.
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
    // Per synapse: up counts +1, down counts -1 (never both).
    wire [FAN_IN:0] up;
    wire [FAN_IN:0] down;
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
            assign up[i] = fires & ~counts_down;
            assign down[i] = fires & counts_down;
        end
    endgenerate

    // Two unsigned trees and one subtraction map to fewer iCE40 LUTs than one tree of signed
    // +1/-1 terms. Each count has COUNT_BITS = $clog2(FAN_IN+2) bits, the width of the tree.
    wire [COUNT_BITS-1:0] positive;
    wire [COUNT_BITS-1:0] negative;
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
        .count(negative)
    );

    assign sum = $signed({1'b0, positive}) - $signed({1'b0, negative});
endmodule
