<#include "header.ftl">
`timescale 1ns / 1ps
// UART receiver, 8N1, least significant bit first (docs/rtl.md, "Board top"). uart_rx passes through two
// registers (it comes from another clock domain); a byte starts at the first cycle the synchronised line
// is 0, bit k (0 = start, 1..8 = data, 9 = stop) is sampled CLOCKS_PER_BIT / 2 + k * CLOCKS_PER_BIT
// cycles after that; a start bit that is 1 again at its middle was a glitch and is dropped.
module ${top}_uart_rx #(
    parameter CLOCKS_PER_BIT = ${clocksPerBit?c}
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       rx,
    output wire       line_low,      // the synchronised line is 0: a byte (or noise) is on the line
    output reg        byte_valid,    // one cycle: byte_data holds a byte whose stop bit was 1
    output reg  [7:0] byte_data,
    output reg        framing_error  // one cycle: a byte's stop bit was 0
);
    localparam [${countdownBits - 1}:0] HALF_BIT = CLOCKS_PER_BIT[${countdownBits}:1] - ${countdownBits}'d1;  // CLOCKS_PER_BIT / 2 - 1
    localparam [${countdownBits - 1}:0] FULL_BIT = CLOCKS_PER_BIT[${countdownBits - 1}:0] - ${countdownBits}'d1;

    reg rx_meta;
    reg rx_sync;
    always @(posedge clk) begin
        rx_meta <= rx;
        rx_sync <= rx_meta;
    end
    assign line_low = !rx_sync;

    reg       receiving;
    reg [${countdownBits - 1}:0] countdown;  // cycles to the next sample
    reg [3:0] bit_index;                     // the bit sampled next: 0 start, 1..8 data, 9 stop
    reg [7:0] data_bits;
    always @(posedge clk) begin
        byte_valid <= 1'b0;
        framing_error <= 1'b0;
        if (rst) begin
            receiving <= 1'b0;
            countdown <= ${countdownBits}'d0;
            bit_index <= 4'd0;
            data_bits <= 8'd0;
            byte_data <= 8'd0;
        end else if (!receiving) begin
            if (!rx_sync) begin
                receiving <= 1'b1;
                countdown <= HALF_BIT;
                bit_index <= 4'd0;
            end
        end else if (countdown != ${countdownBits}'d0) begin
            countdown <= countdown - ${countdownBits}'d1;
        end else begin
            countdown <= FULL_BIT;
            bit_index <= bit_index + 4'd1;
            if (bit_index == 4'd0) begin
                receiving <= !rx_sync;
            end else if (bit_index == 4'd9) begin
                receiving <= 1'b0;
                byte_valid <= rx_sync;
                framing_error <= !rx_sync;
                byte_data <= data_bits;
            end else begin
                data_bits <= {rx_sync, data_bits[7:1]};
            end
        end
    end
endmodule
