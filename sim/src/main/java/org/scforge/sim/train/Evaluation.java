package org.scforge.sim.train;

import org.scforge.sim.FrameCounts;
import org.scforge.sim.GoldenModel;

/**
 * Accuracy and confusion matrix of predictions against labels; {@code confusion[true][predicted]}.
 */
public record Evaluation(double accuracy, int[][] confusion) {

    public static Evaluation of(int[] predicted, int[] labels, int classes) {
        int[][] confusion = new int[classes][classes];
        for (int n = 0; n < labels.length; n++) {
            confusion[labels[n]][predicted[n]]++;
        }
        return new Evaluation(accuracy(predicted, labels), confusion);
    }

    /** Runs every frame through the bit-exact golden model. */
    public static Evaluation bitExact(GoldenModel model, int[][] codes, int[] labels) {
        FrameCounts[] counts = model.runAll(codes);
        int[] predicted = new int[counts.length];
        for (int n = 0; n < counts.length; n++) {
            predicted[n] = counts[n].predictedClass();
        }
        return of(predicted, labels, model.network().classes());
    }

    public static double accuracy(int[] predicted, int[] labels) {
        int correct = 0;
        for (int n = 0; n < labels.length; n++) {
            if (predicted[n] == labels[n]) {
                correct++;
            }
        }
        return labels.length == 0 ? 0 : (double) correct / labels.length;
    }
}
