/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.internal.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronSyntaxTest {

	@ParameterizedTest
	@ValueSource(strings = { "0 2 * * *", "*/15 * * * *", "0 0 1 JAN *", "30 8 * * MON-FRI", "0 0,12 1-15/2 * 7",
			"5 4 * * sun", "0 22 * * 1-5", "@daily", "@HOURLY", "  0 2 * * *  " })
	void accepts(String expression) {
		assertEquals(Optional.empty(), CronSyntax.check(expression));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"0 25 * * *|hour '25' is out of range 0-23",
			"60 * * * *|minute '60' is out of range 0-59",
			"0 0 0 * *|day-of-month '0' is out of range 1-31",
			"* * * *|expected 5 fields (minute hour day-of-month month day-of-week) but found 4",
			"0 0 0 * * * *|expected 5 fields (minute hour day-of-month month day-of-week) but found 7",
			"*/0 * * * *|minute step '0' must be at least 1",
			"*/x * * * *|minute step 'x' is not a number",
			"5-2 * * * *|minute range '5-2' runs backwards",
			"0 0 * FOO *|month 'FOO' is not a number or a name (JAN-DEC)",
			"0 0 * * 8|day-of-week '8' is out of range 0-7",
			"1,,2 * * * *|minute has an empty list item",
			"a * * * *|minute 'a' is not a number",
			"@reboot|unknown macro '@reboot' (known: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)" })
	void rejectsWithAReason(String expression, String reason) {
		assertEquals(Optional.of(reason), CronSyntax.check(expression));
	}
}
