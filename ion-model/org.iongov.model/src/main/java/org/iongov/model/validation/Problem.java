/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.validation;

import java.util.Objects;

/**
 * One thing wrong with an ION definition, located by its path in the JSON definition, e.g.
 * {@code nodes[2].components[3]}, or the empty path for the document as a whole (malformed JSON).
 *
 * @param severity error or warning
 * @param path where in the JSON definition; empty for the whole document
 * @param message what is wrong, in the user's terms, naming the element
 */
public record Problem(Severity severity, String path, String message) {

	public Problem {
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(message, "message");
	}

	public static Problem error(String path, String message) {
		return new Problem(Severity.ERROR, path, message);
	}

	public static Problem warning(String path, String message) {
		return new Problem(Severity.WARNING, path, message);
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	/** {@code path: message}, or the message alone for the whole document. */
	public String describe() {
		return path.isEmpty() ? message : path + ": " + message;
	}

	/** {@code path: error: message}, the form the command line prints after the file name. */
	@Override
	public String toString() {
		return (path.isEmpty() ? "" : path + ": ") + severity.label() + ": " + message;
	}
}
