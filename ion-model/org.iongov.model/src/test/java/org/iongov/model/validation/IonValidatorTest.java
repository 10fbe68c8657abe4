/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.iongov.model.Channel;
import org.iongov.model.CodeReference;
import org.iongov.model.Component;
import org.iongov.model.ComponentKind;
import org.iongov.model.Engine;
import org.iongov.model.ExecutionMode;
import org.iongov.model.Ion;
import org.iongov.model.IonFactory;
import org.iongov.model.MessageType;
import org.iongov.model.Node;
import org.iongov.model.Parameter;
import org.iongov.model.ParameterType;
import org.iongov.model.PipelineNode;
import org.iongov.model.PipelineRole;
import org.iongov.model.PolicyNode;
import org.iongov.model.Schedule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Models built in code, as the designer builds them: paths come from where elements sit. */
class IonValidatorTest {

	private static final IonFactory F = IonFactory.eINSTANCE;

	private Ion ion;
	private PipelineNode train;
	private PipelineNode score;

	private static PipelineNode pipeline(String name, PipelineRole role, ExecutionMode mode) {
		PipelineNode pipeline = F.createPipelineNode();
		pipeline.setName(name);
		pipeline.setRole(role);
		pipeline.setEngine(Engine.SPARK);
		pipeline.setMode(mode);
		CodeReference code = F.createCodeReference();
		code.setUri("https://git.example.org/team/repo.git");
		code.setCommit("0123456789abcdef");
		pipeline.setCode(code);
		return pipeline;
	}

	private Channel connect(String name, Node from, Node to, MessageType type) {
		Channel channel = F.createChannel();
		channel.setName(name);
		channel.setFrom(from);
		channel.setTo(to);
		channel.setMessage(type);
		ion.getChannels().add(channel);
		return channel;
	}

	private static Component component(PipelineNode pipeline, String name, ComponentKind kind, Component... inputs) {
		Component component = F.createComponent();
		component.setName(name);
		component.setKind(kind);
		component.getInputs().addAll(List.of(inputs));
		pipeline.getComponents().add(component);
		return component;
	}

	private List<String> problems() {
		return new IonValidator().validate(ion).stream().map(Problem::toString).toList();
	}

	@BeforeEach
	void minimalValidIon() {
		ion = F.createIon();
		ion.setName("built");
		ion.setVersion("1");
		train = pipeline("train", PipelineRole.TRAINING, ExecutionMode.BATCH);
		score = pipeline("score", PipelineRole.INFERENCE, ExecutionMode.STREAMING);
		ion.getNodes().add(train);
		ion.getNodes().add(score);
		connect("model", train, score, MessageType.MODEL);
	}

	@Test
	void theMinimalIonIsValid() {
		assertEquals(List.of(), problems());
	}

	@Test
	void levelTwoCyclesAreAllowed() {
		connect("drift", score, train, MessageType.EVENT);
		assertEquals(List.of(), problems());
	}

	@Test
	void aChannelWithoutEndsOrTypeNamesEachMissingField() {
		ion.getChannels().add(F.createChannel());
		assertEquals(List.of("channels[1].name: error: missing required field 'name'",
				"channels[1].from: error: missing required field 'from' (the name of the sending node)",
				"channels[1].to: error: missing required field 'to' (the name of the receiving node)",
				"channels[1].message: error: missing required field 'message' (one of model, event, statistic)"), problems());
	}

	@Test
	void aChannelToANodeOfAnotherIonIsAnError() {
		PipelineNode stranger = pipeline("stranger", PipelineRole.INFERENCE, ExecutionMode.BATCH);
		Ion other = F.createIon();
		other.getNodes().add(stranger);
		connect("leak", train, stranger, MessageType.MODEL);
		assertEquals(List.of("channels[1].to: error: node 'stranger' is not part of this ION"), problems());
	}

	@Test
	void aControlPipelineNeedsAModelToo() {
		ion.getNodes().add(pipeline("canary", PipelineRole.CONTROL, ExecutionMode.STREAMING));
		assertEquals(List.of("nodes[2]: error: control pipeline 'canary' never receives a model: connect a model channel "
				+ "to it or give it an uploaded \"model\""), problems());
	}

	@Test
	void anUploadedModelIsEnoughForInference() {
		ion.getChannels().clear();
		score.setModel(F.createModelReference());
		score.getModel().setUri("https://models.example.org/m");
		score.getModel().setDigest("sha256:" + "ab".repeat(32));
		assertEquals(List.of("nodes[0]: warning: training pipeline 'train' sends its model nowhere: add a model channel "
				+ "from it to a policy or an inference pipeline"), problems());
	}

