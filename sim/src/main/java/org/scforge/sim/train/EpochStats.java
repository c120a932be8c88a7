package org.scforge.sim.train;

/** One epoch of one training phase: mean loss and accuracy over the epoch's batches, and its wall time. */
public record EpochStats(String phase, int epoch, int epochs, double loss, double accuracy, double seconds) {

    /** The progress line printed on stderr. */
    public String line() {
        return String.format("%-9s epoch %3d/%d  loss %.4f  train accuracy %.4f  %.2f s", phase, epoch, epochs, loss,
                accuracy, seconds);
    }
}
