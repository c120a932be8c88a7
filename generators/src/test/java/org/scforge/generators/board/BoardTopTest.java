package org.scforge.generators.board;

import org.scforge.generators.ExampleNetwork;
import org.scforge.generators.GeneratedDesign;
import org.scforge.generators.Generators;
import org.scforge.generators.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The board top of docs/rtl.md ("Board top"): lint-clean, its divisor and its constraints. */
class BoardTopTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Board.class)
    void theBoardTopIsLintCleanAndElaboratesWithoutWarnings(Board board) throws IOException {
        GeneratedDesign design = Generators.verilog(ExampleNetwork.document()).board(board.link(Board.DEFAULT_BAUD))
                .writeTo(dir);
        List<String> files = new ArrayList<>(design.rtlFiles().stream().map(p -> p.getFileName().toString()).toList());
        files.addAll(List.of("example_uart_rx.v", "example_uart_tx.v", "example_uart_top.v"));
        for (String module : List.of("example_uart_rx", "example_uart_tx", "example_uart_top")) {
            assertThat(Tools.lint(dir, files, module)).as("verilator lint of %s", module).isEmpty();
        }
        assertThat(Tools.elaborate(dir, files, "example_uart_top")).as("iverilog -Wall").isEmpty();
        assertThat(Files.readString(dir.resolve("example_uart_top.v")))
                .contains("CLOCKS_PER_BIT(" + (board == Board.ICEBREAKER ? 104 : 868) + ")");
        assertThat(Files.readString(dir.resolve(BoardFiles.script(board))))
                .contains("read_verilog example_uart_top.v").contains("-top example_uart_top");
    }

    @ParameterizedTest
    @EnumSource(Board.class)
    void theConstraintFileAssignsEveryPortOfTheBoardTopAndNothingElse(Board board) {
        String text = Generators.verilog(ExampleNetwork.document()).board(board.link(Board.DEFAULT_BAUD)).files()
                .get(board.constraintFile());
        List<String> assigned = new ArrayList<>();
        for (String line : text.lines().toList()) {
            java.util.regex.Matcher set = java.util.regex.Pattern
                    .compile("^set_io (?:-pullup yes )?(\\S+) |get_ports \\{ (\\S+) \\}").matcher(line);
            if (set.find() && !line.startsWith("create_clock")) {
                assigned.add(set.group(1) != null ? set.group(1) : set.group(2));
            }
        }
        List<String> ports = new ArrayList<>();
        for (var p : BoardFiles.ports()) {
            if (p.width() == 1) {
                ports.add(p.name());
            } else {
                for (int i = 0; i < p.width(); i++) {
                    ports.add(p.name() + "[" + i + "]");
                }
            }
        }
        assertThat(assigned).containsExactlyInAnyOrderElementsOf(ports);
    }

    @Test
    void theDivisorIsTheRoundedRatioAndABaudTheClockCannotMakeIsRefusedWithRatesThatWork() {
        assertThat(Board.ICEBREAKER.link(115_200).clocksPerBit()).isEqualTo(104);
        assertThat(Board.ARTY_A7.link(115_200).clocksPerBit()).isEqualTo(868);
        assertThat(Board.ICEBREAKER.link(1_000_000).clocksPerBit()).isEqualTo(12);
        assertThat(Board.ICEBREAKER.link(115_200).quietCycles()).isEqualTo(128L * 10 * 104);
        // 12 MHz / 921600 = 13.02: 13 clocks, 0.16 % fast, fine; 12 MHz / 2 Mbaud = 6 clocks, too few
        assertThat(Board.ICEBREAKER.link(921_600).clocksPerBit()).isEqualTo(13);
        assertThatThrownBy(() -> Board.ICEBREAKER.link(2_000_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 clocks per bit (at least 8 needed)")
                .hasMessageContaining("rates that work: 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600, 1000000, 1500000");
        // 12 MHz / 700000 = 17.14: 17 clocks, 0.8 % off, fine; 12 MHz / 640000 = 18.75: 19 clocks, 1.3 % off
        assertThat(Board.ICEBREAKER.link(640_000).clocksPerBit()).isEqualTo(19);
        // 12 MHz / 1400000 = 8.57: 9 clocks, 4.8 % slow
        assertThatThrownBy(() -> Board.ICEBREAKER.link(1_400_000)).hasMessageContaining("9 clocks per bit, a rate 4.8 % off");
        assertThatThrownBy(() -> Board.ARTY_A7.link(0)).hasMessageContaining("must be positive");
    }

    @Test
    void boardsAreNamedAsOnTheCommandLine() {
        assertThat(Board.byName("icebreaker")).contains(Board.ICEBREAKER);
        assertThat(Board.byName("arty-a7")).contains(Board.ARTY_A7);
        assertThat(Board.byName("arty")).isEmpty();
        assertThat(Board.names()).isEqualTo("icebreaker, arty-a7");
        Map<String, String> files = Generators.verilog(ExampleNetwork.document()).board(Board.ICEBREAKER.link(115_200)).files();
        assertThat(files).containsKeys("example_uart_rx.v", "example_uart_tx.v", "example_uart_top.v",
                "icebreaker-uart.pcf", "synth_icebreaker.ys");
    }
}
