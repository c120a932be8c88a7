<#include "header.ftl">
`timescale 1ns / 1ps
// Fibonacci LFSR (docs/semantics.md section 3): each step shifts left and the XOR of the tapped bits
// (TAP_MASK bit tap-1 set for every tap) enters bit 0. clear loads SEED, the frame-start state;
// enable advances one step; rst clears the register to 0.
module ${top}_lfsr #(
    parameter WIDTH = 3,
    parameter [WIDTH-1:0] TAP_MASK = 3'b110,
    parameter [WIDTH-1:0] SEED = 3'd1
) (
    input  wire             clk,
    input  wire             rst,
    input  wire             clear,
    input  wire             enable,
    output reg  [WIDTH-1:0] value
);
    wire feedback = ^(value & TAP_MASK);

    always @(posedge clk) begin
        if (rst) begin
            value <= {WIDTH{1'b0}};
        end else if (clear) begin
            value <= SEED;
        end else if (enable) begin
            value <= {value[WIDTH-2:0], feedback};
        end
    end
endmodule
