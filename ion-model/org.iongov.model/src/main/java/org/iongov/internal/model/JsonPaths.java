/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.internal.model;

import java.util.regex.Pattern;

/**
 * Paths into a JSON definition as problems show them: {@code nodes[2].components[3].inputs[0]},
 * {@code nodes[1].parameters["model.path"]}. The document itself is the empty path.
 */
public final class JsonPaths {

	private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private JsonPaths() {
	}

	public static String field(String parent, String name) {
		if (PLAIN_KEY.matcher(name).matches()) {
			return parent.isEmpty() ? name : parent + "." + name;
		}
		// keys that are not identifiers (parameters may be "model.path") are quoted
		return parent + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
	}

	public static String index(String parent, int index) {
		return parent + "[" + index + "]";
	}
}
