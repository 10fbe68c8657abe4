/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.iongov.model.TestFiles;
import org.iongov.model.validation.Problem;
import org.iongov.model.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file under src/test/resources/broken is a small definition with one kind of defect. Each
 * must get exactly its own problems (path, severity and message), with no follow-up noise, no
 * exception and no stack trace. An expected line ending in "*" is matched as a prefix, for the
 * parser's own wording after our "malformed JSON at line L, column C: ".
 */
class BrokenDefinitionsTest {

	private static final String PINNED = "https://git.example.org/clinic-ml/recommender.git";
	private static final String TRAIN_NOWHERE = "warning: training pipeline 'train' sends its model nowhere: "
			+ "add a model channel from it to a policy or an inference pipeline";

	static Stream<Arguments> cases() {
		return Stream.of(
				// the JSON itself
				broken("malformed-json", "error: malformed JSON at line 11, column 7: Unexpected character*"),
				broken("empty", "error: the definition is empty: expected a JSON object with 'formatVersion', 'name' and 'nodes'"),
				broken("top-level-array", "error: expected a JSON object at the top level but found an array"),
				broken("trailing-content",
						"error: malformed JSON at line 62, column 1: more content after the end of the definition"),
				broken("duplicate-json-key", "error: malformed JSON at line 44, column 13: Duplicate field 'name'*"),
				// wrong types
				broken("wrong-type-name", "name: error: expected a string but found a number (42)"),
				broken("wrong-type-nodes", "nodes: error: expected an array but found an object"),
				broken("wrong-type-boolean",
						"nodes[2].separationOfDuties: error: expected true or false but found a string (\"yes\")"),
				broken("parameter-array", "nodes[0].parameters.grid: error: parameter 'grid' must be a string, a number or "
						+ "a boolean, not an array"),
				// required fields and format version
				broken("missing-format-version",
						"formatVersion: error: missing required field 'formatVersion' (this IonGov reads format version 1)"),
				broken("unsupported-format-version",
						"formatVersion: error: format version 2 is not supported; this IonGov reads format version 1"),
				broken("missing-engine", "nodes[1].engine: error: missing required field 'engine' (one of spark, flink, "
						+ "tensorflow, standalone)"),
				broken("missing-component-kind", "nodes[0].components[3].kind: error: missing required field 'kind' (one "
						+ "of reader, feature-step, trainer, evaluator, scorer, writer, other)"),
				broken("channel-missing-message",
						"channels[1].message: error: missing required field 'message' (one of model, event, statistic)"),
				broken("missing-version", "version: warning: no version: give the definition a \"version\" so its "
						+ "revisions can be told apart"),
				// unknown fields and values
				broken("unknown-field", "nodes[0].owner: error: unknown field 'owner' in a pipeline node (allowed: type, "
						+ "name, description, role, engine, mode, schedule, code, model, parameters, components)"),
				broken("misspelt-field",
						"nodes[1].engin: error: unknown field 'engin' in a pipeline node (did you mean 'engine'?)",
						"nodes[1].engine: error: missing required field 'engine' (one of spark, flink, tensorflow, standalone)"),
				broken("unknown-root-field", "author: error: unknown field 'author' in the ION definition (allowed: "
						+ "formatVersion, name, version, description, nodes, channels)"),
				broken("unknown-engine", "nodes[0].engine: error: unknown engine 'sprak'; expected one of spark, flink, "
						+ "tensorflow, standalone (did you mean 'spark'?)"),
				broken("unknown-role", "nodes[0].role: error: unknown role 'trainer'; expected one of training, "
						+ "inference, control, ensemble-member"),
				broken("unknown-mode",
						"nodes[1].mode: error: unknown mode 'stream'; expected one of batch, streaming, event-triggered"),
				broken("unknown-node-type",
						"nodes[1].type: error: unknown node type 'inference'; expected 'pipeline' or 'policy'",
						"channels[0].to: error: node 'score' could not be read (see nodes[1])"),
				broken("unknown-policy-kind", "nodes[2].kind: error: unknown policy kind 'manual-approval'; expected one "
						+ "of automatic-approval, threshold-check, human-approval, custom-policy"),
				// references and names
				broken("unknown-node-in-channel", "channels[1].to: error: unknown node 'monitor'; the nodes are: train, score"),
				broken("unknown-component-input", "nodes[0].components[2].inputs[0]: error: unknown component 'featurs' in "
						+ "pipeline 'train' (did you mean 'features'?)"),
				broken("duplicate-node-names", "nodes[2].name: error: duplicate node name 'train' (also nodes[0])",
						"nodes[2]: " + TRAIN_NOWHERE),
				broken("duplicate-component-names",
						"nodes[0].components[3].name: error: duplicate component name 'fit' (also nodes[0].components[2])"),
				broken("duplicate-channel-names", "channels[1].name: error: duplicate channel name 'model' (also channels[0])"),
				broken("invalid-name", "nodes[0].components[0].name: error: 'read data' is not a valid name: use up to 100 "
						+ "letters, digits, '.', '_' and '-', starting with a letter or digit"),
				// level 1
				broken("component-self-loop", "nodes[0].components[2]: error: component 'fit' lists itself as an input (a "
						+ "self-loop); a pipeline's component graph must be acyclic"),
				broken("component-cycle", "nodes[0].components[1]: error: edge 'evaluate -> features' makes the component "
						+ "graph cyclic (evaluate -> features -> fit -> evaluate)"),
				// level 2
				broken("policy-without-channels",
						"nodes[2]: error: policy 'approve' has no incoming model channel: a policy decides on models, so "
								+ "connect the pipeline that produces them",
						"nodes[2]: error: policy 'approve' has no outgoing model channel: connect it to the pipeline that "
								+ "should receive the models it lets through"),
				broken("inference-without-model", "nodes[0]: " + TRAIN_NOWHERE,
						"nodes[1]: error: inference pipeline 'score' never receives a model: connect a model channel to it "
								+ "or give it an uploaded \"model\""),
				// code references
				broken("pipeline-without-code", "nodes[1].code: error: inference pipeline 'score' has no code reference: "
						+ "add \"code\" with a \"uri\" and a \"commit\" or \"digest\""),
				broken("code-not-pinned", "nodes[1].code: error: code reference '" + PINNED + "' is not pinned: give a "
						+ "\"commit\" or a \"digest\" so runs can be reproduced"),
				broken("bad-digest", "nodes[1].code.digest: error: 'md5:9e107d9d372bb6826bd81d3542a419d6' is not a content "
						+ "digest: expected sha256: followed by 64 lower-case hex digits (or sha384:/sha512: with 96/128)"),
				broken("uploaded-model-without-digest", "nodes[0]: " + TRAIN_NOWHERE,
						"nodes[1].model.digest: error: uploaded model 'https://models.example.org/recommender/lr-1' has no "
								+ "digest: give its \"digest\" so predictions can be traced to the exact model"),
				// schedules
				broken("bad-cron", "nodes[0].schedule.cron: error: '0 25 * * *' is not a valid cron expression: hour '25' "
						+ "is out of range 0-23"),
				broken("bad-interval", "nodes[0].schedule.interval: error: '6h' is not an ISO-8601 duration such as PT30M, "
						+ "PT6H or P1D"),
				broken("non-positive-interval", "nodes[0].schedule.interval: error: interval 'PT0S' must be positive"),
				broken("cron-and-interval",
						"nodes[0].schedule: error: schedule has both 'cron' and 'interval': give only one"),
				broken("schedule-on-streaming", "nodes[1].schedule: warning: inference pipeline 'score' is streaming, so it "
						+ "runs continuously and its schedule is ignored"),
				// policies
				broken("threshold-incomplete",
						"nodes[2].comparison: error: missing required field 'comparison' (one of >, >=, <, <=, ==, !=)",
						"nodes[2].value: error: missing required field 'value' (the number to compare the statistic with)"),
				broken("approvals-below-one",
						"nodes[2].approvalsRequired: error: approvalsRequired is 0 but must be at least 1"),
				broken("custom-policy-without-code", "nodes[2].code: error: policy 'approve' is a custom policy without a "
						+ "code reference: add \"code\" with a \"uri\" and a \"commit\" or \"digest\""));
	}

