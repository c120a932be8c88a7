package org.scforge.cli;

import org.scforge.generators.board.Board;
import org.scforge.generators.board.SerialLink;
import picocli.CommandLine.Option;

/** {@code --board B [--baud N]}, shared by generate and build: the board top and its serial line. */
public final class BoardOption {

    @Option(names = "--board", paramLabel = "B",
            description = "add the board top (the network behind a UART, docs/rtl.md): icebreaker or arty-a7")
    String board;

    @Option(names = "--baud", paramLabel = "N",
            description = "the serial line's rate with --board (default 115200; refused when the board clock "
                    + "cannot make it within 2 %%)")
    Integer baud;

    boolean given() {
        return board != null;
    }

    /** The board named by --board; an unknown name is a one-line user error listing the boards. */
    Board board() {
        return Board.byName(board).orElseThrow(() -> new UserError("--board: unknown board '" + board
                + "'; use one of " + Board.names()));
    }

    /** The serial link of --board at --baud; a rate the board cannot make is a one-line user error naming some that work. */
    SerialLink link() {
        Board b = board();
        try {
            return b.link(baud == null ? Board.DEFAULT_BAUD : baud);
        } catch (IllegalArgumentException e) {
            throw new UserError("--baud: " + e.getMessage());
        }
    }

    /** --baud without --board means nothing: refuse it rather than ignore it. */
    void checkBaudHasABoard() {
        if (baud != null && board == null) {
            throw new UserError("--baud sets the serial line of the board top: add --board (" + Board.names() + ")");
        }
    }
}
