/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iongov.model.TestFiles;
import org.iongov.model.validation.ValidationReport;
import org.junit.jupiter.api.Test;

/** The example in ion-model/README.md is a valid definition, so the documentation cannot drift. */
class ReadmeExampleTest {

	@Test
	void theReadmeExampleIsValid() throws Exception {
		String readme = Files.readString(TestFiles.ionModelDir().resolve("README.md"));
		Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
		assertTrue(json.find(), "README.md has a ```json block");
		ValidationReport report = IonDefinitions.validate(json.group(1), "README.md");
		assertEquals(List.of(), report.lines());
	}
}