	@Test
	void aPolicyWithOnlyAnIncomingModelChannelLacksTheOutgoingOne() {
		PolicyNode policy = F.createPolicyNode();
		policy.setName("gate");
		policy.setPolicy(F.createAutomaticApproval());
		ion.getNodes().add(policy);
		connect("candidate", train, policy, MessageType.MODEL);
		connect("gate-events", policy, score, MessageType.EVENT);
		assertEquals(List.of("nodes[2]: error: policy 'gate' has no outgoing model channel: connect it to the pipeline "
				+ "that should receive the models it lets through"), problems());
	}

	@Test
	void anEventTriggeredPipelineWithoutEventsIsWarnedAboutAndSoIsItsSchedule() {
		train.setMode(ExecutionMode.EVENT_TRIGGERED);
		Schedule schedule = F.createSchedule();
		schedule.setCron("@daily");
		train.setSchedule(schedule);
		assertEquals(List.of("nodes[0].schedule: warning: training pipeline 'train' is event-triggered, so it runs when "
				+ "an event arrives and its schedule is ignored",
				"nodes[0]: warning: training pipeline 'train' is event-triggered but has no incoming event channel, so "
						+ "nothing in this ION triggers it"), problems());
		connect("trigger", score, train, MessageType.EVENT);
		assertEquals(1, problems().size());
	}

	@Test
	void aScheduleNeedsCronOrInterval() {
		train.setSchedule(F.createSchedule());
		assertEquals(List.of("nodes[0].schedule: error: schedule has neither 'cron' nor 'interval': give one of them"),
				problems());
		train.getSchedule().setInterval("-PT1H");
		assertEquals(List.of("nodes[0].schedule.interval: error: interval '-PT1H' must be positive"), problems());
	}

	@Test
	void aBranchNameIsNotACommit() {
		train.getCode().setCommit("main");
		assertEquals(List.of("nodes[0].code.commit: warning: 'main' does not look like a commit id (7 to 64 lower-case "
				+ "hex digits); a branch or tag can move, so runs may not be reproducible"), problems());
	}

	@Test
	void aRelativeCodeUriIsAnError() {
		train.getCode().setUri("repo.git");
		assertEquals(List.of("nodes[0].code.uri: error: 'repo.git' is not an absolute URI (e.g. "
				+ "https://git.example.org/team/repo.git)"), problems());
	}

	@Test
	void parameterValuesMustMatchTheirType() {
		Parameter parameter = F.createParameter();
		parameter.setKey("maxIter");
		parameter.setType(ParameterType.NUMBER);
		parameter.setValue("ten");
		train.getParameters().add(parameter);
		Parameter again = F.createParameter();
		again.setKey("maxIter");
		again.setValue("10");
		train.getParameters().add(again);
		assertEquals(List.of("nodes[0].parameters.maxIter: error: parameter 'maxIter' is a number but its value 'ten' is not",
				"nodes[0].parameters.maxIter: error: duplicate parameter 'maxIter'"), problems());
	}

	@Test
	void componentCyclesAreReportedOnceEachAtTheEdgeThatRunsBackwards() {
		Component read = component(train, "read", ComponentKind.READER);
		Component features = component(train, "features", ComponentKind.FEATURE_STEP, read);
		Component fit = component(train, "fit", ComponentKind.TRAINER, features);
		Component evaluate = component(train, "evaluate", ComponentKind.EVALUATOR, fit);
		features.getInputs().add(evaluate);
		// a second, independent cycle
		Component a = component(train, "a", ComponentKind.OTHER);
		Component b = component(train, "b", ComponentKind.OTHER, a);
		a.getInputs().add(b);
		assertEquals(List.of(
				"nodes[0].components[1]: error: edge 'evaluate -> features' makes the component graph cyclic "
						+ "(evaluate -> features -> fit -> evaluate)",
				"nodes[0].components[4]: error: edge 'b -> a' makes the component graph cyclic (b -> a -> b)"), problems());
	}

	@Test
	void anInputDefinedLaterIsNotACycle() {
		Component score = F.createComponent();
		score.setName("score");
		score.setKind(ComponentKind.SCORER);
		train.getComponents().add(score);
		Component read = component(train, "read", ComponentKind.READER);
		score.getInputs().add(read);
		assertEquals(List.of(), problems());
	}

	@Test
	void aComponentOfAnotherPipelineCannotBeAnInput() {
		Component elsewhere = component(score, "read", ComponentKind.READER);
		component(train, "fit", ComponentKind.TRAINER, elsewhere);
		assertEquals(List.of("nodes[0].components[0].inputs: error: input 'read' is not a component of training pipeline "
				+ "'train'"), problems());
	}

	@Test
	void pathsCanComeFromTheCaller() {
		train.setName(null);
		List<Problem> problems = new IonValidator().validate(ion, element -> element == train ? "nodes[7]" : "x");
		assertEquals("nodes[7].name: error: missing required field 'name'", problems.get(0).toString());
		assertTrue(problems.stream().allMatch(p -> p.path().startsWith("nodes[7]") || p.path().startsWith("x")));
	}
}
