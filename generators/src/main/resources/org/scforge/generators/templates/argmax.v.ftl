<#include "header.ftl">
`timescale 1ns / 1ps
// Argmax of the readout counts (docs/semantics.md section 7), ties to the lowest index. Count k is
// at [k*BITS +: BITS], two's complement. The comparisons form a balanced tree (${top}_argmax_tree),
// so the combinational depth is about log2(CLASSES) compare-and-select stages, not CLASSES - 1.
// STAGES (0 .. floor(log2 CLASSES)) of the tree's levels are registered: index is the argmax of the
// counts STAGES edges earlier (docs/rtl.md: the top uses the cycles in which the readout is idle).
module ${top}_argmax #(
    parameter CLASSES = 2,
    parameter BITS = 5,
    parameter INDEX_BITS = 1,
    parameter integer STAGES = 0
) (
    input  wire                    clk,
    input  wire [CLASSES*BITS-1:0] counts,
    output wire [INDEX_BITS-1:0]   index
);
    // Only the winner's index leaves this module; its count is needed inside the tree alone.
    /* verilator lint_off UNUSED */
    wire signed [BITS-1:0] best_count;
    /* verilator lint_on UNUSED */
    ${top}_argmax_tree #(
        .CLASSES(CLASSES),
        .BITS(BITS),
        .INDEX_BITS(INDEX_BITS),
        .FIRST(0),
        .STAGES(STAGES)
    ) tree (
        .clk(clk),
        .counts(counts),
        .best_count(best_count),
        .best_index(index)
    );
endmodule
