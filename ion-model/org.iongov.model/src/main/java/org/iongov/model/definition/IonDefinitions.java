/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.definition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.iongov.model.Ion;
import org.iongov.model.json.IonJson;
import org.iongov.model.json.IonReadResult;
import org.iongov.model.summary.IonSummary;
import org.iongov.model.validation.IonValidator;
import org.iongov.model.validation.Problem;
import org.iongov.model.validation.ValidationReport;

/**
 * ION definition files for command lines and servers in a plain JVM: read and check a definition
 * in one step, and describe an ION for people. Nothing here throws for a bad definition; every
 * problem, including an unreadable file, is in the report.
 */
public final class IonDefinitions {

	private IonDefinitions() {
	}

	/**
	 * Reads and checks a JSON definition file.
	 *
	 * @return the report, named after the file as given
	 */
	public static ValidationReport validate(Path file) {
		String source = file.toString();
		byte[] bytes;
		try {
			if (Files.isDirectory(file)) {
				return unreadable(source, "is a directory, not a definition file");
			}
			bytes = Files.readAllBytes(file);
		} catch (NoSuchFileException e) {
			return unreadable(source, "no such file");
		} catch (AccessDeniedException e) {
			return unreadable(source, "cannot read the file: permission denied");
		} catch (IOException e) {
			return unreadable(source, "cannot read the file: " + e.getMessage());
		}
		return validate(bytes, source);
	}

	/** Reads and checks a JSON definition given as text; {@code source} names it in the report. */
	public static ValidationReport validate(String json, String source) {
		return validate(json.getBytes(StandardCharsets.UTF_8), source);
	}

	/**
	 * Reads and checks a JSON definition. Problems met while reading come first; the model's
	 * checks follow, except where reading already reported an error at the same place (a field
	 * with the wrong type is not also reported as missing).
	 */
	public static ValidationReport validate(byte[] json, String source) {
		IonReadResult read = IonJson.read(json);
		List<Problem> problems = new ArrayList<>(read.problems());
		Ion ion = read.ion().orElse(null);
		if (ion != null) {
			List<String> readErrorPaths = read.problems().stream().filter(Problem::isError).map(Problem::path).toList();
			for (Problem problem : new IonValidator().validate(ion, read::pathOf)) {
				if (!isAtOrBelow(problem.path(), readErrorPaths)) {
					problems.add(problem);
				}
			}
		}
		return new ValidationReport(source, ion, new ArrayList<>(new LinkedHashSet<>(problems)));
	}

	/** A readable summary: nodes with role, engine, mode and schedule, channels, component graphs. */
	public static String describe(Ion ion) {
		return IonSummary.describe(ion);
	}

	private static boolean isAtOrBelow(String path, List<String> ancestors) {
		for (String ancestor : ancestors) {
			if (ancestor.isEmpty() || path.equals(ancestor) || path.startsWith(ancestor + ".")
					|| path.startsWith(ancestor + "[")) {
				return true;
			}
		}
		return false;
	}

	private static ValidationReport unreadable(String source, String why) {
		return new ValidationReport(source, null, List.of(Problem.error("", why)));
	}
}
