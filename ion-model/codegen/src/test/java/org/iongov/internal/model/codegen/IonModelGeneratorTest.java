/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.internal.model.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation is deterministic and the committed src-gen is its exact output. Runs on copies of
 * the model files, so the tests never touch the committed tree.
 */
class IonModelGeneratorTest {

	private static Path modelProject() {
		String dir = System.getProperty("iongov.model.dir");
		return (dir != null ? Path.of(dir) : Path.of("../org.iongov.model")).toAbsolutePath().normalize();
	}

	private static Path copyModel(Path dir, boolean withGenModel) throws IOException {
		Path model = Files.createDirectories(dir.resolve("model"));
		Files.copy(modelProject().resolve("model/ion.ecore"), model.resolve("ion.ecore"));
		if (withGenModel) {
			Files.copy(modelProject().resolve("model/ion.genmodel"), model.resolve("ion.genmodel"));
		}
		return model.resolve("ion.genmodel");
	}

	private static List<Path> files(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
		}
	}

	private static void assertSameTree(Path expected, Path actual) throws IOException {
		assertEquals(files(expected), files(actual));
		for (Path file : files(expected)) {
			assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)),
					file.toString());
		}
	}

	@Test
	void regeneratesTheCommittedCodeByteForByte(@TempDir Path dir) throws IOException {
		Path genModel = copyModel(dir, true);
		Path srcGen = dir.resolve("src-gen");

		IonModelGenerator.Summary first = IonModelGenerator.generate(genModel, srcGen, dir.resolve("staging"));
		assertSameTree(modelProject().resolve("src-gen"), srcGen);
		assertFalse(first.genModelSaved(), "the committed genmodel is already what the generator would save");

		IonModelGenerator.Summary second = IonModelGenerator.generate(genModel, srcGen, dir.resolve("staging"));
		assertEquals(first.files(), second.files());
		assertEquals(0, second.written(), "a second run must not change any file");
		assertEquals(0, second.deleted());
	}

	@Test
	void keepsPluginFilesOutOfSrcGen(@TempDir Path dir) throws IOException {
		Path genModel = copyModel(dir, true);
		Path staging = dir.resolve("staging");
		IonModelGenerator.generate(genModel, dir.resolve("src-gen"), staging);
		// EMF writes them for a plug-in project; the bundle's manifest comes from bnd instead
		assertTrue(Files.exists(staging.resolve("org.iongov.model/META-INF/MANIFEST.MF")));
		assertTrue(files(dir.resolve("src-gen")).stream().allMatch(p -> p.toString().endsWith(".java")));
	}

	@Test
	void removesFilesNoLongerGenerated(@TempDir Path dir) throws IOException {
		Path genModel = copyModel(dir, true);
		Path srcGen = dir.resolve("src-gen");
		Path stale = Files.createDirectories(srcGen.resolve("org/iongov/model/gone")).resolve("Removed.java");
		Files.writeString(stale, "class Removed {}");

		IonModelGenerator.Summary summary = IonModelGenerator.generate(genModel, srcGen, dir.resolve("staging"));
		assertEquals(1, summary.deleted());
		assertFalse(Files.exists(stale));
		assertFalse(Files.exists(stale.getParent()), "empty folders go too");
	}

	@Test
	void createsTheCommittedGenModelFromTheEcoreAlone(@TempDir Path dir) throws IOException {
		Path genModel = copyModel(dir, false);
		IonModelGenerator.Summary summary = IonModelGenerator.generate(genModel, dir.resolve("src-gen"), dir.resolve("staging"));
		assertTrue(summary.genModelSaved());
		assertArrayEquals(Files.readAllBytes(modelProject().resolve("model/ion.genmodel")), Files.readAllBytes(genModel));
		assertSameTree(modelProject().resolve("src-gen"), dir.resolve("src-gen"));
	}
}
