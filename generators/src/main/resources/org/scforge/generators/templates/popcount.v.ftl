<#include "header.ftl">
`timescale 1ns / 1ps
// Number of ones among TERMS bits: a balanced binary tree of pairwise adds, built by recursion on
// the halves, so the combinational depth is about log2(TERMS) adders instead of the TERMS adders
// of a running count. Each node is just wide enough for its own number of terms, so widths grow
// by at most one bit per level; the count is the same integer, so the cycle timing is unchanged.
// TERMS defaults to 1 (a leaf) because Verilator does not expand a recursive module that is
// itself the top; ${top}_synapses always sets it.
module ${top}_popcount #(
    parameter TERMS = 1
) (
    input  wire [TERMS-1:0]               bits,
    output wire [$clog2(TERMS+1)-1:0]     count
);
    generate
        if (TERMS == 1) begin : leaf
            assign count = bits;
        end else begin : pair
            // Lower terms on the left; the order does not change the count.
            localparam LEFT = TERMS / 2;
            localparam RIGHT = TERMS - LEFT;
            wire [$clog2(LEFT+1)-1:0]  left_count;
            wire [$clog2(RIGHT+1)-1:0] right_count;
            ${top}_popcount #(
                .TERMS(LEFT)
            ) left (
                .bits(bits[LEFT-1:0]),
                .count(left_count)
            );
            ${top}_popcount #(
                .TERMS(RIGHT)
            ) right (
                .bits(bits[TERMS-1:LEFT]),
                .count(right_count)
            );
            // Zero-extended to the (wider or equal) width of count.
            assign count = left_count + right_count;
        end
    endgenerate
endmodule
