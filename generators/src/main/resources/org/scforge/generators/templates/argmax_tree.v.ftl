<#include "header.ftl">
`timescale 1ns / 1ps
// The largest of CLASSES counts and its index, ties to the lowest index (docs/semantics.md
// section 7). The counts are classes FIRST .. FIRST+CLASSES-1; count k is at [k*BITS +: BITS],
// two's complement. Built by recursion on the halves: the left half holds the lower indices and
// each half already returns its lowest-index maximum, so the right half wins only when strictly
// greater; that keeps ties to the lowest index overall, as the golden model's scan does.
// STAGES > 0 registers the result of this node and of the STAGES - 1 levels below it: the result
// comes STAGES edges after the counts, and the combinational depth shrinks to the levels between
// registers. Every path from the root to a leaf passes STAGES registers as long as STAGES is at
// most floor(log2(CLASSES)) (the shallowest leaf's depth), which ${top}_argmax's caller ensures.
// CLASSES defaults to 1 (a leaf) because Verilator does not expand a recursive module that is
// itself the top; ${top}_argmax always sets it.
module ${top}_argmax_tree #(
    parameter CLASSES = 1,
    parameter BITS = 5,
    parameter INDEX_BITS = 1,
    parameter integer FIRST = 0,
    parameter integer STAGES = 0
) (
    /* verilator lint_off UNUSED */
    input  wire                     clk,    // unused when STAGES = 0
    /* verilator lint_on UNUSED */
    input  wire [CLASSES*BITS-1:0]  counts,
    output wire signed [BITS-1:0]   best_count,
    output wire [INDEX_BITS-1:0]    best_index
);
    generate
        if (CLASSES == 1) begin : leaf
            localparam [INDEX_BITS-1:0] INDEX = FIRST[INDEX_BITS-1:0];
            assign best_count = counts;
            assign best_index = INDEX;
        end else begin : pair
            localparam LEFT = CLASSES / 2;
            localparam RIGHT = CLASSES - LEFT;
            localparam integer BELOW = STAGES > 0 ? STAGES - 1 : 0;
            wire signed [BITS-1:0]  left_count;
            wire signed [BITS-1:0]  right_count;
            wire [INDEX_BITS-1:0]   left_index;
            wire [INDEX_BITS-1:0]   right_index;
            ${top}_argmax_tree #(
                .CLASSES(LEFT),
                .BITS(BITS),
                .INDEX_BITS(INDEX_BITS),
                .FIRST(FIRST),
                .STAGES(BELOW)
            ) left (
                .clk(clk),
                .counts(counts[LEFT*BITS-1:0]),
                .best_count(left_count),
                .best_index(left_index)
            );
            ${top}_argmax_tree #(
                .CLASSES(RIGHT),
                .BITS(BITS),
                .INDEX_BITS(INDEX_BITS),
                .FIRST(FIRST + LEFT),
                .STAGES(BELOW)
            ) right (
                .clk(clk),
                .counts(counts[CLASSES*BITS-1:LEFT*BITS]),
                .best_count(right_count),
                .best_index(right_index)
            );
            wire right_wins = right_count > left_count;
            wire signed [BITS-1:0] pair_count = right_wins ? right_count : left_count;
            wire [INDEX_BITS-1:0]  pair_index = right_wins ? right_index : left_index;
            if (STAGES > 0) begin : registered
                reg signed [BITS-1:0] count_q;
                reg [INDEX_BITS-1:0]  index_q;
                always @(posedge clk) begin
                    count_q <= pair_count;
                    index_q <= pair_index;
                end
                assign best_count = count_q;
                assign best_index = index_q;
            end else begin : combinational
                assign best_count = pair_count;
                assign best_index = pair_index;
            end
        end
    endgenerate
endmodule
