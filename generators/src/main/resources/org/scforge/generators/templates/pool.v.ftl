<#include "header.ftl">
`timescale 1ns / 1ps
<#assign p = pool>
// Pool layer '${p.name}' (docs/semantics.md section 11.5, docs/rtl.md "Conv and pool layers"): OR of spikes over
// ${p.window}x${p.window} windows every ${p.stride} pixels of the ${p.input} image of the previous layer's spikes, giving ${p.output}.
// Output j = (oy * Wo + ox) * C + c; no weights, no source, no state: at the edge at which the layer performs
// a step (enable<#if p.windowed>, at window_last</#if>) spikes[j] latches the OR of its window's input spikes.
module ${p.module} (
    input  wire                          clk,
    input  wire                          rst,
    input  wire                          clear,
    input  wire                          enable,
<#if p.windowed>
    input  wire                          window_last,
</#if>
    // a stride larger than the window, or a last window short of the edge, leaves spikes unread
    /* verilator lint_off UNUSED */
    input  wire [${p.inputs - 1}:0]   x,
    /* verilator lint_on UNUSED */
    output reg  [${p.neurons - 1}:0] spikes
);
    always @(posedge clk) begin
        if (rst || clear) begin
            spikes <= {${p.neurons}{1'b0}};
        end else if (enable<#if p.windowed> && window_last</#if>) begin
<#list p.outputs as o>
            spikes[${o.index}] <= |${o.taps};
</#list>
        end
    end
endmodule
