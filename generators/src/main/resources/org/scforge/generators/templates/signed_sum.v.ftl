<#include "header.ftl">
`timescale 1ns / 1ps
// Signed popcount of TERMS synapse terms (docs/semantics.md section 5): term t is +1 when up[t],
// -1 when down[t] (never both), else 0. A balanced binary tree of pairwise adds, built by
// recursion on the halves, so the combinational depth is about log2(TERMS) adders instead of the
// TERMS adders of a running count; each node is just wide enough for +-(its terms), so widths grow
// by at most one bit per level. The sum is the same integer, so the cycle timing is unchanged.
// TERMS defaults to 1 (a leaf) because Verilator does not expand a recursive module that is
// itself the top; ${top}_synapses always sets it.
module ${top}_signed_sum #(
    parameter TERMS = 1
) (
    input  wire [TERMS-1:0]                 up,
    input  wire [TERMS-1:0]                 down,
    output wire signed [$clog2(TERMS+1):0]  sum
);
    generate
        if (TERMS == 1) begin : leaf
            assign sum = up[0] ? 2'sd1 : (down[0] ? -2'sd1 : 2'sd0);
        end else begin : pair
            // Lower terms on the left; the order does not change the sum.
            localparam LEFT = TERMS / 2;
            localparam RIGHT = TERMS - LEFT;
            wire signed [$clog2(LEFT+1):0]  left_sum;
            wire signed [$clog2(RIGHT+1):0] right_sum;
            ${top}_signed_sum #(
                .TERMS(LEFT)
            ) left (
                .up(up[LEFT-1:0]),
                .down(down[LEFT-1:0]),
                .sum(left_sum)
            );
            ${top}_signed_sum #(
                .TERMS(RIGHT)
            ) right (
                .up(up[TERMS-1:LEFT]),
                .down(down[TERMS-1:LEFT]),
                .sum(right_sum)
            );
            // Both operands signed: sign-extended to the (wider or equal) width of sum.
            assign sum = left_sum + right_sum;
        end
    endgenerate
endmodule