	private static Arguments broken(String file, String... expected) {
		return Arguments.of(file, List.of(expected));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void reportsExactlyItsOwnProblems(String file, List<String> expected) {
		ValidationReport report = IonDefinitions.validate(TestFiles.brokenDir().resolve(file + ".json"));

		List<String> actual = report.problems().stream().map(Problem::toString).toList();
		assertEquals(expected.size(), actual.size(), () -> "problems of " + file + ":\n" + String.join("\n", actual));
		for (int i = 0; i < expected.size(); i++) {
			String want = expected.get(i);
			String got = actual.get(i);
			if (want.endsWith("*")) {
				assertTrue(got.startsWith(want.substring(0, want.length() - 1)), () -> file + ": expected " + want
						+ "\n but got " + got);
			} else {
				assertEquals(want, got, file);
			}
		}
		boolean expectsError = expected.stream().anyMatch(e -> e.contains("error: "));
		assertEquals(!expectsError, report.isValid(), file + " validity");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void showsNoStackTrace(String file, List<String> expected) {
		ValidationReport report = IonDefinitions.validate(TestFiles.brokenDir().resolve(file + ".json"));
		for (Problem problem : report.problems()) {
			assertFalse(problem.message().matches("(?s).*(Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.).*"), problem::toString);
			assertFalse(problem.message().contains("\n"), problem::toString);
		}
	}

	@Test
	void everyBrokenFileHasACase() throws IOException {
		Set<String> covered = cases().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
		Set<String> files = new TreeSet<>();
		try (Stream<Path> list = Files.list(TestFiles.brokenDir())) {
			list.map(p -> p.getFileName().toString().replaceFirst("\\.json$", "")).forEach(files::add);
		}
		assertEquals(files, covered);
		// the issue asks for at least 15 kinds
		assertTrue(covered.size() >= 15, "kinds: " + covered.size());
	}

	@Test
	void reportLinesNameTheFileThePathAndTheSeverity() {
		Path file = TestFiles.brokenDir().resolve("component-cycle.json");
		ValidationReport report = IonDefinitions.validate(file);
		List<String> lines = new ArrayList<>(report.lines());
		assertEquals(List.of(file + ": nodes[0].components[1]: error: edge 'evaluate -> features' makes the "
				+ "component graph cyclic (evaluate -> features -> fit -> evaluate)"), lines);
	}
}
