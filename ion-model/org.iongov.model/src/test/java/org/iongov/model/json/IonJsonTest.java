/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.iongov.model.Component;
import org.iongov.model.HumanApproval;
import org.iongov.model.Ion;
import org.iongov.model.IonFactory;
import org.iongov.model.Parameter;
import org.iongov.model.ParameterType;
import org.iongov.model.PipelineNode;
import org.iongov.model.PipelineRole;
import org.iongov.model.PolicyNode;
import org.iongov.model.TestFiles;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class IonJsonTest {

	private static final String HEAD = "{\"formatVersion\": 1, \"name\": \"t\", \"version\": \"1\", ";

	private static List<String> keys(JsonNode node) {
		List<String> keys = new ArrayList<>();
		node.fieldNames().forEachRemaining(keys::add);
		return keys;
	}

	@Test
	void writesKeysInTheDocumentedOrder() throws Exception {
		// the sample lists keys in another order than the writer would: the writer decides
		Ion ion = IonJson.parse("{\"nodes\": [{\"components\": [{\"inputs\": [], \"kind\": \"reader\", \"name\": \"r\"}], "
				+ "\"code\": {\"commit\": \"abcdef0\", \"uri\": \"https://e.org/r.git\"}, \"mode\": \"batch\", "
				+ "\"engine\": \"spark\", \"role\": \"training\", \"name\": \"p\", \"type\": \"pipeline\"}], "
				+ "\"version\": \"1\", \"name\": \"t\", \"formatVersion\": 1}");
		JsonNode tree = IonJson.toTree(ion);
		assertEquals(List.of("formatVersion", "name", "version", "nodes"), keys(tree));
		assertEquals(List.of("type", "name", "role", "engine", "mode", "code", "components"), keys(tree.get("nodes").get(0)));
		assertEquals(List.of("uri", "commit"), keys(tree.get("nodes").get(0).get("code")));
		assertEquals(List.of("name", "kind"), keys(tree.get("nodes").get(0).get("components").get(0)));
	}

	@Test
	void leavesOutWhatIsNotSet() {
		Ion ion = IonFactory.eINSTANCE.createIon();
		PipelineNode pipeline = IonFactory.eINSTANCE.createPipelineNode();
		ion.getNodes().add(pipeline);
		PolicyNode policy = IonFactory.eINSTANCE.createPolicyNode();
		policy.setPolicy(IonFactory.eINSTANCE.createHumanApproval());
		ion.getNodes().add(policy);
		assertEquals("{\"formatVersion\":1,\"nodes\":[{\"type\":\"pipeline\"},{\"type\":\"policy\",\"kind\":\"human-approval\"}]}",
				IonJson.toTree(ion).toString());
	}

	@Test
	void writesTwoSpaceIndentedTextWithAFinalNewline() throws Exception {
		Ion ion = IonJson.parse(HEAD + "\"nodes\": []}");
		assertEquals("{\n  \"formatVersion\": 1,\n  \"name\": \"t\",\n  \"version\": \"1\",\n  \"nodes\": []\n}\n",
				IonJson.write(ion));
	}

	@Test
	void keepsParameterTypesAndExactNumbers() throws Exception {
		Ion ion = IonJson.parse(HEAD + "\"nodes\": [{\"type\": \"pipeline\", \"name\": \"p\", \"parameters\": "
				+ "{\"label\": \"test_ordered\", \"elasticNetParam\": 0.0, \"tiny\": 1e-8, \"maxIter\": 10, \"warm\": true}}]}");
		PipelineNode pipeline = (PipelineNode) ion.getNodes().get(0);
		List<Parameter> parameters = pipeline.getParameters();
		assertEquals(List.of("label", "elasticNetParam", "tiny", "maxIter", "warm"), parameters.stream().map(Parameter::getKey).toList());
		assertEquals(List.of(ParameterType.STRING, ParameterType.NUMBER, ParameterType.NUMBER, ParameterType.NUMBER,
				ParameterType.BOOLEAN), parameters.stream().map(Parameter::getType).toList());
		assertEquals("0.0", parameters.get(1).getValue());
		assertEquals("10", parameters.get(3).getValue());
		String text = IonJson.write(ion);
		assertTrue(text.contains("\"elasticNetParam\": 0.0,"), text);
		assertTrue(text.contains("\"maxIter\": 10,"), text);
		assertTrue(text.contains("\"warm\": true"), text);
		assertEquals(1e-8, new ObjectMapper().readTree(text).at("/nodes/0/parameters/tiny").doubleValue());
	}

	@Test
	void resolvesInputsDefinedLaterInTheList() throws Exception {
		Ion ion = IonJson.parse(HEAD + "\"nodes\": [{\"type\": \"pipeline\", \"name\": \"p\", \"components\": ["
				+ "{\"name\": \"b\", \"kind\": \"scorer\", \"inputs\": [\"a\"]}, {\"name\": \"a\", \"kind\": \"reader\"}]}]}");
		Component b = ((PipelineNode) ion.getNodes().get(0)).getComponents().get(0);
		assertEquals("a", b.getInputs().get(0).getName());
	}

	@Test
	void enumsAreReadByTheirJsonSpelling() throws Exception {
		Ion ion = IonJson.parse(HEAD + "\"nodes\": [{\"type\": \"pipeline\", \"name\": \"p\", \"role\": \"ensemble-member\", "
				+ "\"mode\": \"event-triggered\"}, {\"type\": \"policy\", \"name\": \"h\", \"kind\": \"human-approval\", "
				+ "\"approverRole\": \"lead\"}]}");
		PipelineNode pipeline = (PipelineNode) ion.getNodes().get(0);
		assertEquals(PipelineRole.ENSEMBLE_MEMBER, pipeline.getRole());
		assertEquals("event-triggered", pipeline.getMode().getLiteral());
		assertTrue(!pipeline.isSetEngine());
		HumanApproval approval = (HumanApproval) ((PolicyNode) ion.getNodes().get(1)).getPolicy();
		// not given: the default applies but is not written back
		assertEquals(1, approval.getApprovalsRequired());
		assertTrue(!approval.isSetApprovalsRequired());
		assertTrue(!IonJson.write(ion).contains("approvalsRequired"));
	}

	@Test
	void parseThrowsWithTheProblemsWhenReadingFails() {
		IonJsonException e = assertThrows(IonJsonException.class, () -> IonJson.parse("{\"formatVersion\": 1, \"nodez\": []}"));
		assertEquals("nodez: unknown field 'nodez' in the ION definition (did you mean 'nodes'?)", e.getMessage());
		assertEquals(1, e.problems().size());
	}

	@Test
	void readsAParsedTree() throws Exception {
		JsonNode tree = new ObjectMapper().readTree(Files.readString(TestFiles.sample("a-")));
		IonReadResult result = IonJson.read(tree);
		assertEquals(List.of(), result.problems());
		assertEquals("recommend-tests", result.ion().orElseThrow().getNodes().get(0).getName());
	}

	@Test
	void recordsWhereEachElementWasRead() {
		// the node without a type cannot be read, so the model's index and the JSON's differ
		IonReadResult result = IonJson.read(HEAD + "\"nodes\": [{\"name\": \"broken\"}, {\"type\": \"policy\", "
				+ "\"name\": \"p\", \"kind\": \"automatic-approval\"}]}");
		PolicyNode policy = (PolicyNode) result.ion().orElseThrow().getNodes().get(0);
		assertEquals("nodes[1]", result.pathOf(policy));
		assertEquals("nodes[1]", result.pathOf(policy.getPolicy()));
	}
}
