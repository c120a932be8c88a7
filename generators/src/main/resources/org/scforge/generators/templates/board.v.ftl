<#include "header.ftl">
`timescale 1ns / 1ps
// Board wrapper for synthesis: the network's wide codes and counts ports cannot all be pins, so the
// input codes of the first test frame are a constant here (held by the network's code register
// at start) and only clk, rst, start, done and class_out (${boardClassBits} bits, zero-extended or
// truncated) reach pins. Area note: code bits that are 0 in this frame are constant and synthesis
// removes their registers, so the input SNG figures are slightly optimistic (docs/rtl.md).
<#if heldInputs?has_content>
// A learning network learns in every frame after the first start (learn held at 1) and reads no
// weights back (addresses held at 0): its learned-word RAMs stay, only the readback select goes.
</#if>
module ${top}_board (
    input  wire       clk,
    input  wire       rst,
    input  wire       start,
    output wire       done,
    output wire [${boardClassBits - 1}:0] class_out
);
    localparam [${codeWidth - 1}:0] FIRST_FRAME_CODES = ${firstFrame};

    /* verilator lint_off UNUSED */
    wire [${classBits - 1}:0] network_class;
<#list unusedOutputs as p>
    wire [${p.width - 1}:0] ${p.name};
</#list>
    /* verilator lint_on UNUSED */

    ${top} network (
        .clk(clk),
        .rst(rst),
        .start(start),
        .codes(FIRST_FRAME_CODES),
<#list heldInputs as p>
        .${p.name}(${p.value}),
</#list>
<#list unusedOutputs as p>
        .${p.name}(${p.name}),
</#list>
        .done(done),
        .class_out(network_class)
    );
<#if classBits < boardClassBits>
    assign class_out = {${boardClassBits - classBits}'d0, network_class};
<#elseif classBits == boardClassBits>
    assign class_out = network_class;
<#else>
    assign class_out = network_class[${boardClassBits - 1}:0];
</#if>
endmodule
