/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.internal.model.json;

import java.util.Iterator;
import java.util.List;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.iongov.internal.model.JsonPaths;
import org.iongov.internal.model.Suggestions;
import org.iongov.model.validation.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed access to the fields of one JSON object, reporting unknown fields and wrong types as
 * problems at their paths instead of throwing. A getter returns null when the field is absent or
 * unusable; absence is for the model validator to judge.
 */
final class JsonObjectReader {

	private final ObjectNode node;
	private final String path;
	private final List<Problem> problems;

	/**
	 * @param what the object in the user's words, e.g. "a pipeline node"
	 * @param allowed the fields this object may have
	 */
	JsonObjectReader(ObjectNode node, String path, String what, List<String> allowed, List<Problem> problems) {
		this.node = node;
		this.path = path;
		this.problems = problems;
		for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!allowed.contains(name)) {
				String hint = Suggestions.closest(name, allowed).map(c -> " (did you mean '" + c + "'?)")
						.orElse(" (allowed: " + String.join(", ", allowed) + ")");
				problems.add(Problem.error(JsonPaths.field(path, name), "unknown field '" + name + "' in " + what + hint));
			}
		}
	}

	String path() {
		return path;
	}

	String path(String field) {
		return JsonPaths.field(path, field);
	}

	boolean has(String field) {
		return node.has(field);
	}

	JsonNode raw(String field) {
		return node.get(field);
	}

	String string(String field) {
		JsonNode value = node.get(field);
		if (value == null) {
			return null;
		}
		if (!value.isTextual()) {
			wrongType(field, "a string", value);
			return null;
		}
		return value.textValue();
	}

	Integer integer(String field) {
		JsonNode value = node.get(field);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			wrongType(field, "an integer", value);
			return null;
		}
		return value.intValue();
	}

	Double number(String field) {
		JsonNode value = node.get(field);
		if (value == null) {
			return null;
		}
		if (!value.isNumber()) {
			wrongType(field, "a number", value);
			return null;
		}
		return value.doubleValue();
	}

	Boolean bool(String field) {
		JsonNode value = node.get(field);
		if (value == null) {
			return null;
		}
		if (!value.isBoolean()) {
			wrongType(field, "true or false", value);
			return null;
		}
		return value.booleanValue();
	}

	ObjectNode object(String field) {
		JsonNode value = node.get(field);
		if (value == null) {
			return null;
		}
		if (!value.isObject()) {
			wrongType(field, "an object", value);
			return null;
		}
		return (ObjectNode) value;
	}

	ArrayNode array(String field) {
		JsonNode value = node.get(field);
		if (value == null) {
			return null;
		}
		if (!value.isArray()) {
			wrongType(field, "an array", value);
			return null;
		}
		return (ArrayNode) value;
	}

	/**
	 * A value of an Ecore enum, spelt as its literal (e.g. "event-triggered").
	 *
	 * @param what the field in the user's words, e.g. "engine"
	 */
	Enumerator enumerator(String field, String what, EEnum eEnum) {
		JsonNode value = node.get(field);
		if (value == null) {
			return null;
		}
		List<String> literals = eEnum.getELiterals().stream().map(EEnumLiteral::getLiteral).toList();
		if (!value.isTextual()) {
			wrongType(field, "a string (one of " + String.join(", ", literals) + ")", value);
			return null;
		}
		EEnumLiteral literal = eEnum.getEEnumLiteralByLiteral(value.textValue());
		if (literal == null) {
			problems.add(Problem.error(path(field), "unknown " + what + " '" + value.textValue() + "'; expected one of "
					+ String.join(", ", literals) + Suggestions.didYouMean(value.textValue(), literals)));
			return null;
		}
		return literal.getInstance();
	}

	private void wrongType(String field, String expected, JsonNode found) {
		problems.add(Problem.error(path(field), "expected " + expected + " but found " + describe(found)));
	}

	/** How a JSON value is named in messages: "a number (42)", "an array", "null". */
	static String describe(JsonNode value) {
		if (value == null || value.isMissingNode()) {
			return "nothing";
		}
		if (value.isNull()) {
			return "null";
		}
		if (value.isTextual()) {
			String text = value.textValue();
			return "a string (\"" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "\")";
		}
		if (value.isNumber()) {
			return "a number (" + value.asText() + ")";
		}
		if (value.isBoolean()) {
			return "a boolean (" + value.asText() + ")";
		}
		if (value.isArray()) {
			return "an array";
		}
		if (value.isObject()) {
			return "an object";
		}
		return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
	}
}
