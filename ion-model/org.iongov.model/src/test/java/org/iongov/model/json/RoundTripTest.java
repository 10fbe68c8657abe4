/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.iongov.model.Ion;
import org.iongov.model.TestFiles;
import org.iongov.model.xmi.IonXmi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON -> model -> JSON and JSON -> model -> XMI -> model -> JSON over all samples: the same
 * JSON tree comes back (formatting aside). Trees are parsed with exact decimals, so 0.0 and 0
 * count as different.
 */
class RoundTripTest {

	private static final ObjectMapper EXACT = JsonMapper.builder(JsonFactory.builder()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
			.build();

	static List<Path> samples() {
		return TestFiles.samples();
	}

	private static void assertSameTree(JsonNode expected, JsonNode actual) {
		if (!expected.equals(actual)) {
			// a readable diff; key order alone would not make the trees differ
			assertEquals(expected.toPrettyString(), actual.toPrettyString());
		}
		assertEquals(expected, actual);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void jsonToModelToJson(Path sample) throws Exception {
		String text = Files.readString(sample);
		Ion ion = IonJson.parse(text);
		assertSameTree(EXACT.readTree(text), EXACT.readTree(IonJson.write(ion)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void samplesAreInTheWritersKeyOrder(Path sample) throws Exception {
		// so that a sample and the definition the server writes back read the same
		String text = Files.readString(sample);
		assertEquals(EXACT.readTree(text).toPrettyString(), EXACT.readTree(IonJson.toTree(IonJson.parse(text)).toString())
				.toPrettyString());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void jsonToModelToXmiToModelToJson(Path sample) throws Exception {
		String text = Files.readString(sample);
		Ion ion = IonJson.parse(text);

		String xmi = IonXmi.toXmi(ion);
		assertTrue(xmi.contains("xmlns:ion=\"http://www.iongov.org/ion/1.0\""), xmi);
		Ion back = IonXmi.fromXmi(xmi);

		assertNotSame(ion, back);
		assertTrue(EcoreUtil.equals(ion, back), "the model read back from XMI differs");
		assertSameTree(EXACT.readTree(text), EXACT.readTree(IonJson.write(back)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void throughAnXmiFile(Path sample, @TempDir Path dir) throws Exception {
		String text = Files.readString(sample);
		Ion ion = IonJson.parse(text);
		Path file = dir.resolve("ion.xmi");
		IonXmi.save(ion, file);
		Ion back = IonXmi.load(file);
		assertSameTree(EXACT.readTree(text), EXACT.readTree(IonJson.write(back)));
		// saving is done on a copy: the model stays out of any resource
		assertEquals(null, ion.eResource());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void writingIsStable(Path sample) throws IOException, IonJsonException {
		String once = IonJson.write(IonJson.parse(Files.readString(sample)));
		String twice = IonJson.write(IonJson.parse(once));
		assertEquals(once, twice);
	}
}
