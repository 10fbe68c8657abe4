/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the samples, the schema and the broken definitions are. */
public final class TestFiles {

	private TestFiles() {
	}

	/** ion-model/, given by surefire; the module's parent when run from an IDE. */
	public static Path ionModelDir() {
		String dir = System.getProperty("iongov.ionModel.dir");
		return (dir != null ? Path.of(dir) : Path.of("..")).toAbsolutePath().normalize();
	}

	public static Path examplesDir() {
		return ionModelDir().resolve("examples");
	}

	public static Path schemaFile() {
		return ionModelDir().resolve("schema/ion-definition.schema.json");
	}

	public static Path brokenDir() {
		return ionModelDir().resolve("org.iongov.model/src/test/resources/broken");
	}

	/** The five samples of Figure 1, in order (a) to (e). */
	public static List<Path> samples() {
		try (Stream<Path> files = Files.list(examplesDir())) {
			return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static Path sample(String prefix) {
		return samples().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no sample " + prefix));
	}
}
