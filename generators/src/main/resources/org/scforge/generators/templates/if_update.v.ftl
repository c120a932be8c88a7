<#include "header.ftl">
`timescale 1ns / 1ps
// One step of an integrate-and-fire / LIF neuron (docs/semantics.md section 6) without registers, for
// a lane of a layer, whose membranes live in the layer:
//   u = v - (LEAK_SHIFT > 0 ? v >>> LEAK_SHIFT : 0) + sum
//   spike = u >= THRESHOLD; on a spike u = u - THRESHOLD (subtractive reset)
//   next_membrane = min(CEILING, max(FLOOR, u))
<#if potentialPort>
// potential is u itself: a winner-take-all layer (docs/semantics.md section 12.4) takes its argmax.
</#if>
<#if thresholdPort>
// The threshold is an input, not a parameter: a layer with homeostasis (docs/semantics.md section 12.5) gives
// each lane its neuron's threshold + offset, which changes while it learns; other layers give their constant.
</#if>
<#assign threshold = thresholdPort?then("threshold", "THRESHOLD")>
// u, THRESHOLD, FLOOR and CEILING are WORK_BITS wide; the membrane is STATE_BITS wide (Widths).
module ${top}_if_update #(
    parameter SUM_BITS = 3,
    parameter STATE_BITS = 3,
    parameter WORK_BITS = 4,
<#if !thresholdPort>
    parameter signed [WORK_BITS-1:0] THRESHOLD = 4'sd2,
</#if>
    parameter signed [WORK_BITS-1:0] FLOOR = -4'sd2,
    parameter signed [WORK_BITS-1:0] CEILING = 4'sd1,
    parameter LEAK_SHIFT = 0
) (
    input  wire signed [STATE_BITS-1:0] membrane,
    input  wire signed [SUM_BITS-1:0]   sum,
<#if thresholdPort>
    input  wire signed [WORK_BITS-1:0]  threshold,
</#if>
    output wire                         spike,
<#if potentialPort>
    output wire signed [WORK_BITS-1:0]  potential,
</#if>
    output wire signed [STATE_BITS-1:0] next_membrane
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
    assign spike = u >= ${threshold};
<#if potentialPort>
    assign potential = u;
</#if>
    wire signed [WORK_BITS-1:0] after_reset = spike ? u - ${threshold} : u;
    /* verilator lint_off UNUSED */
    // Only the low STATE_BITS are kept: the clamp brings the value into the membrane's range.
    wire signed [WORK_BITS-1:0] clamped = after_reset < FLOOR ? FLOOR
                                        : (after_reset > CEILING ? CEILING : after_reset);
    /* verilator lint_on UNUSED */
    assign next_membrane = clamped[STATE_BITS-1:0];
endmodule
