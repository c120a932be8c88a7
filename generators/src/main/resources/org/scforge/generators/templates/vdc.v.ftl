<#include "header.ftl">
`timescale 1ns / 1ps
// Van der Corput source, base 2 (docs/semantics.md section 3): step t yields the bit reversal of
// t mod 2^WIDTH. clear restarts at step 0; enable advances one step; rst clears to 0.
module ${top}_vdc #(
    parameter WIDTH = 3
) (
    input  wire             clk,
    input  wire             rst,
    input  wire             clear,
    input  wire             enable,
    output wire [WIDTH-1:0] value
);
    localparam [WIDTH-1:0] ONE = 1;
    reg [WIDTH-1:0] step;

    always @(posedge clk) begin
        if (rst || clear) begin
            step <= {WIDTH{1'b0}};
        end else if (enable) begin
            step <= step + ONE;
        end
    end

    genvar i;
    generate
        for (i = 0; i < WIDTH; i = i + 1) begin : reverse
            assign value[i] = step[WIDTH-1-i];
        end
    endgenerate
endmodule
