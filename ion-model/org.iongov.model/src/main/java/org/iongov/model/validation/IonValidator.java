/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.iongov.internal.model.IonPaths;
import org.iongov.internal.model.JsonPaths;
import org.iongov.internal.model.json.IonJsonVocabulary.PolicyKind;
import org.iongov.internal.model.validation.ComponentCycles;
import org.iongov.internal.model.validation.ComponentCycles.CyclicEdge;
import org.iongov.internal.model.validation.CronSyntax;
import org.iongov.internal.model.validation.Names;
import org.iongov.model.Channel;
import org.iongov.model.CodeReference;
import org.iongov.model.Component;
import org.iongov.model.CustomPolicy;
import org.iongov.model.ExecutionMode;
import org.iongov.model.HumanApproval;
import org.iongov.model.Ion;
import org.iongov.model.IonPackage;
import org.iongov.model.MessageType;
import org.iongov.model.ModelReference;
import org.iongov.model.Node;
import org.iongov.model.Parameter;
import org.iongov.model.PipelineNode;
import org.iongov.model.PipelineRole;
import org.iongov.model.PolicyNode;
import org.iongov.model.Schedule;
import org.iongov.model.ThresholdCheck;

/**
 * Checks an ION model for what makes it unusable (errors) or probably not what was meant
 * (warnings): required fields, names, references, both graph levels, code references, schedules
 * and policy settings. Problems carry the JSON path of the element, derived from the model or
 * given by the caller (the JSON reader knows the paths it read).
 *
 * <p>The README of ion-model lists every rule with its message.
 */
public final class IonValidator {

	/** Checks a model, locating problems by where elements sit in the model. */
	public List<Problem> validate(Ion ion) {
		return validate(ion, IonPaths::of);
	}

	/**
	 * Checks a model, locating problems with the given paths.
	 *
	 * @param pathOf the JSON path of a model element
	 */
	public List<Problem> validate(Ion ion, Function<EObject, String> pathOf) {
		Run run = new Run(pathOf);
		run.ion(ion);
		return List.copyOf(run.problems);
	}

	private static final class Run {

		private final Function<EObject, String> pathOf;
		private final List<Problem> problems = new ArrayList<>();
		private Ion ion;

		Run(Function<EObject, String> pathOf) {
			this.pathOf = pathOf;
		}

		private String path(EObject element) {
			return pathOf.apply(element);
		}

		private String path(EObject element, String field) {
			return JsonPaths.field(path(element), field);
		}

		private void error(String path, String message) {
			problems.add(Problem.error(path, message));
		}

		private void warning(String path, String message) {
			problems.add(Problem.warning(path, message));
		}

		void ion(Ion ion) {
			this.ion = ion;
			name(ion, ion.getName());
			if (ion.getVersion() == null) {
				warning(path(ion, "version"), "no version: give the definition a \"version\" so its revisions can be told apart");
			}
			if (ion.getNodes().isEmpty()) {
				error(path(ion, "nodes"), "the ION has no nodes: add at least one pipeline");
			}
			unique(ion.getNodes(), Node::getName, "node");
			for (Node node : ion.getNodes()) {
				name(node, node.getName());
				if (node instanceof PipelineNode pipeline) {
					pipeline(pipeline);
				} else if (node instanceof PolicyNode policy) {
					policy(policy);
				}
			}
			unique(ion.getChannels(), Channel::getName, "channel");
			for (Channel channel : ion.getChannels()) {
				channel(channel);
			}
		}

		private void name(EObject element, String name) {
			if (name == null) {
				error(path(element, "name"), "missing required field 'name'");
			} else if (!Names.isValidName(name)) {
				error(path(element, "name"), Names.invalidName(name));
			}
		}

		/** Reports every later element that repeats an earlier one's name. */
		private <T extends EObject> void unique(List<T> elements, Function<T, String> name, String what) {
			Map<String, T> first = new HashMap<>();
			for (T element : elements) {
				String value = name.apply(element);
				if (value == null) {
					continue;
				}
				T earlier = first.putIfAbsent(value, element);
				if (earlier != null) {
					error(path(element, "name"), "duplicate " + what + " name '" + value + "' (also " + path(earlier) + ")");
				}
			}
		}

		private void required(EObject element, boolean present, String field, String hint) {
			if (!present) {
				error(path(element, field), "missing required field '" + field + "'" + hint);
			}
		}

		private static String oneOf(EEnum eEnum) {
			return " (one of " + eEnum.getELiterals().stream().map(EEnumLiteral::getLiteral)
					.collect(Collectors.joining(", ")) + ")";
		}

		private static String label(Node node) {
			String kind = node instanceof PipelineNode pipeline
					? (pipeline.isSetRole() ? pipeline.getRole().getLiteral() + " pipeline" : "pipeline")
					: "policy";
			return node.getName() == null ? "this " + kind : kind + " '" + node.getName() + "'";
		}

		private boolean hasChannel(Node node, boolean incoming, MessageType type) {
			for (Channel channel : ion.getChannels()) {
				Node end = incoming ? channel.getTo() : channel.getFrom();
				if (end == node && channel.isSetMessage() && channel.getMessage() == type) {
					return true;
				}
			}
			return false;
		}

