/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.json;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.iongov.internal.model.IonPaths;
import org.iongov.model.Ion;
import org.iongov.model.validation.Problem;

/**
 * What reading a JSON definition gave: the model (possibly partial), the problems met while
 * reading (malformed JSON, wrong types, unknown fields, unknown names) and where in the JSON each
 * element was read. Reading does not check the model's meaning: see
 * {@link org.iongov.model.validation.IonValidator}.
 */
public final class IonReadResult {

	private final Ion ion;
	private final List<Problem> problems;
	private final Map<EObject, String> paths;

	IonReadResult(Ion ion, List<Problem> problems, Map<EObject, String> paths) {
		this.ion = ion;
		this.problems = List.copyOf(problems);
		this.paths = paths;
	}

	/** The model read; empty when the JSON could not be parsed or was not an object. */
	public Optional<Ion> ion() {
		return Optional.ofNullable(ion);
	}

	public List<Problem> problems() {
		return problems;
	}

	public boolean hasErrors() {
		return problems.stream().anyMatch(Problem::isError);
	}

	/** The JSON path an element was read from; for elements added later, the path it would have. */
	public String pathOf(EObject element) {
		String path = paths.get(element);
		return path != null ? path : IonPaths.of(element);
	}
}
