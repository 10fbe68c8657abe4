/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.internal.model.validation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the cron expressions of schedules: the five Unix fields (minute hour day-of-month month
 * day-of-week) with *, numbers, names (JAN-DEC, SUN-SAT), ranges a-b, lists a,b and steps /n,
 * or one of the macros @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly.
 * It only checks; running schedules is the server's business.
 */
public final class CronSyntax {

	private static final List<String> MACROS = List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
			"@midnight", "@hourly");
	private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
			"OCT", "NOV", "DEC");
	private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

	private record Field(String name, int min, int max, List<String> names, int firstNameValue) {
	}

	private static final List<Field> FIELDS = List.of(
			new Field("minute", 0, 59, List.of(), 0),
			new Field("hour", 0, 23, List.of(), 0),
			new Field("day-of-month", 1, 31, List.of(), 0),
			new Field("month", 1, 12, MONTHS, 1),
			// 7 is Sunday too, as in most crons
			new Field("day-of-week", 0, 7, DAYS, 0));

	private CronSyntax() {
	}

	/** Why the expression is not valid, or empty when it is. */
	public static Optional<String> check(String expression) {
		String trimmed = expression.trim();
		if (trimmed.startsWith("@")) {
			return MACROS.contains(trimmed.toLowerCase(Locale.ROOT)) ? Optional.empty()
					: Optional.of("unknown macro '" + trimmed + "' (known: " + String.join(", ", MACROS) + ")");
		}
		String[] parts = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
		if (parts.length != FIELDS.size()) {
			return Optional.of("expected 5 fields (minute hour day-of-month month day-of-week) but found " + parts.length);
		}
		for (int i = 0; i < parts.length; i++) {
			Optional<String> problem = checkField(FIELDS.get(i), parts[i]);
			if (problem.isPresent()) {
				return problem;
			}
		}
		return Optional.empty();
	}

	private static Optional<String> checkField(Field field, String text) {
		for (String item : text.split(",", -1)) {
			Optional<String> problem = checkItem(field, item);
			if (problem.isPresent()) {
				return problem;
			}
		}
		return Optional.empty();
	}

	private static Optional<String> checkItem(Field field, String item) {
		if (item.isEmpty()) {
			return Optional.of(field.name() + " has an empty list item");
		}
		String range = item;
		int slash = item.indexOf('/');
		if (slash >= 0) {
			range = item.substring(0, slash);
			String step = item.substring(slash + 1);
			Integer stepValue = parseNumber(step);
			if (stepValue == null) {
				return Optional.of(field.name() + " step '" + step + "' is not a number");
			}
			if (stepValue < 1) {
				return Optional.of(field.name() + " step '" + step + "' must be at least 1");
			}
		}
		if (range.equals("*")) {
			return Optional.empty();
		}
		int dash = range.indexOf('-');
		if (dash >= 0) {
			String low = range.substring(0, dash);
			String high = range.substring(dash + 1);
			Integer lowValue = value(field, low);
			Integer highValue = value(field, high);
			if (lowValue == null) {
				return Optional.of(notAValue(field, low));
			}
			if (highValue == null) {
				return Optional.of(notAValue(field, high));
			}
			Optional<String> bounds = inRange(field, low, lowValue).or(() -> inRange(field, high, highValue));
			if (bounds.isPresent()) {
				return bounds;
			}
			if (lowValue > highValue) {
				return Optional.of(field.name() + " range '" + range + "' runs backwards");
			}
			return Optional.empty();
		}
		Integer single = value(field, range);
		if (single == null) {
			return Optional.of(notAValue(field, range));
		}
		return inRange(field, range, single);
	}

	private static Optional<String> inRange(Field field, String text, int value) {
		if (value < field.min() || value > field.max()) {
			return Optional.of(field.name() + " '" + text + "' is out of range " + field.min() + "-" + field.max());
		}
		return Optional.empty();
	}

	private static String notAValue(Field field, String text) {
		if (field.names().isEmpty()) {
			return field.name() + " '" + text + "' is not a number";
		}
		return field.name() + " '" + text + "' is not a number or a name (" + field.names().get(0) + "-"
				+ field.names().get(field.names().size() - 1) + ")";
	}

	private static Integer value(Field field, String text) {
		int index = field.names().indexOf(text.toUpperCase(Locale.ROOT));
		if (index >= 0) {
			return index + field.firstNameValue();
		}
		return parseNumber(text);
	}

	private static Integer parseNumber(String text) {
		if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Integer.valueOf(text);
	}
}