		private void pipeline(PipelineNode pipeline) {
			required(pipeline, pipeline.isSetRole(), "role", oneOf(IonPackage.Literals.PIPELINE_ROLE));
			required(pipeline, pipeline.isSetEngine(), "engine", oneOf(IonPackage.Literals.ENGINE));
			required(pipeline, pipeline.isSetMode(), "mode", oneOf(IonPackage.Literals.EXECUTION_MODE));
			String label = label(pipeline);
			if (pipeline.getCode() == null) {
				error(path(pipeline, "code"), label + " has no code reference: add \"code\" with a \"uri\" and a "
						+ "\"commit\" or \"digest\"");
			} else {
				code(pipeline.getCode());
			}
			if (pipeline.getSchedule() != null) {
				schedule(pipeline, pipeline.getSchedule());
			}
			if (pipeline.getModel() != null) {
				uploadedModel(pipeline.getModel());
			}
			parameters(pipeline.getParameters());
			components(pipeline);

			if (pipeline.isSetRole()) {
				PipelineRole role = pipeline.getRole();
				boolean servesModels = role == PipelineRole.INFERENCE || role == PipelineRole.CONTROL;
				if (servesModels && pipeline.getModel() == null && !hasChannel(pipeline, true, MessageType.MODEL)) {
					error(path(pipeline), label + " never receives a model: connect a model channel to it or give it an "
							+ "uploaded \"model\"");
				}
				boolean trains = role == PipelineRole.TRAINING || role == PipelineRole.ENSEMBLE_MEMBER;
				if (trains && !hasChannel(pipeline, false, MessageType.MODEL)) {
					warning(path(pipeline), label + " sends its model nowhere: add a model channel from it to a policy "
							+ "or an inference pipeline");
				}
			}
			if (pipeline.isSetMode() && pipeline.getMode() == ExecutionMode.EVENT_TRIGGERED
					&& !hasChannel(pipeline, true, MessageType.EVENT)) {
				warning(path(pipeline), label + " is event-triggered but has no incoming event channel, so nothing "
						+ "in this ION triggers it");
			}
		}

		private void schedule(PipelineNode pipeline, Schedule schedule) {
			String cron = schedule.getCron();
			String interval = schedule.getInterval();
			if (cron == null && interval == null) {
				error(path(schedule), "schedule has neither 'cron' nor 'interval': give one of them");
			} else if (cron != null && interval != null) {
				error(path(schedule), "schedule has both 'cron' and 'interval': give only one");
			}
			if (cron != null) {
				Optional<String> why = CronSyntax.check(cron);
				why.ifPresent(w -> error(path(schedule, "cron"), "'" + cron + "' is not a valid cron expression: " + w));
			}
			if (interval != null) {
				try {
					Duration duration = Duration.parse(interval);
					if (duration.isZero() || duration.isNegative()) {
						error(path(schedule, "interval"), "interval '" + interval + "' must be positive");
					}
				} catch (DateTimeParseException e) {
					error(path(schedule, "interval"), "'" + interval + "' is not an ISO-8601 duration such as PT30M, PT6H "
							+ "or P1D");
				}
			}
			if (pipeline.isSetMode() && pipeline.getMode() == ExecutionMode.STREAMING) {
				warning(path(schedule), label(pipeline) + " is streaming, so it runs continuously and its schedule is "
						+ "ignored");
			} else if (pipeline.isSetMode() && pipeline.getMode() == ExecutionMode.EVENT_TRIGGERED) {
				warning(path(schedule), label(pipeline) + " is event-triggered, so it runs when an event arrives and "
						+ "its schedule is ignored");
			}
		}

		private void code(CodeReference code) {
			uri(code, code.getUri(), "where the code lives, e.g. a git repository URL");
			if (code.getCommit() == null && code.getDigest() == null) {
				String which = code.getUri() == null ? "code reference" : "code reference '" + code.getUri() + "'";
				error(path(code), which + " is not pinned: give a \"commit\" or a \"digest\" so runs can be reproduced");
			}
			if (code.getDigest() != null && !Names.isDigest(code.getDigest())) {
				error(path(code, "digest"), Names.invalidDigest(code.getDigest()));
			}
			if (code.getCommit() != null && !Names.isCommitId(code.getCommit())) {
				warning(path(code, "commit"), "'" + code.getCommit() + "' does not look like a commit id (7 to 64 "
						+ "lower-case hex digits); a branch or tag can move, so runs may not be reproducible");
			}
		}

		private void uploadedModel(ModelReference model) {
			uri(model, model.getUri(), "where the uploaded model is stored");
			if (model.getDigest() == null) {
				String which = model.getUri() == null ? "uploaded model" : "uploaded model '" + model.getUri() + "'";
				error(path(model, "digest"), which + " has no digest: give its \"digest\" so predictions can be traced "
						+ "to the exact model");
			} else if (!Names.isDigest(model.getDigest())) {
				error(path(model, "digest"), Names.invalidDigest(model.getDigest()));
			}
		}

