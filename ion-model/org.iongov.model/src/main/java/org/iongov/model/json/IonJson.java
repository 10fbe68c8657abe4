/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.iongov.internal.model.json.IonJsonVocabulary;
import org.iongov.internal.model.json.JsonIonReader;
import org.iongov.internal.model.json.JsonIonWriter;
import org.iongov.model.Ion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON definition format of an ION (see ion-model/README.md and
 * ion-model/schema/ion-definition.schema.json). Nodes, channels and components refer to each
 * other by name. Reading never throws for bad input: it reports {@link IonReadResult#problems()}.
 */
public final class IonJson {

	/** The format version this code reads and writes, the definition's {@code formatVersion}. */
	public static final int FORMAT_VERSION = IonJsonVocabulary.FORMAT_VERSION;

	private IonJson() {
	}

	/** Reads a definition from UTF-8 (or UTF-16/32 with a byte order mark) bytes. */
	public static IonReadResult read(byte[] json) {
		JsonIonReader.Result result = JsonIonReader.read(json);
		return new IonReadResult(result.ion(), result.problems(), result.paths());
	}

	public static IonReadResult read(String json) {
		return read(json.getBytes(StandardCharsets.UTF_8));
	}

	/** Reads the whole stream; only a failing stream throws. */
	public static IonReadResult read(InputStream json) throws IOException {
		return read(json.readAllBytes());
	}

	/** Reads a definition that has already been parsed, e.g. the body of a server request. */
	public static IonReadResult read(JsonNode json) {
		JsonIonReader.Result result = JsonIonReader.read(json);
		return new IonReadResult(result.ion(), result.problems(), result.paths());
	}

	/**
	 * Reads a definition that is expected to be well-formed, e.g. one stored by the server.
	 *
	 * @throws IonJsonException when reading met errors (the model's meaning is not checked)
	 */
	public static Ion parse(String json) throws IonJsonException {
		IonReadResult result = read(json);
		if (result.hasErrors() || result.ion().isEmpty()) {
			throw new IonJsonException(result.problems());
		}
		return result.ion().get();
	}

	/** The definition as a JSON tree, keys in the documented order. */
	public static ObjectNode toTree(Ion ion) {
		return JsonIonWriter.toTree(ion);
	}

	/** The definition as text: two-space indentation, keys in the documented order, final newline. */
	public static String write(Ion ion) {
		return JsonIonWriter.toText(ion);
	}
}
