package org.scforge.cli;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.GrayPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The PNG charts of the pipeline (JFreeChart, rendered headless). */
final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** A confusion matrix heat map (true class down, predicted class across) with the count in every cell. */
    static void confusion(int[][] confusion, String title, Path png) throws IOException {
        int classes = confusion.length;
        double[][] xyz = new double[3][classes * classes];
        int max = 1;
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                int cell = t * classes + p;
                xyz[0][cell] = p;
                xyz[1][cell] = t;
                xyz[2][cell] = confusion[t][p];
                max = Math.max(max, confusion[t][p]);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("counts", xyz);
        NumberAxis predicted = classAxis("predicted class");
        NumberAxis actual = classAxis("true class");
        actual.setInverted(true);
        XYBlockRenderer renderer = new XYBlockRenderer();
        GrayPaintScale scale = new GrayPaintScale(0, max) {
            @Override
            public java.awt.Paint getPaint(double value) {
                // light for few, dark blue for many, so the counts stay legible
                double f = Math.max(0, Math.min(1, Math.sqrt(value / getUpperBound())));
                return new Color((int) (245 - 200 * f), (int) (248 - 170 * f), 255 - (int) (90 * f));
            }
        };
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, predicted, actual, renderer);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 13);
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                XYTextAnnotation label = new XYTextAnnotation(Integer.toString(confusion[t][p]), p, t);
                label.setFont(font);
                label.setPaint(confusion[t][p] > max / 2 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(label);
            }
        }
        JFreeChart chart = new JFreeChart(title, plot);
        chart.removeLegend();
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 640, 600);
    }

    private static NumberAxis classAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setRange(-0.5, 9.5);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }

    /**
     * Test accuracy against bitstream length L (log scale; a frame takes L + D + 1 cycles, so each halving of L
     * doubles the frames per second), with the float reference as a second line. The accuracy axis runs to 1
     * from at most 0.8, so that a flat curve looks flat and a drop at short L shows as the cost it is.
     */
    static void accuracyByLength(Map<Integer, Double> accuracy, double floatReference, String title, Path png)
            throws IOException {
        XYSeries sc = new XYSeries("bit-exact SC");
        XYSeries ref = new XYSeries("float reference");
        accuracy.forEach((length, value) -> {
            sc.add(length.doubleValue(), value);
            ref.add(length.doubleValue(), floatReference);
        });
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(sc);
        data.addSeries(ref);
        LogAxis lengthAxis = new LogAxis("bitstream length L (cycles per frame: L + D + 1)");
        lengthAxis.setBase(2);
        lengthAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        lengthAxis.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        NumberAxis accuracyAxis = new NumberAxis("test accuracy");
        accuracyAxis.setRange(accuracyFloor(accuracy.values(), floatReference), 1.0);
        accuracyAxis.setTickUnit(new NumberTickUnit(0.05));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, lengthAxis, accuracyAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, plot);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 720, 480);
    }

    /** The accuracy axis' lower end: 0.8, or the tenth below the lowest accuracy (strictly below) when that is lower. */
    static double accuracyFloor(java.util.Collection<Double> accuracies, double floatReference) {
        double lowest = Math.min(floatReference, accuracies.stream().mapToDouble(Double::doubleValue).min().orElse(1));
        return Math.max(0, Math.min(0.8, Math.floor(lowest * 10 - 1e-9) / 10));
    }

    /** One plan of an exploration: the length it runs at, its frames per second and LUTs (estimated, measured). */
    record PlanPoint(int length, double framesPerSecond, long estimatedLuts, Long measuredLuts) {
    }

    /**
     * Estimated LUTs against frames per second, one line per length through its Pareto front, and the plans
     * yosys measured as separate points.
     */
    static void planFront(java.util.List<PlanPoint> points, String title, Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<Integer, XYSeries> byLength = new java.util.TreeMap<>();
        XYSeries measured = new XYSeries("measured by yosys", false);
        for (PlanPoint p : points) {
            byLength.computeIfAbsent(p.length(), l -> new XYSeries("estimate, L = " + l, false))
                    .add(p.framesPerSecond(), p.estimatedLuts());
            if (p.measuredLuts() != null) {
                measured.add(p.framesPerSecond(), p.measuredLuts().doubleValue());
            }
        }
        byLength.values().forEach(data::addSeries);
        if (!measured.isEmpty()) {
            data.addSeries(measured);
        }
        LogAxis fps = new LogAxis("frames per second");
        fps.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        NumberAxis luts = new NumberAxis("LUTs");
        luts.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        if (!measured.isEmpty()) {
            renderer.setSeriesLinesVisible(data.getSeriesCount() - 1, false);
        }
        XYPlot plot = new XYPlot(data, fps, luts, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 800, 520);
    }
}
