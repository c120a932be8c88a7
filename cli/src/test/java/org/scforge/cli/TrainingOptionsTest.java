package org.scforge.cli;

import org.junit.jupiter.api.Test;
import org.scforge.sim.train.Pipeline;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code --length}, {@code --epochs} and {@code --lengths} of mnist and train ask of the pipeline. */
class TrainingOptionsTest {

    private static Pipeline.Options mnist(String... args) {
        MnistCommand command = new MnistCommand();
        new CommandLine(command).parseArgs(args);
        return command.training.pipeline("mnist", 2000, 500, 50, command.lengths);
    }

    @Test
    void withoutLengthTheDemoTrainsAt128AndWritesAt512AsBefore() {
        Pipeline.Options o = mnist();
        assertThat(o.length()).isEqualTo(512);
        assertThat(o.trainLength()).isEqualTo(128);
        assertThat(o.streams()).isFalse();
        assertThat(o.epochs()).isEqualTo(2);
        assertThat(o.rateEpochs()).isEqualTo(20);
        assertThat(o.lengths()).containsExactly(8, 16, 32, 64, 128, 256, 512, 1024);
    }

    @Test
    void lengthTrainsAndWritesAtLWithMoreBitExactEpochs() {
        Pipeline.Options o = mnist("--length", "16", "--seed", "3");
        assertThat(o.length()).isEqualTo(16);
        assertThat(o.trainLength()).isEqualTo(16);
        assertThat(o.streams()).isTrue();
        assertThat(o.epochs()).isEqualTo(15);
        assertThat(o.seed()).isEqualTo(3);
        assertThat(mnist("--length", "8").epochs()).isEqualTo(10);
        assertThat(mnist("--length", "15").epochs()).isEqualTo(10);
        assertThat(mnist("--length", "1024").epochs()).isEqualTo(15);
        assertThat(o.lengths()).containsExactly(8, 16, 32, 64, 128, 256, 512, 1024);
        assertThat(mnist("--length", "24").lengths()).containsExactly(8, 16, 24, 32, 64, 128, 256, 512, 1024);
    }

    @Test
    void aConvArchImpliesRawPixelsAndABadSpecIsAOneLineUserError() {
        MnistCommand command = new MnistCommand();
        new CommandLine(command).parseArgs("--arch", "conv");
        Pipeline.Options o = command.training.pipeline("mnist", 2000, 500, null, null);
        assertThat(o.features()).isZero();
        assertThat(o.arch().text()).isEqualTo(org.scforge.sim.train.Architecture.CONV);
        assertThat(mnist().arch().isDefault()).isTrue();
        assertThat(o.epochs()).as("a conv arch trains 3 bit-exact epochs, with or without --length")
                .isEqualTo(Pipeline.Options.CONV_EPOCHS).isEqualTo(3);
        MnistCommand atLength = new MnistCommand();
        new CommandLine(atLength).parseArgs("--arch", "conv", "--length", "128");
        assertThat(atLength.training.pipeline("mnist", 2000, 500, null, null).epochs()).isEqualTo(3);
        MnistCommand given = new MnistCommand();
        new CommandLine(given).parseArgs("--arch", "conv", "--epochs", "5");
        assertThat(given.training.pipeline("mnist", 2000, 500, null, null).epochs()).isEqualTo(5);
        MnistCommand bad = new MnistCommand();
        new CommandLine(bad).parseArgs("--arch", "conv:8x5,dens:10");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bad.training.pipeline("mnist", 2000, 500, null, null))
                .isInstanceOf(UserError.class).hasMessageStartingWith("--arch: 'dens:10': not a layer; accepted: ");
    }

    @Test
    void givenEpochsAndLengthsWin() {
        Pipeline.Options o = mnist("--length", "8", "--epochs", "3", "--lengths", "8,64");
        assertThat(o.epochs()).isEqualTo(3);
        assertThat(o.lengths()).containsExactly(8, 64);
        assertThat(mnist("--epochs", "0").epochs()).isZero();
    }

    @Test
    void theChartsAccuracyAxisStartsAt08OrTheTenthBelowTheLowestPoint() {
        assertThat(Charts.accuracyFloor(List.of(0.95, 0.948), 0.946)).isEqualTo(0.8);
        assertThat(Charts.accuracyFloor(List.of(0.72, 0.95), 0.946)).isEqualTo(0.7);
        assertThat(Charts.accuracyFloor(List.of(0.95), 0.41)).isEqualTo(0.4);
        assertThat(Charts.accuracyFloor(List.of(0.7), 0.95)).isEqualTo(0.6);
        assertThat(Charts.accuracyFloor(List.of(0.0), 0.95)).isEqualTo(0.0);
    }
}
