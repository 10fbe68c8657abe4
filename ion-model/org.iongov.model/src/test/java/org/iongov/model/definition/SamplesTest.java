/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.iongov.model.Channel;
import org.iongov.model.ComponentKind;
import org.iongov.model.Engine;
import org.iongov.model.ExecutionMode;
import org.iongov.model.HumanApproval;
import org.iongov.model.Ion;
import org.iongov.model.MessageType;
import org.iongov.model.Node;
import org.iongov.model.PipelineNode;
import org.iongov.model.PipelineRole;
import org.iongov.model.PolicyNode;
import org.iongov.model.ThresholdCheck;
import org.iongov.model.TestFiles;
import org.iongov.model.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The five production patterns of the paper's Figure 1, shipped under ion-model/examples. */
class SamplesTest {

	static List<Path> samples() {
		return TestFiles.samples();
	}

	@Test
	void thereAreFiveSamples() {
		assertEquals(List.of("a-inference-uploaded-model.json", "b-scheduled-retraining.json",
				"c-retraining-with-approval.json", "d-ensemble.json", "e-ensemble-with-canary.json"),
				samples().stream().map(p -> p.getFileName().toString()).toList());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void validatesWithoutErrorsOrWarnings(Path sample) {
		ValidationReport report = IonDefinitions.validate(sample);
		assertEquals(List.of(), report.problems(), sample.toString());
		assertTrue(report.isValid());
	}

	private static Ion load(String prefix) {
		return IonDefinitions.validate(TestFiles.sample(prefix)).ion().orElseThrow();
	}

	private static PipelineNode pipeline(Ion ion, String name) {
		return (PipelineNode) ion.findNode(name);
	}

	@Test
	void aInfersWithAnUploadedModelAndNoTrainingPipeline() {
		Ion ion = load("a-");
		assertEquals(1, ion.getNodes().size());
		PipelineNode recommend = pipeline(ion, "recommend-tests");
		assertEquals(PipelineRole.INFERENCE, recommend.getRole());
		assertEquals(Engine.FLINK, recommend.getEngine());
		assertNotNull(recommend.getModel());
		assertTrue(recommend.getModel().getDigest().startsWith("sha256:"));
		assertTrue(ion.getChannels().isEmpty());
	}

	@Test
	void bRetrainsOnASchedule() {
		Ion ion = load("b-");
		PipelineNode train = pipeline(ion, "train-recommender");
		assertEquals(PipelineRole.TRAINING, train.getRole());
		assertEquals(Engine.SPARK, train.getEngine());
		assertEquals(ExecutionMode.BATCH, train.getMode());
		assertEquals("0 2 * * *", train.getSchedule().getCron());
		Channel channel = ion.findChannel("trained-model");
		assertEquals(train, channel.getFrom());
		assertEquals(ion.findNode("recommend-tests"), channel.getTo());
		assertEquals(MessageType.MODEL, channel.getMessage());
		assertNull(pipeline(ion, "recommend-tests").getModel());
	}

	@Test
	void cPutsAHumanApprovalBetweenTrainingAndDeployment() {
		Ion ion = load("c-");
		PolicyNode approval = (PolicyNode) ion.findNode("clinical-approval");
		HumanApproval policy = (HumanApproval) approval.getPolicy();
		assertEquals("clinical-lead", policy.getApproverRole());
		assertEquals(2, policy.getApprovalsRequired());
		assertTrue(policy.isSeparationOfDuties());
		assertEquals(List.of("train-recommender"), names(approval.incomingChannels(), true));
		assertEquals(List.of("recommend-tests"), names(approval.outgoingChannels(), false));
		// the inference pipeline gets its model only through the policy
		assertEquals(List.of("clinical-approval"),
				pipeline(ion, "recommend-tests").incomingChannels().stream().filter(c -> c.getMessage() == MessageType.MODEL)
						.map(c -> c.getFrom().getName()).toList());
	}

	@Test
	void dTrainsEnsembleMembersSeparatelyOneWithTensorFlow() {
		Ion ion = load("d-");
		List<PipelineNode> members = ion.getNodes().stream().filter(PipelineNode.class::isInstance)
				.map(PipelineNode.class::cast).filter(p -> p.getRole() == PipelineRole.ENSEMBLE_MEMBER).toList();
		assertEquals(2, members.size());
		assertEquals(List.of(Engine.SPARK, Engine.TENSORFLOW), members.stream().map(PipelineNode::getEngine).toList());
		PipelineNode recommend = pipeline(ion, "recommend-tests");
		assertEquals(2, recommend.incomingChannels().size());
		assertEquals(2, recommend.getComponents().stream().filter(c -> c.getKind() == ComponentKind.SCORER).count());
		ThresholdCheck check = (ThresholdCheck) ((PolicyNode) ion.findNode("check-neural-network")).getPolicy();
		assertEquals("auc", check.getStatistic());
		assertEquals(0.82, check.getValue());
	}

	@Test
	void eIsDPlusACanaryBesideThePrimaryInference() {
		Ion d = load("d-");
		Ion e = load("e-");
		for (Node node : d.getNodes()) {
			assertNotNull(e.findNode(node.getName()), node.getName());
		}
		for (Channel channel : d.getChannels()) {
			assertNotNull(e.findChannel(channel.getName()), channel.getName());
		}
		PipelineNode canary = pipeline(e, "canary-recommend-tests");
		assertEquals(PipelineRole.CONTROL, canary.getRole());
		assertEquals(ExecutionMode.STREAMING, canary.getMode());
		assertTrue(canary.incomingChannels().stream().anyMatch(c -> c.getMessage() == MessageType.MODEL));
		assertTrue(canary.incomingChannels().stream()
				.anyMatch(c -> c.getFrom().getName().equals("recommend-tests") && c.getMessage() == MessageType.STATISTIC));
	}

	private static List<String> names(List<Channel> channels, boolean from) {
		return channels.stream().map(c -> (from ? c.getFrom() : c.getTo()).getName()).toList();
	}
}
