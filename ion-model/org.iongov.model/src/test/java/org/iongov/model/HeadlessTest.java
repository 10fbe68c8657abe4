/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The model bundle stays below the UI: no compiled class refers to SWT, JFace, the Eclipse UI or
 * OSGi itself (it must run in a plain JVM; bnd derives its imports from these references).
 */
class HeadlessTest {

	private static final List<String> FORBIDDEN = List.of("org/eclipse/swt/", "org/eclipse/jface/", "org/eclipse/ui/",
			"org/osgi/", "org/eclipse/core/runtime/");

	@Test
	void noClassRefersToUiOrOsgi() throws IOException {
		Path classes = TestFiles.ionModelDir().resolve("org.iongov.model/target/classes");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(classes)) {
			files = walk.filter(p -> p.toString().endsWith(".class")).toList();
		}
		assertTrue(files.size() > 40, "classes found: " + files.size());
		for (Path file : files) {
			// class file constant pools hold referenced type names as plain (modified) UTF-8
			String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
			for (String forbidden : FORBIDDEN) {
				assertEquals(-1, constants.indexOf(forbidden), file + " refers to " + forbidden);
			}
		}
	}
}
