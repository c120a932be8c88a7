<#include "header.ftl">
`timescale 1ns / 1ps
// The network '${top}' behind a UART, for the ${boardName} (${clockMhz} MHz clock, ${baud?c} baud:
// ${clocksPerBit?c} clocks per bit). Protocol, byte by byte, in docs/rtl.md ("Board top"):
//   request  a5, the ${codeBytes} bytes of the codes port (least significant first), their sum mod 256
//   reply    5a, class, the ${countBytes} bytes of the counts port, 4 bytes of cycles (start edge to done), sum
//            mod 256 of the bytes after 5a; or ee and an error code (1 checksum, 2 short frame,
//            3 unexpected byte, 4 framing error, 5 code bits past the codes port)
// After an error the line is ignored until it has been quiet for QUIET_CYCLES.
module ${top}_uart_top (
    input  wire       clk,
    input  wire       reset_button_n,
    input  wire       uart_rx,
    output wire       uart_tx,
    output reg  [3:0] led_class,
    output reg        led_error
);
    localparam [7:0] REQUEST_START = 8'ha5;
    localparam [7:0] RESULT_START = 8'h5a;
    localparam [7:0] ERROR_START = 8'hee;
    localparam [7:0] ERROR_CHECKSUM = 8'd1;
    localparam [7:0] ERROR_SHORT_FRAME = 8'd2;
    localparam [7:0] ERROR_UNEXPECTED_BYTE = 8'd3;
    localparam [7:0] ERROR_FRAMING = 8'd4;
    localparam [7:0] ERROR_CODE_RANGE = 8'd5;
    localparam CODE_BITS = ${codeBits?c};                 // the network's codes port
    localparam [${indexBits - 1}:0] CODE_BYTES = ${indexBits}'d${codeBytes?c};
    localparam [${indexBits - 1}:0] RESULT_LAST = ${indexBits}'d${(countBytes + 6)?c};   // index of the result's checksum byte
    localparam [${quietBits - 1}:0] QUIET_CYCLES = ${quietBits}'d${quietCycles?c};  // 128 byte times

    localparam [2:0] WAIT_REQUEST = 3'd0;  // waiting for a5
    localparam [2:0] RECEIVE = 3'd1;       // taking the code bytes and the checksum
    localparam [2:0] START = 3'd2;         // one cycle: start to the network
    localparam [2:0] RUN = 3'd3;           // counting cycles until done
    localparam [2:0] REPLY = 3'd4;         // sending the result
    localparam [2:0] ERROR_REPLY = 3'd5;   // sending ee
    localparam [2:0] ERROR_CODE = 3'd6;    // sending the error code
    localparam [2:0] DRAIN = 3'd7;         // after an error: waiting for QUIET_CYCLES of quiet

    // Reset: 15 cycles after power-on (every register starts at 0) and while the button is pressed.
    reg [3:0] power_on_count = 4'd0;
    reg       button_meta = 1'b0;
    reg       button_pressed = 1'b0;
    always @(posedge clk) begin
        button_meta <= !reset_button_n;
        button_pressed <= button_meta;
        if (power_on_count != 4'hf) begin
            power_on_count <= power_on_count + 4'd1;
        end
    end
    wire rst = power_on_count != 4'hf || button_pressed;

    wire       line_low;
    wire       byte_valid;
    wire [7:0] byte_data;
    wire       framing_error;
    ${top}_uart_rx #(.CLOCKS_PER_BIT(${clocksPerBit?c})) receiver (
        .clk(clk),
        .rst(rst),
        .rx(uart_rx),
        .line_low(line_low),
        .byte_valid(byte_valid),
        .byte_data(byte_data),
        .framing_error(framing_error)
    );

    reg        send;
    reg  [7:0] send_data;
    wire       send_ready;
    ${top}_uart_tx #(.CLOCKS_PER_BIT(${clocksPerBit?c})) transmitter (
        .clk(clk),
        .rst(rst),
        .send(send),
        .data(send_data),
        .tx(uart_tx),
        .ready(send_ready)
    );

    // The code bytes enter at the top and move down a byte per byte received: after the last one, the
    // first is at the bottom, so request_codes is the codes port as the host packed it.
    reg  [${codeBytes * 8 - 1}:0] request_codes;
    reg  [7:0] request_sum;
    reg  [${indexBits - 1}:0] byte_index;
<#if codeBytes * 8 == codeBits>
    wire code_range_error = 1'b0;        // the code bytes hold no bits past the codes port
<#else>
    wire code_range_error = |request_codes[${codeBytes * 8 - 1}:CODE_BITS];
</#if>

    wire network_start;
    /* verilator lint_off UNUSED */
    wire network_busy;
    wire [${classBits - 1}:0] network_class;
    /* verilator lint_on UNUSED */
    wire network_done;
    wire [${countsBits - 1}:0] network_counts;
    ${top} network (
        .clk(clk),
        .rst(rst),
        .start(network_start),
        .codes(request_codes[CODE_BITS - 1:0]),
        .busy(network_busy),
        .done(network_done),
        .counts(network_counts),
        .class_out(network_class)
    );

    reg  [2:0]  state;
    reg  [31:0] frame_cycles;
    reg  [7:0]  error_code;
    reg  [7:0]  reply_sum;
    reg  [${quietBits - 1}:0] quiet;   // cycles since the line was last 0, up to QUIET_CYCLES
    assign network_start = state == START;

    // The result's bytes after 5a, least significant first: class, counts, cycles.
    wire [${(countBytes + 5) * 8 - 1}:0] result_bytes = {frame_cycles, <#if countBytes * 8 != countsBits>${countBytes * 8 - countsBits}'d0, </#if>network_counts, <#if classBits < 8>${8 - classBits}'d0, </#if>network_class<#if classBits gt 8>[7:0]</#if>};
    wire [7:0] result_byte = byte_index == ${indexBits}'d0 ? RESULT_START
            : byte_index == RESULT_LAST ? reply_sum
            : result_bytes[(byte_index - ${indexBits}'d1) * 8 +: 8];

    always @(posedge clk) begin
        send <= 1'b0;
        if (rst) begin
            state <= WAIT_REQUEST;
            request_codes <= ${codeBytes * 8}'d0;
            request_sum <= 8'd0;
            byte_index <= ${indexBits}'d0;
            frame_cycles <= 32'd0;
            error_code <= 8'd0;
            reply_sum <= 8'd0;
            send_data <= 8'd0;
            quiet <= ${quietBits}'d0;
            led_class <= 4'd0;
            led_error <= 1'b0;
        end else begin
            if (line_low) begin
                quiet <= ${quietBits}'d0;
            end else if (quiet != QUIET_CYCLES) begin
                quiet <= quiet + ${quietBits}'d1;
            end
            case (state)
                WAIT_REQUEST: begin
                    if (framing_error) begin
                        error_code <= ERROR_FRAMING;
                        state <= ERROR_REPLY;
                    end else if (byte_valid) begin
                        if (byte_data == REQUEST_START) begin
                            byte_index <= ${indexBits}'d0;
                            request_sum <= 8'd0;
                            state <= RECEIVE;
                        end else begin
                            error_code <= ERROR_UNEXPECTED_BYTE;
                            state <= ERROR_REPLY;
                        end
                    end
                end
                RECEIVE: begin
                    if (framing_error) begin
                        error_code <= ERROR_FRAMING;
                        state <= ERROR_REPLY;
                    end else if (byte_valid) begin
                        if (byte_index != CODE_BYTES) begin
<#if codeBytes == 1>
                            request_codes <= byte_data;
<#else>
                            request_codes <= {byte_data, request_codes[${codeBytes * 8 - 1}:8]};
</#if>
                            request_sum <= request_sum + byte_data;
                            byte_index <= byte_index + ${indexBits}'d1;
                        end else if (byte_data != request_sum) begin
                            error_code <= ERROR_CHECKSUM;
                            state <= ERROR_REPLY;
                        end else if (code_range_error) begin
                            error_code <= ERROR_CODE_RANGE;
                            state <= ERROR_REPLY;
                        end else begin
                            state <= START;
                        end
                    end else if (quiet == QUIET_CYCLES) begin
                        error_code <= ERROR_SHORT_FRAME;
                        state <= ERROR_REPLY;
                    end
                end
                START: begin
                    // the network samples start at this edge: edge 0 of the frame
                    frame_cycles <= 32'd0;
                    state <= RUN;
                end
                RUN: begin
                    if (network_done) begin
                        byte_index <= ${indexBits}'d0;
                        reply_sum <= 8'd0;
                        led_class <= <#if classBits gte 4>network_class[3:0]<#else>{${4 - classBits}'d0, network_class}</#if>;
                        led_error <= 1'b0;
                        state <= REPLY;
                    end else begin
                        frame_cycles <= frame_cycles + 32'd1;
                    end
                end
                REPLY: begin
                    if (send_ready && !send) begin
                        send <= 1'b1;
                        send_data <= result_byte;
                        if (byte_index != ${indexBits}'d0) begin
                            reply_sum <= reply_sum + result_byte;
                        end
                        byte_index <= byte_index + ${indexBits}'d1;
                        if (byte_index == RESULT_LAST) begin
                            state <= WAIT_REQUEST;
                        end
                    end
                end
                ERROR_REPLY: begin
                    if (send_ready && !send) begin
                        send <= 1'b1;
                        send_data <= ERROR_START;
                        led_error <= 1'b1;
                        state <= ERROR_CODE;
                    end
                end
                ERROR_CODE: begin
                    if (send_ready && !send) begin
                        send <= 1'b1;
                        send_data <= error_code;
                        state <= DRAIN;
                    end
                end
                default: begin  // DRAIN
                    if (quiet == QUIET_CYCLES) begin
                        state <= WAIT_REQUEST;
                    end
                end
            endcase
        end
    end
endmodule
