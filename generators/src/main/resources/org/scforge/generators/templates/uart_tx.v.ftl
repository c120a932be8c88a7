<#include "header.ftl">
`timescale 1ns / 1ps
// UART transmitter, 8N1, least significant bit first (docs/rtl.md, "Board top"). send while ready starts
// a byte: the start bit from the next edge, then the 8 data bits and the stop bit, each held
// CLOCKS_PER_BIT cycles; ready again after the stop bit. The line idles at 1.
module ${top}_uart_tx #(
    parameter CLOCKS_PER_BIT = ${clocksPerBit?c}
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       send,
    input  wire [7:0] data,
    output reg        tx,
    output wire       ready
);
    localparam [${countdownBits - 1}:0] FULL_BIT = CLOCKS_PER_BIT[${countdownBits - 1}:0] - ${countdownBits}'d1;

    reg [8:0] bits_after;                    // the bits still to send after the one on the line, stop bit on top
    reg [3:0] bits_left;                     // bits of the byte not finished yet, the one on the line included
    reg [${countdownBits - 1}:0] countdown;  // cycles left of the bit on the line
    assign ready = bits_left == 4'd0;

    always @(posedge clk) begin
        if (rst) begin
            tx <= 1'b1;
            bits_after <= 9'h1ff;
            bits_left <= 4'd0;
            countdown <= ${countdownBits}'d0;
        end else if (ready) begin
            if (send) begin
                tx <= 1'b0;
                bits_after <= {1'b1, data};
                bits_left <= 4'd10;
                countdown <= FULL_BIT;
            end
        end else if (countdown != ${countdownBits}'d0) begin
            countdown <= countdown - ${countdownBits}'d1;
        end else begin
            // the bit on the line is over: the next one (after the stop bit the line stays at 1)
            tx <= bits_after[0];
            bits_after <= {1'b1, bits_after[8:1]};
            bits_left <= bits_left - 4'd1;
            countdown <= FULL_BIT;
        end
    end
endmodule
