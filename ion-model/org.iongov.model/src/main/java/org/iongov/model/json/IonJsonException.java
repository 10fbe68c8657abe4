/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.json;

import java.util.List;
import java.util.stream.Collectors;

import org.iongov.model.validation.Problem;

/** A JSON definition that could not be read without errors; the problems say what and where. */
public final class IonJsonException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient List<Problem> problems;

	public IonJsonException(List<Problem> problems) {
		super(problems.stream().filter(Problem::isError).map(Problem::describe).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}
}
