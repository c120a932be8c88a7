<#include "header.ftl">
`timescale 1ns / 1ps
// One step of a readout counter (docs/semantics.md section 6) without registers, for a lane of a
// layer, whose counts live in the layer: next_count = count + sum, no saturation; COUNT_BITS
// (from Widths) holds -(F+1)L .. (F+1)L exactly.
module ${top}_count_update #(
    parameter SUM_BITS = 3,
    parameter COUNT_BITS = 5
) (
    input  wire signed [COUNT_BITS-1:0] count,
    input  wire signed [SUM_BITS-1:0]   sum,
    output wire signed [COUNT_BITS-1:0] next_count
);
    wire signed [COUNT_BITS-1:0] s;
    generate
        if (COUNT_BITS > SUM_BITS) begin : extend_sum
            assign s = {{(COUNT_BITS-SUM_BITS){sum[SUM_BITS-1]}}, sum};
        end else begin : same_sum
            assign s = sum;
        end
    endgenerate

    assign next_count = count + s;
endmodule
