/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.iongov.model.TestFiles;
import org.iongov.model.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IonDefinitionsTest {

	@Test
	void aMissingFileIsAProblemNotAnException(@TempDir Path dir) {
		Path file = dir.resolve("nothing-here.json");
		ValidationReport report = IonDefinitions.validate(file);
		assertFalse(report.isValid());
		assertTrue(report.ion().isEmpty());
		assertEquals(List.of(file + ": error: no such file"), report.lines());
	}

	@Test
	void aDirectoryIsAProblemNotAnException(@TempDir Path dir) {
		ValidationReport report = IonDefinitions.validate(dir);
		assertFalse(report.isValid());
		assertEquals(List.of(dir + ": error: is a directory, not a definition file"), report.lines());
	}

	@Test
	void aValidDefinitionHasNoLinesAndItsModel() {
		ValidationReport report = IonDefinitions.validate(TestFiles.sample("b-"));
		assertTrue(report.isValid());
		assertEquals(List.of(), report.lines());
		assertEquals("test-recommendation-scheduled-retraining", report.ion().orElseThrow().getName());
	}

	@Test
	void warningsAloneKeepADefinitionValid() {
		ValidationReport report = IonDefinitions.validate(TestFiles.brokenDir().resolve("schedule-on-streaming.json"));
		assertTrue(report.isValid());
		assertEquals(1, report.warnings().size());
		assertEquals(0, report.errors().size());
	}

	@Test
	void textIsNamedByTheGivenSource() {
		ValidationReport report = IonDefinitions.validate("{\"formatVersion\": 1, \"name\": \"x\"}", "upload #7");
		assertEquals(List.of("upload #7: version: warning: no version: give the definition a \"version\" so its "
				+ "revisions can be told apart", "upload #7: nodes: error: the ION has no nodes: add at least one pipeline"),
				report.lines());
	}

	@Test
	void aFieldOfTheWrongTypeIsNotAlsoReportedAsMissing() {
		// the reader reports the wrong type; the validator's "missing" at the same path is dropped
		ValidationReport report = IonDefinitions.validate("{\"formatVersion\": 1, \"name\": \"x\", \"version\": \"1\", "
				+ "\"nodes\": [{\"type\": \"pipeline\", \"name\": \"p\", \"role\": 3, \"engine\": \"spark\", "
				+ "\"mode\": \"batch\", \"code\": {\"uri\": \"https://e.org/r.git\", \"commit\": \"abcdef0\"}}]}", "t");
		assertEquals(List.of("t: nodes[0].role: error: expected a string (one of training, inference, control, "
				+ "ensemble-member) but found a number (3)"), report.lines());
	}

	@Test
	void oddInputsBecomeOneProblemEach() {
		byte[] nested = ("[".repeat(5000) + "]".repeat(5000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		List<byte[]> inputs = List.of("null".getBytes(), "\"an ion\"".getBytes(), "{".getBytes(), "   \n".getBytes(),
				new byte[] { '{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' }, nested,
				"{\"formatVersion\": 1, \"name\": \"x\", \"nodes\": [null, 7, []]}".getBytes());
		for (byte[] input : inputs) {
			ValidationReport report = IonDefinitions.validate(input, "odd");
			assertFalse(report.isValid(), new String(input, java.nio.charset.StandardCharsets.UTF_8));
			assertTrue(report.errors().size() >= 1);
			report.problems().forEach(p -> assertFalse(p.message().contains("Exception"), p::toString));
		}
		assertEquals(List.of("odd: nodes[0]: error: expected an object (a node) but found null",
				"odd: nodes[1]: error: expected an object (a node) but found a number (7)",
				"odd: nodes[2]: error: expected an object (a node) but found an array",
				"odd: version: warning: no version: give the definition a \"version\" so its revisions can be told apart",
				"odd: nodes: error: the ION has no nodes: add at least one pipeline"),
				IonDefinitions.validate(inputs.get(6), "odd").lines());
	}

	@Test
	void describeSummarisesAnIon() {
		String text = IonDefinitions.describe(IonDefinitions.validate(TestFiles.sample("b-")).ion().orElseThrow());
		assertTrue(text.startsWith("ION test-recommendation-scheduled-retraining, version 1.0\n"), text);
		assertTrue(text.contains("trained-model:  train-recommender -> recommend-tests (model)"), text);
	}
}
