<#include "header.ftl">
`timescale 1ns / 1ps
// Sobol source, one dimension, Gray-code order (docs/semantics.md section 3): value(0) = 0 and
// value(t+1) = value(t) ^ v[c], c the position of the lowest zero bit of s = t mod 2^WIDTH, or
// WIDTH-1 when s is all ones. DIRECTIONS holds v[i] at [i*WIDTH +: WIDTH].
module ${top}_sobol #(
    parameter WIDTH = 3,
    parameter [WIDTH*WIDTH-1:0] DIRECTIONS = 9'b101_110_100
) (
    input  wire             clk,
    input  wire             rst,
    input  wire             clear,
    input  wire             enable,
    output reg  [WIDTH-1:0] value
);
    localparam [WIDTH-1:0] ONE = 1;
    reg [WIDTH-1:0] step;
    // ones_below[i]: bits 0..i-1 of step are all 1, so bit i is the lowest zero if it is 0.
    // split_var: each element is its own signal to Verilator, so the chain is not a false loop.
    wire [WIDTH:0] ones_below /* verilator split_var */;
    wire [WIDTH-1:0] chosen [0:WIDTH] /* verilator split_var */;

    assign ones_below[0] = 1'b1;
    assign chosen[0] = {WIDTH{1'b0}};
    genvar i;
    generate
        for (i = 0; i < WIDTH; i = i + 1) begin : lowest_zero
            assign ones_below[i+1] = ones_below[i] & step[i];
            assign chosen[i+1] = chosen[i] | ({WIDTH{ones_below[i] & ~step[i]}} & DIRECTIONS[i*WIDTH +: WIDTH]);
        end
    endgenerate
    wire [WIDTH-1:0] direction = chosen[WIDTH] | ({WIDTH{ones_below[WIDTH]}} & DIRECTIONS[(WIDTH-1)*WIDTH +: WIDTH]);

    always @(posedge clk) begin
        if (rst || clear) begin
            step <= {WIDTH{1'b0}};
            value <= {WIDTH{1'b0}};
        end else if (enable) begin
            step <= step + ONE;
            value <= value ^ direction;
        end
    end
endmodule
