<#include "header.ftl">
`timescale 1ns / 1ps
// The STDP update of one lane word of a learning layer folded with its weights in memory (docs/semantics.md
// section 12.3 steps 4 and 5, docs/rtl.md "Folded learning layers"), without registers: the TERMS positions of
// one chunk of one neuron, as the lane read them (sign-magnitude, BITS magnitude bits each, position i at bit i
// and at [i*BITS +: BITS]). When update is high (the neuron has a pending update: it spiked at the step being
// applied, learning on), position i with learns[i] (an input, not the bias nor the padding) and the update mask
//   m = (neuron_mask ^ input_masks[i]) cut or widened to PROBABILITY_BITS bits
// becomes min(MAX, code + STEP) when recent[i] and P_PLUS > (learn_number ^ m), max(MIN, code - STEP) when
// !recent[i] and P_MINUS > (learn_number ^ m), and stays (the very same bits) otherwise. STEP, MIN and MAX are
// BITS + 3 bits wide: code + STEP needs two more bits than a BITS + 1-bit code before the clamp brings it back.
module ${top}_stdp_chunk #(
    parameter TERMS = 2,
    parameter BITS = 2,
    parameter PROBABILITY_BITS = 2,
    parameter [PROBABILITY_BITS-1:0] P_PLUS = 2'd3,
    parameter [PROBABILITY_BITS-1:0] P_MINUS = 2'd1,
    parameter signed [BITS+2:0] STEP = 5'sd1,
    parameter signed [BITS+2:0] MIN = -5'sd3,
    parameter signed [BITS+2:0] MAX = 5'sd3
) (
    input  wire                         update,
    input  wire [TERMS-1:0]             learns,
    input  wire [TERMS-1:0]             recent,
    input  wire [PROBABILITY_BITS-1:0]  learn_number,
    input  wire [BITS-1:0]              neuron_mask,
    input  wire [TERMS*BITS-1:0]        input_masks,
    input  wire [TERMS-1:0]             negative,
    input  wire [TERMS*BITS-1:0]        magnitude,
    output wire [TERMS-1:0]             next_negative,
    output wire [TERMS*BITS-1:0]        next_magnitude
);
    genvar i;
    generate
        for (i = 0; i < TERMS; i = i + 1) begin : position
            /* verilator lint_off UNUSED */
            wire [BITS-1:0] full_mask = neuron_mask ^ input_masks[i*BITS +: BITS];
            /* verilator lint_on UNUSED */
            wire [PROBABILITY_BITS-1:0] mask;
            if (PROBABILITY_BITS <= BITS) begin : cut
                assign mask = full_mask[PROBABILITY_BITS-1:0];
            end else begin : widened
                assign mask = {{(PROBABILITY_BITS-BITS){1'b0}}, full_mask};
            end
            // A probability code 0 never fires: then the comparison is constant, which is the rule, not a slip.
            /* verilator lint_off UNSIGNED */
            wire potentiates = recent[i] && P_PLUS > (learn_number ^ mask);
            wire depresses = !recent[i] && P_MINUS > (learn_number ^ mask);
            /* verilator lint_on UNSIGNED */
            wire [BITS-1:0] old_magnitude = magnitude[i*BITS +: BITS];
            wire signed [BITS+2:0] wide = {3'b000, old_magnitude};
            wire signed [BITS+2:0] code = negative[i] ? -wide : wide;
            wire signed [BITS+2:0] raised = code + STEP;
            wire signed [BITS+2:0] lowered = code - STEP;
            wire signed [BITS+2:0] learned = potentiates ? (raised > MAX ? MAX : raised)
                                           : (lowered < MIN ? MIN : lowered);
            /* verilator lint_off UNUSED */
            // |learned| fits BITS bits: the codes are -(2^BITS - 1) .. 2^BITS - 1
            wire signed [BITS+2:0] absolute = learned[BITS+2] ? -learned : learned;
            /* verilator lint_on UNUSED */
            wire changes = update && learns[i] && (potentiates || depresses);
            assign next_negative[i] = changes ? learned[BITS+2] : negative[i];
            assign next_magnitude[i*BITS +: BITS] = changes ? absolute[BITS-1:0] : old_magnitude;
        end
    endgenerate
endmodule
