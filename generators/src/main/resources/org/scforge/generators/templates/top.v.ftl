<#include "header.ftl">
`timescale 1ns / 1ps
// Network '${top}': ${summary}
<#if folded>
// Frame timing (docs/semantics.md sections 1 and 1.1, docs/rtl.md), folded: the design advances in
// windows of T = ${windowCycles} cycles (window_cycle 0 .. ${windowCycles - 1}); start latches codes and resets every
// source, neuron and step counter; window w is edges start+w*T+1 .. start+(w+1)*T; layer l (1-based,
// ${layers?size} layers) performs step t in window t+l-1 and shows its new spikes at the window's end;
// sources advance once per window; done and class_out rise at edge (L+D-1)*T+1 = ${doneEdge}.
<#else>
// Frame timing (docs/semantics.md section 1, docs/rtl.md): start latches codes and resets every
// source, neuron and step counter; layer l (1-based, ${layers?size} layers) performs step t at edge
// start+t+l; done and class_out rise at edge L+D = ${length + layers?size} after the start edge.
</#if>
// Input i is codes[i*${inputBits} +: ${inputBits}]<#if signedInputs> (sign in the top bit, 1 = negative)</#if>;
// readout count j is counts[j*${countBits} +: ${countBits}], two's complement.
<#if learns>
// Learning (docs/rtl.md, "Learning layers"): learn is sampled with start and decides whether the frame
// learns; <layer>_weights holds the learning layer's weight codes, the model file's after rst, kept across start.
</#if>
module ${top} (
    input  wire                          clk,
    input  wire                          rst,
    input  wire                          start,
    input  wire [${inputs * inputBits - 1}:0] codes,
<#if learns>
    input  wire                          learn,
</#if>
<#list layers as l>
<#if l.addressBits gt 0>
    input  wire [${l.addressBits - 1}:0]   ${l.name}_weights_address,
</#if>
</#list>
    output reg                           busy,
    output reg                           done,
    output wire [${classes * countBits - 1}:0] counts,
<#list traced as l>
    output wire [${l.neurons - 1}:0] ${l.name}_spikes,
<#if !l.pool>
    output wire [${l.neurons * l.stateBits - 1}:0] ${l.name}_membrane,
</#if>
</#list>
<#list layers as l>
<#if l.weightsBits gt 0>
    output wire [${l.weightsBits - 1}:0] ${l.name}_weights<#if l.addressBits gt 0>_words</#if>,
</#if>
</#list>
<#list layers as l>
<#if l.offsetsBits gt 0>
    output wire [${l.offsetsBits - 1}:0] ${l.name}_offsets,
</#if>
</#list>
    output reg  [${classBits - 1}:0]    class_out
);
    localparam [${stepBits - 1}:0] LAST_STEP = ${stepBits}'d${length - 1};
<#if folded>
    localparam [${windowBits - 1}:0] LAST_CYCLE = ${windowBits}'d${windowCycles - 1};
</#if>
    localparam [${inputs * inputComparedBits - 1}:0] INPUT_MASK = ${inputMask};

    reg  [${inputs * inputBits - 1}:0] codes_latched;
<#if learns>
    // learning: the frame's learn, latched with the codes
    reg learning;
</#if>
<#if folded>
    // frame_step: steps layer 1 has performed; frame_stage[l-1]: layer l performs a step in the
    // current window; frame_stage[${layers?size}] marks the window after the last layer's last step (done).
<#else>
    // frame_step: steps layer 1 has performed; frame_stage[l-1]: layer l performs a step at the next
    // edge; frame_stage[${layers?size}] marks the edge after the last layer's last step (done).
</#if>
    reg  [${stepBits - 1}:0] frame_step;
    reg  [${layers?size}:0] frame_stage;
    wire [${classBits - 1}:0] predicted_class;
<#if folded>
    // window_cycle: the cycle within the window; layer steps, source steps and frame_stage move at
    // the window's last cycle.
    reg  [${windowBits - 1}:0] window_cycle;
    wire window_last = window_cycle == LAST_CYCLE;
</#if>

<#if folded>
    always @(posedge clk) begin
        if (rst || start || window_last) begin
            window_cycle <= {${windowBits}{1'b0}};
        end else begin
            window_cycle <= window_cycle + ${windowBits}'d1;
        end
    end

</#if>
    always @(posedge clk) begin
        if (rst) begin
            codes_latched <= {${inputs * inputBits}{1'b0}};
<#if learns>
            learning <= 1'b0;
</#if>
            frame_step <= {${stepBits}{1'b0}};
            frame_stage <= {${layers?size + 1}{1'b0}};
            busy <= 1'b0;
            done <= 1'b0;
            class_out <= {${classBits}{1'b0}};
        end else if (start) begin
            codes_latched <= codes;
<#if learns>
            learning <= learn;
</#if>
            frame_step <= {${stepBits}{1'b0}};
            frame_stage <= {{${layers?size}{1'b0}}, 1'b1};
            busy <= 1'b1;
            done <= 1'b0;
            class_out <= {${classBits}{1'b0}};
<#if folded>
        end else begin
            if (window_last) begin
                frame_stage <= {frame_stage[${layers?size - 1}:0], frame_stage[0] && frame_step != LAST_STEP};
                if (frame_stage[0]) begin
                    frame_step <= frame_step + ${stepBits}'d1;
                end
            end
            // true during the whole window after the last layer's last one; it takes effect at its first edge
<#else>
        end else begin
            frame_stage <= {frame_stage[${layers?size - 1}:0], frame_stage[0] && frame_step != LAST_STEP};
            if (frame_stage[0]) begin
                frame_step <= frame_step + ${stepBits}'d1;
            end
</#if>
            if (frame_stage[${layers?size}] && !frame_stage[${layers?size - 1}]) begin
                busy <= 1'b0;
                done <= 1'b1;
                class_out <= predicted_class;
            end
        end
    end

<#if adaptive>
    // the end of a frame with learning high: the edge at which done rises, after the last layer's last step;
    // the threshold offsets of homeostasis decay there (docs/rtl.md, "Learning layers")
<#if folded>
    // (folded: frame_stage holds for the whole window after the last step; done is still low at its first edge only)
    wire learning_frame_ends = learning && !start && !done && frame_stage[${layers?size}] && !frame_stage[${layers?size - 1}];
<#else>
    wire learning_frame_ends = learning && !start && frame_stage[${layers?size}] && !frame_stage[${layers?size - 1}];
</#if>

</#if>
    // ---- number sources: one instance per consumer, each advancing only while its consumer steps
<#list sourceInstances as s>
    /* verilator lint_off UNUSED */
    wire [${s.width - 1}:0] ${s.instance}_value;
    /* verilator lint_on UNUSED */
    ${top}_${s.kind} #(
<#list s.parameters as p>
        .${p}<#sep>,</#sep>
</#list>
    ) ${s.instance} (
        .clk(clk),
        .rst(rst),
        .clear(start),
        .enable(${s.enable}),
        .value(${s.instance}_value)
    );
</#list>

<#if offsetInputs>
    // ---- input SNGs of the xnor layer ${layers[0].name} (docs/semantics.md section 5.2): the offset code
    // c_i + ${inputOffset} carries the sign in the stream: x_i = (c_i + ${inputOffset}) > (top ${inputComparedBits} bits of ${inputSource} ^ INPUT_MASK[i])
    wire [${inputs - 1}:0] input_stream;
    genvar i;
    generate
        for (i = 0; i < ${inputs}; i = i + 1) begin : input_sng
            // sign-magnitude to offset: ${inputOffset} + |c| when positive, ${inputOffset} - |c| when negative
            wire [${inputMagnitudeBits}:0] magnitude = {1'b0, codes_latched[i*${inputBits} +: ${inputMagnitudeBits}]};
            wire [${inputMagnitudeBits}:0] offset_code = codes_latched[i*${inputBits} + ${inputMagnitudeBits}]
                ? ${inputComparedBits}'d${inputOffset} - magnitude : ${inputComparedBits}'d${inputOffset} + magnitude;
            assign input_stream[i] = offset_code
                > (${inputSource}_value[${inputSourceWidth - 1}:${inputSourceWidth - inputComparedBits}] ^ INPUT_MASK[i*${inputComparedBits} +: ${inputComparedBits}]);
<#else>
    // ---- input SNGs: x_i = |code_i| > (top ${inputMagnitudeBits} bits of ${inputSource} ^ INPUT_MASK[i])
    wire [${inputs - 1}:0] input_stream;
<#if signedInputs>
    wire [${inputs - 1}:0] input_negative;
</#if>
    genvar i;
    generate
        for (i = 0; i < ${inputs}; i = i + 1) begin : input_sng
<#if signedInputs>
            assign input_negative[i] = codes_latched[i*${inputBits} + ${inputMagnitudeBits}];
</#if>
            assign input_stream[i] = codes_latched[i*${inputBits} +: ${inputMagnitudeBits}]
                > (${inputSource}_value[${inputSourceWidth - 1}:${inputSourceWidth - inputMagnitudeBits}] ^ INPUT_MASK[i*${inputMagnitudeBits} +: ${inputMagnitudeBits}]);
</#if>
        end
    endgenerate

    // ---- layers
<#list layers as l>
<#if l.pool>
<#if !traceOutputs>
    wire [${l.neurons - 1}:0] ${l.name}_spikes;
</#if>
    ${l.module} ${l.name} (
        .clk(clk),
        .rst(rst),
        .clear(start),
        .enable(frame_stage[${l.index}]),
<#if folded>
        .window_last(window_last),
</#if>
        .x(${l.inputs}),
        .spikes(${l.name}_spikes)
    );
<#continue>
</#if>
<#if l.integrateAndFire>
<#if !traceOutputs>
    wire [${l.neurons - 1}:0] ${l.name}_spikes;
    /* verilator lint_off UNUSED */
    wire [${l.neurons * l.stateBits - 1}:0] ${l.name}_membrane;
    /* verilator lint_on UNUSED */
</#if>
</#if>
    ${l.module} ${l.name} (
        .clk(clk),
        .rst(rst),
        .clear(start),
        .enable(frame_stage[${l.index}]),
<#if folded>
        .window_cycle(window_cycle),
<#if l.windowLast>
        .window_last(window_last),
</#if>
</#if>
        .x(${l.inputs}),
<#if l.signedInputs>
        .x_negative(input_negative),
</#if>
        .number(${l.sourceInstance}_value[${l.sourceWidth - 1}:${l.sourceWidth - l.numberBits}]),
<#if l.weightsBits gt 0>
        .learning(learning),
<#if l.offsetsBits gt 0>
        .learning_frame_ends(learning_frame_ends),
</#if>
        .learn_number(${l.learnNumber}),
<#if l.addressBits gt 0>
        .busy(busy),
        .weights_address(${l.name}_weights_address),
        .weights_words(${l.name}_weights_words),
<#else>
        .weights(${l.name}_weights),
</#if>
<#if l.offsetsBits gt 0>
        .offsets(${l.name}_offsets),
</#if>
</#if>
<#if l.integrateAndFire>
        .spikes(${l.name}_spikes),
        .state(${l.name}_membrane)
<#else>
        .state(counts)
</#if>
    );
</#list>

    ${top}_argmax #(
        .CLASSES(${classes}),
        .BITS(${countBits}),
        .INDEX_BITS(${classBits}),
        .STAGES(${argmaxStages})
    ) argmax (
        .clk(clk),
        .counts(counts),
        .index(predicted_class)
    );
endmodule
