<#include "header.ftl">
`timescale 1ns / 1ps
// Stochastic number generator comparator (docs/semantics.md section 4): the stream bit is
// magnitude > (number ^ MASK), where number is the top BITS bits of the source and MASK the
// plan's constant digital shift.
module ${top}_sng #(
    parameter BITS = 3,
    parameter [BITS-1:0] MASK = 3'd0
) (
    input  wire [BITS-1:0] magnitude,
    input  wire [BITS-1:0] number,
    output wire            fires
);
    assign fires = magnitude > (number ^ MASK);
endmodule
