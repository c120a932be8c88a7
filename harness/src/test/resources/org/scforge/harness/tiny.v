// A hand-written stand-in for a generated design, used to test the bridge: it follows the port contract
// (clk, rst, start, codes, busy, done, counts, class_out). On start it latches two 2-bit codes, then adds
// each into its 4-bit count on three edges and raises done at edge 3 with class = (code1 > code0).
module tiny(input clk, input rst, input start, input [3:0] codes, output reg busy, output reg done,
            output reg [7:0] counts, output reg [0:0] class_out);
  reg [1:0] n;
  reg [3:0] latched;
  always @(posedge clk) begin
    if (rst) begin
      busy <= 0; done <= 0; counts <= 0; class_out <= 0; n <= 0; latched <= 0;
    end else if (start) begin
      busy <= 1; done <= 0; n <= 0; latched <= codes; counts <= 0;
    end else if (busy) begin
      n <= n + 1;
      counts <= counts + {2'b00, latched[3:2], 2'b00, latched[1:0]};
      if (n == 2) begin
        busy <= 0; done <= 1; class_out <= latched[3:2] > latched[1:0];
      end
    end
  end
endmodule