		private void uri(EObject owner, String uri, String hint) {
			if (uri == null) {
				error(path(owner, "uri"), "missing required field 'uri' (" + hint + ")");
				return;
			}
			boolean absolute;
			try {
				absolute = new URI(uri).isAbsolute();
			} catch (URISyntaxException e) {
				absolute = false;
			}
			if (!absolute) {
				error(path(owner, "uri"), "'" + uri + "' is not an absolute URI (e.g. https://git.example.org/team/repo.git)");
			}
		}

		private void parameters(List<Parameter> parameters) {
			Map<String, Parameter> seen = new HashMap<>();
			for (Parameter parameter : parameters) {
				String key = parameter.getKey();
				if (key == null || key.isEmpty()) {
					error(path(parameter), "parameter without a name");
					continue;
				}
				if (seen.putIfAbsent(key, parameter) != null) {
					error(path(parameter), "duplicate parameter '" + key + "'");
				}
				String value = parameter.getValue();
				if (value == null) {
					error(path(parameter), "parameter '" + key + "' has no value");
					continue;
				}
				switch (parameter.getType()) {
					case NUMBER:
						try {
							new java.math.BigDecimal(value);
						} catch (NumberFormatException e) {
							error(path(parameter), "parameter '" + key + "' is a number but its value '" + value + "' is not");
						}
						break;
					case BOOLEAN:
						if (!value.equals("true") && !value.equals("false")) {
							error(path(parameter), "parameter '" + key + "' is a boolean but its value '" + value
									+ "' is neither true nor false");
						}
						break;
					default:
						break;
				}
			}
		}

		private void components(PipelineNode pipeline) {
			List<Component> components = pipeline.getComponents();
			unique(components, Component::getName, "component");
			for (Component component : components) {
				name(component, component.getName());
				required(component, component.isSetKind(), "kind", oneOf(IonPackage.Literals.COMPONENT_KIND));
				parameters(component.getParameters());
				for (Component input : component.getInputs()) {
					if (input == component) {
						error(path(component), "component '" + component.getName() + "' lists itself as an input (a "
								+ "self-loop); a pipeline's component graph must be acyclic");
					} else if (input.eContainer() != pipeline) {
						error(path(component, "inputs"), "input '" + input.getName() + "' is not a component of "
								+ label(pipeline));
					}
				}
			}
			for (CyclicEdge edge : ComponentCycles.find(components)) {
				String cycle = edge.cycle().stream().map(Component::getName).collect(Collectors.joining(" -> "));
				error(path(edge.to()), "edge '" + edge.from().getName() + " -> " + edge.to().getName()
						+ "' makes the component graph cyclic (" + cycle + ")");
			}
		}

		private void policy(PolicyNode node) {
			String label = label(node);
			if (node.getPolicy() == null) {
				error(path(node, "kind"), "missing required field 'kind' (one of "
						+ String.join(", ", PolicyKind.jsonNames()) + ")");
			} else if (node.getPolicy() instanceof ThresholdCheck threshold) {
				required(threshold, threshold.getStatistic() != null, "statistic",
						" (the statistic to check, e.g. auc)");
				required(threshold, threshold.isSetComparison(), "comparison", oneOf(IonPackage.Literals.COMPARISON));
				required(threshold, threshold.isSetValue(), "value", " (the number to compare the statistic with)");
			} else if (node.getPolicy() instanceof HumanApproval approval) {
				required(approval, approval.getApproverRole() != null, "approverRole",
						" (the role whose members may approve)");
				if (approval.getApprovalsRequired() < 1) {
					error(path(approval, "approvalsRequired"), "approvalsRequired is " + approval.getApprovalsRequired()
							+ " but must be at least 1");
				}
			} else if (node.getPolicy() instanceof CustomPolicy custom) {
				if (custom.getCode() == null) {
					error(path(custom, "code"), label + " is a custom policy without a code reference: add \"code\" with "
							+ "a \"uri\" and a \"commit\" or \"digest\"");
				} else {
					code(custom.getCode());
				}
			}
			if (!hasChannel(node, true, MessageType.MODEL)) {
				error(path(node), label + " has no incoming model channel: a policy decides on models, so connect "
						+ "the pipeline that produces them");
			}
			if (!hasChannel(node, false, MessageType.MODEL)) {
				error(path(node), label + " has no outgoing model channel: connect it to the pipeline that should "
						+ "receive the models it lets through");
			}
		}

		private void channel(Channel channel) {
			name(channel, channel.getName());
			required(channel, channel.getFrom() != null, "from", " (the name of the sending node)");
			required(channel, channel.getTo() != null, "to", " (the name of the receiving node)");
			required(channel, channel.isSetMessage(), "message", oneOf(IonPackage.Literals.MESSAGE_TYPE));
			for (String end : List.of("from", "to")) {
				Node node = end.equals("from") ? channel.getFrom() : channel.getTo();
				if (node != null && node.eContainer() != ion) {
					error(path(channel, end), "node '" + node.getName() + "' is not part of this ION");
				}
			}
		}
	}
}
