<#include "header.ftl">
`timescale 1ns / 1ps
// Self-checking Icarus test bench: for every frame of vectors.hex (expected values from the golden
// model) it drives start, waits for done, checks that done rose exactly ${latencyFormula} = ${latency} edges after
// the start edge, and compares every readout count and the class. It stops with $fatal at the first
// difference and ends with "PASS: <frames> frames, <values> values compared".
module tb_${top};
    localparam FRAMES = ${frames};
    localparam LATENCY = ${latency};
    localparam CODE_WIDTH = ${codeWidth};
    localparam COUNT_BITS = ${countBits};
    localparam CLASSES = ${classes};
    localparam CLASS_BITS = ${classBits};
    localparam VECTOR_BITS = CLASS_BITS + CLASSES * COUNT_BITS + CODE_WIDTH;

    reg clk = 1'b0;
    reg rst = 1'b1;
    reg start = 1'b0;
    reg [CODE_WIDTH-1:0] codes = {CODE_WIDTH{1'b0}};
    wire busy;
    wire done;
    wire [CLASSES*COUNT_BITS-1:0] counts;
    wire [CLASS_BITS-1:0] class_out;
<#list tracePorts as p>
    wire [${p.width - 1}:0] ${p.name};
</#list>

    ${top} dut (
        .clk(clk),
        .rst(rst),
        .start(start),
        .codes(codes),
        .busy(busy),
        .done(done),
        .counts(counts),
<#list tracePorts as p>
        .${p.name}(${p.name}),
</#list>
        .class_out(class_out)
    );

    always #5 clk = ~clk;

    reg [VECTOR_BITS-1:0] vectors [0:FRAMES-1];
    reg [VECTOR_BITS-1:0] vector;
    reg signed [COUNT_BITS-1:0] expected;
    reg signed [COUNT_BITS-1:0] got;
    reg [CLASS_BITS-1:0] expected_class;
    integer frame;
    integer j;
    integer cycles;
    integer compared;

    initial begin
        $readmemh("vectors.hex", vectors);
        compared = 0;
        repeat (2) @(negedge clk);
        rst = 1'b0;
        for (frame = 0; frame < FRAMES; frame = frame + 1) begin
            vector = vectors[frame];
            codes = vector[CODE_WIDTH-1:0];
            start = 1'b1;
            @(negedge clk);
            start = 1'b0;
            cycles = 0;
            while (!done) begin
                if (cycles >= LATENCY) begin
                    $fatal(1, "frame %0d: done did not rise within %0d edges of start", frame, LATENCY);
                end
                @(negedge clk);
                cycles = cycles + 1;
            end
            if (cycles != LATENCY) begin
                $fatal(1, "frame %0d: done rose %0d edges after start, expected %0d", frame, cycles, LATENCY);
            end
            for (j = 0; j < CLASSES; j = j + 1) begin
                expected = vector[CODE_WIDTH + j*COUNT_BITS +: COUNT_BITS];
                got = counts[j*COUNT_BITS +: COUNT_BITS];
                if (got !== expected) begin
                    $fatal(1, "frame %0d, ${readout}_neuron_%0d: expected %0d, got %0d", frame, j, expected, got);
                end
                compared = compared + 1;
            end
            expected_class = vector[VECTOR_BITS-1 -: CLASS_BITS];
            if (class_out !== expected_class) begin
                $fatal(1, "frame %0d, class_out: expected %0d, got %0d", frame, expected_class, class_out);
            end
            compared = compared + 1;
        end
        $display("PASS: %0d frames, %0d values compared", FRAMES, compared);
        $finish;
    end
endmodule
