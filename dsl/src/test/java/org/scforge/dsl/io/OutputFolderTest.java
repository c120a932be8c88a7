package org.scforge.dsl.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an output folder may replace, and what it never touches. */
class OutputFolderTest {

    static final Manifest GENERATE = new Manifest("generate", "test");

    @TempDir
    Path dir;

    static Map<String, String> tree(Path root) throws IOException {
        return FolderTree.of(root);
    }

    static AtomicFiles.FolderWriter<Void> files(Map<String, String> files) {
        return folder -> {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(folder.resolve(f.getKey()), f.getValue());
            }
            return null;
        };
    }

    private Path gitClone() throws IOException {
        Path clone = Files.createDirectories(dir.resolve("clone"));
        Files.createDirectories(clone.resolve(".git").resolve("objects"));
        Files.writeString(clone.resolve(".git").resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(clone.resolve("model.json"), "{}\n");
        Files.writeString(clone.resolve("notes.txt"), "mine\n");
        return clone;
    }

    @Test
    void aNewFolderIsWrittenWithItsManifest() throws Exception {
        Path out = dir.resolve("a").resolve("out");
        OutputFolder.of(out, GENERATE).write(files(Map.of("top.v", "module top;")));
        assertThat(tree(out)).containsOnlyKeys("top.v", Manifest.FILE).containsEntry("top.v", "module top;");
        assertThat(Files.readString(out.resolve(Manifest.FILE))).contains("\"command\" : \"generate\"",
                "\"format\" : \"scforge-output\"", "\"version\" : \"test\"");
        assertThat(tree(out.getParent())).as("no temporaries or claim left").containsOnlyKeys("out", "out/top.v",
                "out/" + Manifest.FILE);
    }

    @Test
    void forceNeverReplacesAFolderScforgeDidNotWrite() throws Exception {
        Path clone = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(clone.resolve("model.json"), "{}\n");
        Files.writeString(clone.resolve("notes.txt"), "mine\n");
        Map<String, String> before = tree(clone);

        assertThatThrownBy(() -> OutputFolder.of(clone, GENERATE).force(true).write(files(Map.of("x", "y"))))
                .isInstanceOf(OutputRefusedException.class)
                .hasMessage(clone + " is not empty and scforge did not write it (it has no .scforge-output); "
                        + "--force only replaces folders scforge wrote: choose a new or empty folder");
        assertThat(tree(clone)).isEqualTo(before);
    }

    @Test
    void aGitCheckoutIsRefusedEvenWithAManifest() throws Exception {
        Path clone = gitClone();
        for (boolean manifest : new boolean[] {false, true}) {
            if (manifest) {
                Files.writeString(clone.resolve(Manifest.FILE), "{}");
            }
            Map<String, String> before = tree(clone);
            assertThatThrownBy(() -> OutputFolder.of(clone, GENERATE).force(true).write(files(Map.of("x", "y"))))
                    .isInstanceOf(OutputRefusedException.class).hasMessageContaining("is a git checkout (it holds .git)");
            assertThat(tree(clone)).isEqualTo(before);
        }
    }

    @Test
    void aFolderHoldingTheInputIsRefusedEvenWhenScforgeWroteIt() throws Exception {
        Path out = dir.resolve("mnist");
        OutputFolder.of(out, GENERATE).write(files(Map.of("model.json", "{}")));
        Files.createDirectories(out.resolve("sub"));
        Path model = Files.writeString(out.resolve("sub").resolve("m.json"), "{}");
        Map<String, String> before = tree(out);
        for (Path folder : List.of(out, dir)) {
            assertThatThrownBy(() -> OutputFolder.of(folder, GENERATE).force(true).protecting(model)
                    .write(files(Map.of("x", "y"))))
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessage(folder + " holds the input " + model
                            + "; scforge never writes over its input: choose an output folder outside it");
        }
        assertThat(tree(out)).isEqualTo(before);
    }

    @Test
    void theCurrentDirectoryIsRefused() {
        Path here = Path.of("").toAbsolutePath();
        assertThatThrownBy(() -> OutputFolder.of(here, GENERATE).force(true).claim())
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("is the current directory");
        assertThatThrownBy(() -> OutputFolder.of(here.getParent(), GENERATE).claim())
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("is the current directory");
    }

    @Test
    void anEarlierOutputNeedsForceAndIsThenReplacedWhole() throws Exception {
        Path out = dir.resolve("out");
        OutputFolder.of(out, GENERATE).write(files(Map.of("a.v", "old", "b.v", "old")));
        assertThatThrownBy(() -> OutputFolder.of(out, GENERATE).write(files(Map.of("c.v", "new"))))
                .isInstanceOf(OutputRefusedException.class)
                .hasMessage(out + " holds an earlier scforge output; pass --force to replace it, or choose another folder");

        OutputFolder.of(out, GENERATE).force(true).write(files(Map.of("c.v", "new")));
        assertThat(tree(out)).containsOnlyKeys("c.v", Manifest.FILE);
        assertThat(tree(dir)).containsOnlyKeys("out", "out/c.v", "out/" + Manifest.FILE);
    }

    @Test
    void aFileIsNotAFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> OutputFolder.of(file, GENERATE).force(true).write(files(Map.of())))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aFailedWriteLeavesTheOldOutputAndNoNewFolder() throws Exception {
        Path out = dir.resolve("out");
        OutputFolder.of(out, GENERATE).write(files(Map.of("a.v", "old")));
        Map<String, String> before = tree(dir);
        assertThatThrownBy(() -> OutputFolder.of(out, GENERATE).force(true).write(folder -> {
            Files.writeString(folder.resolve("half.v"), "half");
            throw new IOException("rendering failed");
        })).hasMessage("rendering failed");
        assertThat(tree(dir)).isEqualTo(before);

        Path fresh = dir.resolve("fresh");
        assertThatThrownBy(() -> OutputFolder.of(fresh, GENERATE).write(folder -> {
            throw new IOException("rendering failed");
        })).hasMessage("rendering failed");
        assertThat(fresh).doesNotExist();
    }
}
