<#include "header.ftl">
`timescale 1ns / 1ps
// One learning synapse of a layer with an STDP rule (docs/semantics.md section 12.3, docs/rtl.md
// "Learning layers"): its weight code, two's complement in BITS = weightBits + 1 bits, is the model
// file's INITIAL after rst and is kept across start (learning persists from frame to frame). At an edge
// with update high (its neuron spiked in a step of a frame with learning on) the code becomes
//   min(MAX, code + STEP)   when recent (its input fired within the window) and P_PLUS > (learn_number ^ MASK)
//   max(MIN, code - STEP)   when !recent and P_MINUS > (learn_number ^ MASK)
// and stays otherwise, so that the layer's next step reads the new code. negative and magnitude are the
// code in the sign-magnitude form the lane's synapse comparator reads. STEP, MIN and MAX are BITS + 2 bits
// wide: code + STEP needs two more bits than a code before the clamp brings it back.
module ${top}_stdp_synapse #(
    parameter BITS = 3,
    parameter PROBABILITY_BITS = 2,
    parameter [PROBABILITY_BITS-1:0] P_PLUS = 2'd3,
    parameter [PROBABILITY_BITS-1:0] P_MINUS = 2'd1,
    parameter [PROBABILITY_BITS-1:0] MASK = 2'd0,
    parameter signed [BITS+1:0] STEP = 5'sd1,
    parameter signed [BITS+1:0] MIN = -5'sd3,
    parameter signed [BITS+1:0] MAX = 5'sd3,
    parameter signed [BITS-1:0] INITIAL = 3'sd0
) (
    input  wire                         clk,
    input  wire                         rst,
    input  wire                         update,
    input  wire                         recent,
    input  wire [PROBABILITY_BITS-1:0]  learn_number,
    output reg  signed [BITS-1:0]       code,
    output wire                         negative,
    output wire [BITS-2:0]              magnitude
);
    // A probability code 0 never fires: then the comparison is constant, which is the rule, not a slip.
    /* verilator lint_off UNSIGNED */
    wire potentiates = recent && P_PLUS > (learn_number ^ MASK);
    wire depresses = !recent && P_MINUS > (learn_number ^ MASK);
    /* verilator lint_on UNSIGNED */
    wire signed [BITS+1:0] wide = {{2{code[BITS-1]}}, code};
    wire signed [BITS+1:0] raised = wide + STEP;
    wire signed [BITS+1:0] lowered = wide - STEP;
    /* verilator lint_off UNUSED */
    // Only the low BITS are kept: the clamp brings the value into MIN .. MAX, which are codes.
    wire signed [BITS+1:0] learned = potentiates ? (raised > MAX ? MAX : raised)
                                   : (lowered < MIN ? MIN : lowered);
    // |code| fits BITS - 1 bits: codes are -(2^(BITS-1) - 1) .. 2^(BITS-1) - 1
    wire signed [BITS-1:0] absolute = code[BITS-1] ? -code : code;
    /* verilator lint_on UNUSED */

    always @(posedge clk) begin
        if (rst) begin
            code <= INITIAL;
        end else if (update && (potentiates || depresses)) begin
            code <= learned[BITS-1:0];
        end
    end

    assign negative = code[BITS-1];
    assign magnitude = absolute[BITS-2:0];
endmodule
