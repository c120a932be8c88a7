<#include "header.ftl">
`timescale 1ns / 1ps
// Argmax of the readout counts (docs/semantics.md section 7), ties to the lowest index: a chain
// that replaces the best so far only by a strictly greater count. Count k is at [k*BITS +: BITS],
// two's complement.
module ${top}_argmax #(
    parameter CLASSES = 2,
    parameter BITS = 5,
    parameter INDEX_BITS = 1
) (
    input  wire [CLASSES*BITS-1:0] counts,
    output wire [INDEX_BITS-1:0]   index
);
    // split_var: each element is its own signal to Verilator, so the chain is not a false loop.
    // The last best count is never read (and with one class no count is compared at all).
    /* verilator lint_off UNUSED */
    wire signed [BITS-1:0] best_count [0:CLASSES-1] /* verilator split_var */;
    /* verilator lint_on UNUSED */
    wire [INDEX_BITS-1:0]  best_index [0:CLASSES-1] /* verilator split_var */;

    assign best_count[0] = counts[0 +: BITS];
    assign best_index[0] = {INDEX_BITS{1'b0}};
    genvar k;
    generate
        for (k = 1; k < CLASSES; k = k + 1) begin : compare
            localparam [INDEX_BITS-1:0] K = k;
            wire signed [BITS-1:0] count = counts[k*BITS +: BITS];
            wire greater = count > best_count[k-1];
            assign best_count[k] = greater ? count : best_count[k-1];
            assign best_index[k] = greater ? K : best_index[k-1];
        end
    endgenerate
    assign index = best_index[CLASSES-1];
endmodule
