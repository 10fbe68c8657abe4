/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.iongov.model.json.IonJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The published JSON Schema agrees with the samples, the writer and the reader's structural rules. */
class SchemaTest {

	private static final ObjectMapper MAPPER = new ObjectMapper();
	private static JsonSchema schema;

	@BeforeAll
	static void loadSchema() throws IOException {
		try (InputStream in = Files.newInputStream(TestFiles.schemaFile())) {
			schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
		}
	}

	static List<Path> samples() {
		return TestFiles.samples();
	}

	@Test
	void isDraft202012() throws IOException {
		assertEquals("https://json-schema.org/draft/2020-12/schema",
				MAPPER.readTree(TestFiles.schemaFile().toFile()).get("$schema").asText());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void samplesConform(Path sample) throws Exception {
		assertEquals(Set.of(), schema.validate(MAPPER.readTree(sample.toFile())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void writerOutputConforms(Path sample) throws Exception {
		String written = IonJson.write(IonJson.parse(Files.readString(sample)));
		assertEquals(Set.of(), schema.validate(MAPPER.readTree(written)));
	}

	/** Structural defects the reader reports are also outside the schema. */
	@ParameterizedTest
	@ValueSource(strings = { "unknown-field", "unknown-root-field", "misspelt-field", "wrong-type-name",
			"wrong-type-nodes", "wrong-type-boolean", "parameter-array", "missing-format-version",
			"unsupported-format-version", "missing-engine", "missing-component-kind", "channel-missing-message",
			"unknown-engine", "unknown-role", "unknown-mode", "unknown-node-type", "unknown-policy-kind",
			"pipeline-without-code", "code-not-pinned", "bad-digest", "cron-and-interval", "threshold-incomplete",
			"approvals-below-one", "custom-policy-without-code", "invalid-name", "uploaded-model-without-digest" })
	void structurallyBrokenDefinitionsDoNotConform(String file) throws Exception {
		JsonNode json = MAPPER.readTree(TestFiles.brokenDir().resolve(file + ".json").toFile());
		Set<ValidationMessage> messages = schema.validate(json);
		assertFalse(messages.isEmpty(), file + " passed the schema");
	}
}
