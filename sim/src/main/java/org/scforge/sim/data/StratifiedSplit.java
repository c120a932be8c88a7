package org.scforge.sim.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A seeded split into disjoint training and test indices in which every class keeps its share of the
 * data (largest-remainder rounding, so the sizes are exact).
 */
public record StratifiedSplit(int[] train, int[] test) {

    public static StratifiedSplit of(int[] labels, int trainCount, int testCount, long seed) {
        if (trainCount < 1 || testCount < 0 || (long) trainCount + testCount > labels.length) {
            throw new IllegalArgumentException("cannot take " + trainCount + " training and " + testCount
                    + " test items from " + labels.length);
        }
        int classes = Arrays.stream(labels).max().orElse(0) + 1;
        Random random = new Random(seed);
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int n = 0; n < labels.length; n++) {
            byClass.get(labels[n]).add(n);
        }
        for (List<Integer> members : byClass) {
            java.util.Collections.shuffle(members, random);
        }
        int[] classSizes = byClass.stream().mapToInt(List::size).toArray();
        int[] trainQuota = quotas(classSizes, trainCount, labels.length);
        int[] rest = new int[classes];
        for (int c = 0; c < classes; c++) {
            rest[c] = classSizes[c] - trainQuota[c];
        }
        int[] testQuota = quotas(classSizes, testCount, labels.length);
        for (int c = 0; c < classes; c++) {
            testQuota[c] = Math.min(testQuota[c], rest[c]);
        }
        fillUp(testQuota, rest, testCount);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            train.addAll(members.subList(0, trainQuota[c]));
            test.addAll(members.subList(trainQuota[c], trainQuota[c] + testQuota[c]));
        }
        // a seeded shuffle, so that training batches mix classes
        java.util.Collections.shuffle(train, random);
        java.util.Collections.shuffle(test, random);
        return new StratifiedSplit(train.stream().mapToInt(Integer::intValue).toArray(),
                test.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code total} spread over classes in proportion to their sizes, rounded by largest remainder. */
    static int[] quotas(int[] classSizes, int total, int population) {
        int classes = classSizes.length;
        int[] quota = new int[classes];
        double[] remainder = new double[classes];
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            double exact = (double) total * classSizes[c] / population;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        Integer[] order = IntStream.range(0, classes).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int k = 0; assigned < total; k = (k + 1) % classes) {
            int c = order[k];
            if (quota[c] < classSizes[c]) {
                quota[c]++;
                assigned++;
            }
        }
        return quota;
    }

    /** Raises quotas (within {@code limits}) until they sum to {@code total}. */
    private static void fillUp(int[] quota, int[] limits, int total) {
        int sum = Arrays.stream(quota).sum();
        for (int c = 0; sum < total; c = (c + 1) % quota.length) {
            if (quota[c] < limits[c]) {
                quota[c]++;
                sum++;
            }
        }
    }
}
