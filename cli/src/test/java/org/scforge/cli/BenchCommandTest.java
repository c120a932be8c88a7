package org.scforge.cli;

import org.junit.jupiter.api.Test;
import org.scforge.sim.GoldenModel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scforge bench}: one line of frames/s naming the JDK, kernel and threads; bad durations refused. */
class BenchCommandTest {

    private static final Pattern LINE = Pattern.compile("frames/s: (\\d+) \\(JDK (\\S+), kernel (\\w+), (\\d+) threads\\)");

    @Test
    void endsWithOneLineOfFramesPerSecondAndWhatRanThem() {
        ConsoleCapture run = ConsoleCapture.run("bench", "--seconds", "1");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Matcher m = LINE.matcher(run.out().strip());
        assertThat(m.matches()).as(run.out()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isPositive();
        assertThat(m.group(2)).isEqualTo(System.getProperty("java.version"));
        assertThat(m.group(3)).isEqualTo(GoldenModel.kernel());
        assertThat(Integer.parseInt(m.group(4))).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(run.err()).contains("50-128-10", "warming up for 1 s", "measuring for 1 s");
    }

    @Test
    void durationsOutsideOneToSixHundredSecondsAreRefused() {
        for (String seconds : new String[] {"0", "601", "-3"}) {
            ConsoleCapture run = ConsoleCapture.run("bench", "--seconds", seconds);
            assertThat(run.exitCode()).as(seconds).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(run.errLines()).hasSize(1).first().asString().startsWith("scforge: error: ").contains("--seconds");
        }
    }
}
