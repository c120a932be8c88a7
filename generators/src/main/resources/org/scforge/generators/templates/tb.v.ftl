<#include "header.ftl">
`timescale 1ns / 1ps
// Self-checking Icarus test bench. Values: for every frame of vectors.hex (expected values from the
// golden model) it drives start (back to back: the next start is sampled at the edge after done rose),
// checks that done rose exactly ${latencyFormula} = ${latency} edges after the start edge with busy high until then,
// and compares every readout count and the class. Handshake (docs/rtl.md): done stays high and the
// results stay put until the next start; after rst every output is 0 and stays 0; a start in the middle
// of a frame restarts it (the result is the restarted frame's); rst in the middle of a frame stops it.
// It stops with $fatal at the first difference ("frame 3, ..." for values, "handshake (...): ..." for the
// handshake) and ends with "PASS: <frames> frames, <values> values compared, handshake checked".
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
<#list weightPorts as p>
    wire [${p.width - 1}:0] ${p.name};
</#list>

    ${top} dut (
        .clk(clk),
        .rst(rst),
        .start(start),
        .codes(codes),
<#if learns>
        .learn(1'b0),
</#if>
<#list readbackPorts as p>
        .${p.name}(${p.width}'d0),
</#list>
        .busy(busy),
        .done(done),
        .counts(counts),
<#list tracePorts as p>
        .${p.name}(${p.name}),
</#list>
<#list weightPorts as p>
        .${p.name}(${p.name}),
</#list>
        .class_out(class_out)
    );

    always #5 clk = ~clk;

    localparam HOLD = 3; // edges done must stay high without a start
    localparam MIDDLE = LATENCY / 2; // edges after a start edge at which the next start or rst comes

    reg [VECTOR_BITS-1:0] vectors [0:FRAMES-1];
    reg [VECTOR_BITS-1:0] vector;
    reg signed [COUNT_BITS-1:0] expected;
    reg signed [COUNT_BITS-1:0] got;
    reg [CLASS_BITS-1:0] expected_class;
    reg [8*40-1:0] phase; // "" in the value frames, else the handshake check under way
    reg handshake;
    integer frame;
    integer j;
    integer cycles;
    integer compared;

    // Starts frame `index` of vectors.hex at the next edge; checks busy at every edge until done, the done
    // edge and every value. `frame` names the frame in messages.
    task run_frame(input integer index);
        begin
            vector = vectors[index];
            codes = vector[CODE_WIDTH-1:0];
            start = 1'b1;
            @(negedge clk);
            start = 1'b0;
            cycles = 0;
            while (!done) begin
                if (busy !== 1'b1) begin
                    $fatal(1, "handshake (%0s): frame %0d: busy is %b %0d edges after start, before done", phase, frame, busy, cycles + 1);
                end
                if (cycles >= LATENCY) begin
                    $fatal(1, "frame %0d: done did not rise within %0d edges of start", frame, LATENCY);
                end
                @(negedge clk);
                cycles = cycles + 1;
            end
            if (cycles != LATENCY) begin
                $fatal(1, "frame %0d: done rose %0d edges after start, expected %0d", frame, cycles, LATENCY);
            end
            if (busy !== 1'b0) begin
                $fatal(1, "handshake (%0s): frame %0d: busy is %b at the done edge", phase, frame, busy);
            end
            check_results;
        end
    endtask

    // Every count and the class against `vector`.
    task check_results;
        begin
            for (j = 0; j < CLASSES; j = j + 1) begin
                expected = vector[CODE_WIDTH + j*COUNT_BITS +: COUNT_BITS];
                got = counts[j*COUNT_BITS +: COUNT_BITS];
                if (got !== expected) begin
                    if (handshake) begin
                        $fatal(1, "handshake (%0s): frame %0d, ${readout}_neuron_%0d: expected %0d, got %0d", phase, frame, j, expected, got);
                    end
                    $fatal(1, "frame %0d, ${readout}_neuron_%0d: expected %0d, got %0d", frame, j, expected, got);
                end
                compared = compared + 1;
            end
            expected_class = vector[VECTOR_BITS-1 -: CLASS_BITS];
            if (class_out !== expected_class) begin
                if (handshake) begin
                    $fatal(1, "handshake (%0s): frame %0d, class_out: expected %0d, got %0d", phase, frame, expected_class, class_out);
                end
                $fatal(1, "frame %0d, class_out: expected %0d, got %0d", frame, expected_class, class_out);
            end
            compared = compared + 1;
        end
    endtask

    // After rst: every output 0, for `edges` edges with start low.
    task check_idle(input integer edges);
        begin
            for (j = 0; j <= edges; j = j + 1) begin
                if (busy !== 1'b0 || done !== 1'b0 || class_out !== {CLASS_BITS{1'b0}} || counts !== {(CLASSES*COUNT_BITS){1'b0}}<#list tracePorts as p>
                        || ${p.name} !== {${p.width}{1'b0}}</#list>) begin
                    $fatal(1, "handshake (%0s): %0d edges after rst an output is not 0: busy %b, done %b, class_out %b, counts %h<#list tracePorts as p>, ${p.name} %h</#list>",
                           phase, j, busy, done, class_out, counts<#list tracePorts as p>, ${p.name}</#list>);
                end
                @(negedge clk);
            end
        end
    endtask

    initial begin
        $readmemh("vectors.hex", vectors);
        compared = 0;
        handshake = 1'b0;
        phase = "values";
        repeat (2) @(negedge clk);
        rst = 1'b0;
        for (frame = 0; frame < FRAMES; frame = frame + 1) begin
            run_frame(frame);
        end
        handshake = 1'b1;
        frame = FRAMES - 1;
        phase = "done is a level";
        for (j = 0; j < HOLD; j = j + 1) begin
            @(negedge clk);
            if (done !== 1'b1 || busy !== 1'b0) begin
                $fatal(1, "handshake (%0s): %0d edges after done without start: done %b, busy %b", phase, j + 1, done, busy);
            end
        end
        check_results;

        phase = "rst after a frame";
        rst = 1'b1;
        @(negedge clk);
        rst = 1'b0;
        check_idle(LATENCY + 1);

        phase = "start in the middle of a frame";
        frame = 0;
        vector = vectors[FRAMES - 1];
        codes = vector[CODE_WIDTH-1:0];
        start = 1'b1;
        @(negedge clk);
        start = 1'b0;
        repeat (MIDDLE) @(negedge clk);
        run_frame(0);

        phase = "rst in the middle of a frame";
        vector = vectors[FRAMES - 1];
        codes = vector[CODE_WIDTH-1:0];
        start = 1'b1;
        @(negedge clk);
        start = 1'b0;
        repeat (MIDDLE) @(negedge clk);
        rst = 1'b1;
        @(negedge clk);
        rst = 1'b0;
        check_idle(LATENCY + 1);
        phase = "a frame after rst in the middle of a frame";
        run_frame(0);

        $display("PASS: %0d frames, %0d values compared, handshake checked (busy, done level, rst, start and rst in the middle of a frame)",
                 FRAMES, compared - 3 * (CLASSES + 1));
        $finish;
    end
endmodule
