<#include "header.ftl">
`timescale 1ns / 1ps
// Readout counter (docs/semantics.md section 6): count = count + sum at every enabled edge, no
// saturation; COUNT_BITS (from Widths) holds -(F+1)L .. (F+1)L exactly. clear and rst zero it.
module ${top}_counter #(
    parameter SUM_BITS = 3,
    parameter COUNT_BITS = 5
) (
    input  wire                         clk,
    input  wire                         rst,
    input  wire                         clear,
    input  wire                         enable,
    input  wire signed [SUM_BITS-1:0]   sum,
    output reg  signed [COUNT_BITS-1:0] count
);
    wire signed [COUNT_BITS-1:0] s;
    generate
        if (COUNT_BITS > SUM_BITS) begin : extend_sum
            assign s = {{(COUNT_BITS-SUM_BITS){sum[SUM_BITS-1]}}, sum};
        end else begin : same_sum
            assign s = sum;
        end
    endgenerate

    always @(posedge clk) begin
        if (rst || clear) begin
            count <= {COUNT_BITS{1'b0}};
        end else if (enable) begin
            count <= count + s;
        end
    end
endmodule
