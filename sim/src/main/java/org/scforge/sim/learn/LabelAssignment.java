package org.scforge.sim.learn;

import org.scforge.dsl.IntMatrix;

import java.util.Arrays;

/**
 * Labels assigned to unsupervised feature neurons from their responses (Diehl and Cook 2015): each neuron
 * takes the class for which its mean spike count over the labelled frames is highest; a neuron that never
 * spiked takes none ({@link #NONE}). A frame's class is the one whose neurons spike most on average.
 *
 * @param classOf per neuron, its class or {@link #NONE}
 * @param classes the number of classes
 */
public record LabelAssignment(int[] classOf, int classes) {

    /** The class of a neuron that never spiked on the labelled frames. */
    public static final int NONE = -1;

    public LabelAssignment {
        classOf = classOf.clone();
    }

    /** Per neuron, its class or {@link #NONE} (a copy: the assignment does not change). */
    @Override
    public int[] classOf() {
        return classOf.clone();
    }

    /** The assignment from the feature layer's spike counts {@code counts[frame][neuron]} of frames labelled {@code labels}. */
    public static LabelAssignment of(int[][] counts, int[] labels, int classes) {
        int neurons = counts.length == 0 ? 0 : counts[0].length;
        double[][] sum = new double[classes][neurons];
        int[] frames = new int[classes];
        for (int n = 0; n < counts.length; n++) {
            frames[labels[n]]++;
            for (int j = 0; j < neurons; j++) {
                sum[labels[n]][j] += counts[n][j];
            }
        }
        int[] classOf = new int[neurons];
        for (int j = 0; j < neurons; j++) {
            int best = NONE;
            double bestMean = 0; // a neuron must have spiked to be assigned
            for (int c = 0; c < classes; c++) {
                double mean = frames[c] == 0 ? 0 : sum[c][j] / frames[c];
                if (mean > bestMean) {
                    bestMean = mean;
                    best = c;
                }
            }
            classOf[j] = best;
        }
        return new LabelAssignment(classOf, classes);
    }

    /** How many neurons each class has. */
    public int[] neuronsPerClass() {
        int[] n = new int[classes];
        for (int c : classOf) {
            if (c != NONE) {
                n[c]++;
            }
        }
        return n;
    }

    /**
     * The class of a frame from its feature spike counts: the highest mean count over a class's neurons (a class
     * without neurons scores 0), ties to the lowest class.
     */
    public int predict(int[] counts) {
        int[] n = neuronsPerClass();
        double[] score = new double[classes];
        for (int j = 0; j < classOf.length; j++) {
            if (classOf[j] != NONE) {
                score[classOf[j]] += counts[j];
            }
        }
        int best = 0;
        for (int c = 0; c < classes; c++) {
            score[c] = n[c] == 0 ? 0 : score[c] / n[c];
            if (score[c] > score[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The assignment as the weights of a counter readout, {@code [class][neuron]}: neuron {@code j} counts for its
     * class only, with a code inversely proportional to the class's neuron count, so that the readout's count
     * approximates the mean of {@link #predict} in integer codes: {@code max(1, round(maxCode * fewest / n_c))},
     * {@code fewest} the smallest non-zero {@code n_c}, and 0 to every other class. A weight code {@code w} passes a
     * spike with probability {@code w / 2^kw}, so the largest class weight is {@code maxCode}.
     */
    public IntMatrix readoutWeights(int maxCode) {
        int[] n = neuronsPerClass();
        int fewest = Arrays.stream(n).filter(k -> k > 0).min().orElse(1);
        int[][] w = new int[classes][classOf.length];
        for (int j = 0; j < classOf.length; j++) {
            int c = classOf[j];
            if (c != NONE) {
                w[c][j] = (int) Math.max(1, Math.round((double) maxCode * fewest / n[c]));
            }
        }
        return IntMatrix.of(w);
    }
}
