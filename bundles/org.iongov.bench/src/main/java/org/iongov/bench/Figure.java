package org.iongov.bench;

/**
 * One measured figure, printed beside its goal and the paper's figure where one exists.
 *
 * @param benchmark which benchmark measured it
 * @param name what was measured
 * @param value the measurement
 * @param unit its unit
 * @param goal our goal, as text (e.g. {@code >= 200000}), or null
 * @param paper the paper's figure, as text, or null
 * @param met whether the goal is met, or null when there is no goal
 * @param note how it was measured, in a few words
 */
public record Figure(String benchmark, String name, double value, String unit, String goal, String paper, Boolean met,
        String note) {

    static Figure atLeast(String benchmark, String name, double value, String unit, double goal, String paper, String note) {
        return new Figure(benchmark, name, value, unit, ">= " + format(goal), paper, value >= goal, note);
    }

    static Figure atMost(String benchmark, String name, double value, String unit, double goal, String paper, String note) {
        return new Figure(benchmark, name, value, unit, "<= " + format(goal), paper, value <= goal, note);
    }

    static Figure plain(String benchmark, String name, double value, String unit, String paper, String note) {
        return new Figure(benchmark, name, value, unit, null, paper, null, note);
    }

    static String format(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format("%,.0f", v);
        }
        return String.format("%.3g", v);
    }
}
