package org.iongov.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The report's charts, drawn headless (no display needed) into PNG images. */
public final class ReportCharts {

    static {
        // Charts are drawn into images; AWT must not look for a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final String[] SERIES = {"trained", "approved", "rejected", "deployed"};
    private static final Color[] COLOURS = {new Color(0x4C72B0), new Color(0x55A868), new Color(0xC44E52), new Color(0x8172B2)};

    private ReportCharts() {
    }

    /**
     * Distinct models per day (UTC) by outcome: trained, approved, rejected (by the policies' final
     * decisions, not people's votes), deployed.
     */
    public static DefaultCategoryDataset modelsPerDay(AuditReport report) {
        Map<LocalDate, Map<String, Set<String>>> days = new TreeMap<>();
        for (AuditReport.TrainedModel m : report.models()) {
            count(days, day(m.trainedAt()), "trained", m.modelId());
        }
        for (AuditReport.Decision d : report.decisions()) {
            if (d.byPolicy() && ("approved".equals(d.outcome()) || "rejected".equals(d.outcome()))) {
                count(days, day(d.time()), d.outcome(), d.modelId());
            }
        }
        for (AuditReport.Deployment d : report.deployments()) {
            count(days, day(d.time()), "deployed", d.modelId());
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Map.Entry<LocalDate, Map<String, Set<String>>> day : days.entrySet()) {
            for (String series : SERIES) {
                dataset.addValue(day.getValue().getOrDefault(series, Set.of()).size(), series, day.getKey().toString());
            }
        }
        return dataset;
    }

    /** The models-per-day chart as a PNG image. */
    public static byte[] modelsPerDayPng(AuditReport report, int width, int height) {
        JFreeChart chart = ChartFactory.createBarChart("Models per day by outcome", "day (UTC)", "models", modelsPerDay(report),
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < COLOURS.length; i++) {
            renderer.setSeriesPaint(i, COLOURS[i]);
        }
        return png(chart.createBufferedImage(width, height));
    }

    private static void count(Map<LocalDate, Map<String, Set<String>>> days, LocalDate day, String series, String modelId) {
        days.computeIfAbsent(day, d -> new TreeMap<>()).computeIfAbsent(series, s -> new TreeSet<>()).add(modelId);
    }

    private static LocalDate day(java.time.Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart as PNG", e);
        }
        return bytes.toByteArray();
    }
}
