package org.scforge.dsl.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run stopped by SIGTERM while it writes takes its child processes (and theirs) with it and leaves no
 * temporary; leftovers of runs killed outright (SIGKILL) are swept by their dead process id, those of live
 * runs kept.
 */
class InterruptionTest {

    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheChildrenAndRemovesTheTemporaries() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                InterruptedRun.class.getName(), dir.resolve("out").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
        List<ProcessHandle> children = run.toHandle().descendants().toList();
        assertThat(children).as("the shell and its sleep").hasSizeGreaterThanOrEqualTo(2);
        assertThat(hidden()).as("the run's lock file and the folder it puts together")
                .anyMatch(p -> p.getFileName().toString().equals(".out.scforge-lock"))
                .anyMatch(p -> p.getFileName().toString().contains("-new-"))
                .hasSize(2);

        run.destroy(); // SIGTERM
        // generous: the bound is for a hang, not a speed check; on a shared machine under load (a CI run saw
        // the child JVM take minutes to start) its shutdown hooks can take far longer than usual
        assertThat(run.waitFor(180, TimeUnit.SECONDS)).as("the run ends after SIGTERM").isTrue();
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("child %s", child.pid()).isFalse();
        }
        assertThat(hidden()).as("temporaries or the lock file left").isEmpty();
        assertThat(dir.resolve("out")).as("the folder its claim made").doesNotExist();
    }

    @Test
    void aSweepOfAFolderRemovesTheLeftoversOfDeadRunsOnly() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = Files.createDirectories(dir.resolve(".abc.scforge-" + gone.pid() + "-new-x1"));
        Files.writeString(dead.resolve("obj"), "half a build");
        Path live = Files.createDirectories(dir.resolve(".def.scforge-" + ProcessHandle.current().pid() + "-new-x2"));
        Path entry = Files.createDirectories(dir.resolve("entry"));
        AtomicFiles.sweepFolder(dir);
        assertThat(dead).doesNotExist();
        assertThat(live).isDirectory();
        assertThat(entry).isDirectory();
    }

    private List<Path> hidden() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
