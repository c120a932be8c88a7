package org.scforge.dsl;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class HangWatchdogTest {

    /** A watchdog whose limit is 300 ms, printing into {@code text}. */
    private static HangWatchdog watchdog(ByteArrayOutputStream text) {
        return new HangWatchdog(Duration.ofMillis(300), new PrintStream(text, true, StandardCharsets.UTF_8));
    }

    @Test
    void aTestPastItsLimitHasItsStacksPrintedAndItsChildProcessesKilled() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        HangWatchdog watchdog = watchdog(text);
        Process child = new ProcessBuilder("sleep", "300").start();
        watchdog.started("[test:hung]", "hung()");
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the watchdog killed the child").isTrue();
        String printed = text.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("scforge: hung() ([test:hung]) has run for 0 s: it hangs")
                .contains("thread \"main\"").contains("child " + child.pid()).contains("sleep 300");
    }

    @Test
    void aTestThatEndsInTimeIsLeftAlone() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        HangWatchdog watchdog = watchdog(text);
        Process child = new ProcessBuilder("sleep", "2").start();
        watchdog.started("[test:quick]", "quick()");
        watchdog.finished("[test:quick]");
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("sleep ended by itself").isZero();
        assertThat(text.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
