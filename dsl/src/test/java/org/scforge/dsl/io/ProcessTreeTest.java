package org.scforge.dsl.io;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A killed child takes what it started with it: the shape of a timed-out iverilog, whose {@code sh -c
 * "ivlpp | ivl"} outlived it before (docs/cosim.md, "Mutation testing").
 */
class ProcessTreeTest {

    @Test
    void aKilledProcessTakesItsGrandchildrenWithIt() throws Exception {
        // a sleep length no other process has, so that a leftover can be found wherever it was reparented
        String marker = "3" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + ".5";
        Process parent = new ProcessBuilder("sh", "-c", "sh -c 'sleep " + marker + "; true' & echo started; wait")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("started");
        waitUntil(() -> sleeping(marker).size() == 1);
        assertThat(parent.descendants().count()).as("the inner shell and its sleep").isGreaterThanOrEqualTo(2);

        ProcessTree.kill(parent);

        assertThat(parent.isAlive()).isFalse();
        assertThat(sleeping(marker)).as("the grandchild, reparented to init if it survived").isEmpty();
    }

    @Test
    void killingAProcessThatEndedIsHarmless() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        ProcessTree.kill(done);
        assertThat(done.exitValue()).isZero();
    }

    private static List<ProcessHandle> sleeping(String marker) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").equals("/usr/bin/sleep " + marker)
                        || p.info().arguments().map(a -> a.length == 1 && a[0].equals(marker)).orElse(false))
                .toList();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("the grandchild started").isTrue();
    }
}
