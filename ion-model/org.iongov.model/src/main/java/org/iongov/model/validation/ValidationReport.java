/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.validation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.iongov.model.Ion;

/**
 * The outcome of checking one ION definition: its problems and, when the JSON could be read at
 * all, the model read from it.
 */
public final class ValidationReport {

	private final String source;
	private final Ion ion;
	private final List<Problem> problems;

	/**
	 * @param source what was checked, for messages (usually the file name as the user gave it)
	 * @param ion the model read, or null when the definition could not be read
	 * @param problems in the order found
	 */
	public ValidationReport(String source, Ion ion, List<Problem> problems) {
		this.source = Objects.requireNonNull(source, "source");
		this.ion = ion;
		this.problems = List.copyOf(problems);
	}

	public String source() {
		return source;
	}

	/** The model read, possibly partial when there are errors; empty when the JSON was unreadable. */
	public Optional<Ion> ion() {
		return Optional.ofNullable(ion);
	}

	public List<Problem> problems() {
		return problems;
	}

	public List<Problem> errors() {
		return problems.stream().filter(Problem::isError).toList();
	}

	public List<Problem> warnings() {
		return problems.stream().filter(p -> !p.isError()).toList();
	}

	/** True when there is no error; warnings do not make a definition invalid. */
	public boolean isValid() {
		return problems.stream().noneMatch(Problem::isError);
	}

	/** One line per problem: {@code SOURCE: path: severity: message}. */
	public List<String> lines() {
		return problems.stream().map(p -> source + ": " + p).toList();
	}

	@Override
	public String toString() {
		return source + ": " + (isValid() ? "valid" : errors().size() + " error(s)") + ", "
				+ warnings().size() + " warning(s)";
	}
}
