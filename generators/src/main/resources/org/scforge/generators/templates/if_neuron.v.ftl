<#include "header.ftl">
`timescale 1ns / 1ps
// Integrate-and-fire neuron with optional leak (docs/semantics.md section 6), one step per enabled
// clock edge:
//   u = v - (LEAK_SHIFT > 0 ? v >>> LEAK_SHIFT : 0) + sum
//   spike = u >= THRESHOLD; on a spike u = u - THRESHOLD (subtractive reset)
//   v = min(CEILING, max(FLOOR, u))
// u, THRESHOLD, FLOOR and CEILING are WORK_BITS wide; the membrane v is STATE_BITS wide. Both widths
// come from Widths and hold every value the semantics can produce. clear (frame start) and rst zero
// the membrane and the spike register.
module ${top}_if_neuron #(
    parameter SUM_BITS = 3,
    parameter STATE_BITS = 3,
    parameter WORK_BITS = 4,
    parameter signed [WORK_BITS-1:0] THRESHOLD = 4'sd2,
    parameter signed [WORK_BITS-1:0] FLOOR = -4'sd2,
    parameter signed [WORK_BITS-1:0] CEILING = 4'sd1,
    parameter LEAK_SHIFT = 0
) (
    input  wire                         clk,
    input  wire                         rst,
    input  wire                         clear,
    input  wire                         enable,
    input  wire signed [SUM_BITS-1:0]   sum,
    output reg                          spike,
    output reg  signed [STATE_BITS-1:0] membrane
);
    wire signed [WORK_BITS-1:0] v;
    wire signed [WORK_BITS-1:0] s;
    wire signed [WORK_BITS-1:0] leak;
    generate
        if (WORK_BITS > STATE_BITS) begin : extend_v
            assign v = {{(WORK_BITS-STATE_BITS){membrane[STATE_BITS-1]}}, membrane};
        end else begin : same_v
            assign v = membrane;
        end
        if (WORK_BITS > SUM_BITS) begin : extend_sum
            assign s = {{(WORK_BITS-SUM_BITS){sum[SUM_BITS-1]}}, sum};
        end else begin : same_sum
            assign s = sum;
        end
        if (LEAK_SHIFT > 0) begin : leaky
            assign leak = v >>> LEAK_SHIFT;
        end else begin : no_leak
            assign leak = {WORK_BITS{1'b0}};
        end
    endgenerate

    wire signed [WORK_BITS-1:0] u = v - leak + s;
    wire fire = u >= THRESHOLD;
    wire signed [WORK_BITS-1:0] after_reset = fire ? u - THRESHOLD : u;
    /* verilator lint_off UNUSED */
    // Only the low STATE_BITS are kept: the clamp brings the value into the membrane's range.
    wire signed [WORK_BITS-1:0] clamped = after_reset < FLOOR ? FLOOR
                                        : (after_reset > CEILING ? CEILING : after_reset);
    /* verilator lint_on UNUSED */

    always @(posedge clk) begin
        if (rst || clear) begin
            spike <= 1'b0;
            membrane <= {STATE_BITS{1'b0}};
        end else if (enable) begin
            spike <= fire;
            membrane <= clamped[STATE_BITS-1:0];
        end
    end
endmodule
