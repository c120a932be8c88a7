package org.scforge.sim.train;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Mini-batch training with Adam and a cosine learning-rate schedule. Batches come from a seeded
 * permutation, gradients are summed in sample order: the same seed gives the same parameters bit for bit.
 */
final class Fitter {

    /** What to do to the parameters after each step (e.g. clip them into the codes' range). */
    interface Projection {
        void apply(Params params);
    }

    record Schedule(String phase, int epochs, int batchSize, double learningRate, double weightDecay) {
        double rateAt(int epoch, int batch, int batches) {
            double progress = (epoch + (double) batch / batches) / epochs;
            return learningRate * 0.5 * (1 + Math.cos(Math.PI * progress)) + learningRate * 0.02;
        }
    }

    /** Keeps the parameters of the best epoch by a caller's score; may be {@code null} to keep the last. */
    interface Selector {
        /** Called after each epoch with its statistics and the parameters at its end. */
        void offer(EpochStats stats, Params params);
    }

    private Fitter() {
    }

    static void fit(Params params, double[][] inputs, int[] labels, Forward forward, Schedule schedule, Random random,
                    Projection projection, Consumer<EpochStats> progress, Selector selector) {
        int n = labels.length;
        int batches = (n + schedule.batchSize() - 1) / schedule.batchSize();
        Adam adam = new Adam(params.values.length, schedule.weightDecay());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < schedule.epochs(); epoch++) {
            long start = System.nanoTime();
            shuffle(order, random);
            double loss = 0;
            int correct = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * schedule.batchSize();
                int to = Math.min(n, from + schedule.batchSize());
                int[] batch = java.util.Arrays.copyOfRange(order, from, to);
                Activations[] acts = forward.run(params, batch);
                Params gradient = params.zerosLike();
                for (int s = 0; s < batch.length; s++) {
                    int label = labels[batch[s]];
                    loss += Backprop.accumulate(params, inputs[batch[s]], acts[s], label, gradient);
                    if (Backprop.argmax(acts[s].logits()) == label) {
                        correct++;
                    }
                }
                double[] g = gradient.values;
                for (int k = 0; k < g.length; k++) {
                    g[k] /= batch.length;
                }
                adam.step(params.values, g, schedule.rateAt(epoch, b, batches));
                projection.apply(params);
            }
            EpochStats stats = new EpochStats(schedule.phase(), epoch + 1, schedule.epochs(), loss / n,
                    (double) correct / n, (System.nanoTime() - start) / 1e9);
            progress.accept(stats);
            if (selector != null) {
                selector.offer(stats, params);
            }
        }
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
