package org.iongov.ui.model.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps time to a horizontal pixel position and back: {@code from} is drawn at {@code left},
 * {@code to} at {@code left + width}. Zooming keeps the time under the pointer where it is;
 * panning moves the window by pixels. Immutable.
 *
 * @param fromMillis the time at the left edge, epoch milliseconds
 * @param toMillis the time at the right edge, after {@code fromMillis}
 * @param left the x of the left edge
 * @param width the pixels from the left edge to the right edge, at least 1
 */
public record TimeAxis(double fromMillis, double toMillis, int left, int width) {

    /** The narrowest window zooming goes to. */
    public static final double MIN_SPAN_MILLIS = 10;
    /** Tick steps, smallest first: seconds to weeks. */
    private static final long[] STEPS = { 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
            1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 172_800_000, 604_800_000 };

    public TimeAxis {
        if (!(toMillis > fromMillis)) {
            throw new IllegalArgumentException("a time axis must end after it starts: " + fromMillis + " .. " + toMillis);
        }
        if (width < 1) {
            throw new IllegalArgumentException("a time axis needs at least 1 pixel, was " + width);
        }
    }

    public static TimeAxis of(Instant from, Instant to, int left, int width) {
        return new TimeAxis(from.toEpochMilli(), to.toEpochMilli(), left, width);
    }

    public double millisPerPixel() {
        return (toMillis - fromMillis) / width;
    }

    public double x(Instant t) {
        return x((double) t.toEpochMilli());
    }

    public double x(double millis) {
        return left + (millis - fromMillis) / millisPerPixel();
    }

    public Instant time(double x) {
        return Instant.ofEpochMilli(Math.round(millis(x)));
    }

    public double millis(double x) {
        return fromMillis + (x - left) * millisPerPixel();
    }

    /**
     * Zooms by {@code factor} (above 1 zooms in) keeping the time at {@code anchorX} under it;
     * never narrower than {@link #MIN_SPAN_MILLIS}.
     */
    public TimeAxis zoom(double factor, double anchorX) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("zoom factor must be positive, was " + factor);
        }
        double anchor = millis(anchorX);
        double span = Math.max(MIN_SPAN_MILLIS, (toMillis - fromMillis) / factor);
        double share = (anchorX - left) / width;
        double from = anchor - share * span;
        return new TimeAxis(from, from + span, left, width);
    }

    /** Moves the window so that what was at x is at x + dx (drag right to see earlier times). */
    public TimeAxis pan(double dx) {
        double shift = dx * millisPerPixel();
        return new TimeAxis(fromMillis - shift, toMillis - shift, left, width);
    }

    /** The same window drawn over another width (the canvas was resized). */
    public TimeAxis withWidth(int left, int width) {
        return new TimeAxis(fromMillis, toMillis, left, width);
    }

    /** A tick mark: where, and what its label says. */
    public record Tick(double x, Instant time, String label) {
    }

    /**
     * Round times in the window at least {@code minPixels} apart, labelled in {@code zone}: with
     * seconds below a minute's step, with the date from a day's step on.
     */
    public List<Tick> ticks(int minPixels, ZoneId zone) {
        long step = STEPS[STEPS.length - 1];
        for (long s : STEPS) {
            if (s / millisPerPixel() >= minPixels) {
                step = s;
                break;
            }
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(step < 60_000 ? "HH:mm:ss" : step < 86_400_000 ? "HH:mm" : "MM-dd HH:mm",
                Locale.ROOT).withZone(zone);
        // Steps of an hour or more start at whole hours of the zone, smaller ones at whole steps.
        long offset = step >= 3_600_000 ? zone.getRules().getOffset(Instant.ofEpochMilli((long) fromMillis)).getTotalSeconds() * 1000L : 0;
        long first = (long) Math.ceil((fromMillis + offset) / step) * step - offset;
        List<Tick> ticks = new ArrayList<>();
        for (long t = first; t <= toMillis; t += step) {
            Instant time = Instant.ofEpochMilli(t);
            ticks.add(new Tick(x((double) t), time, format.format(time)));
        }
        return ticks;
    }
}
