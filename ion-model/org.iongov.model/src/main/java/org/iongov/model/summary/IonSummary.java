/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.summary;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.iongov.internal.model.json.IonJsonVocabulary.PolicyKind;
import org.iongov.model.AutomaticApproval;
import org.iongov.model.Channel;
import org.iongov.model.Component;
import org.iongov.model.CustomPolicy;
import org.iongov.model.HumanApproval;
import org.iongov.model.Ion;
import org.iongov.model.Node;
import org.iongov.model.PipelineNode;
import org.iongov.model.Policy;
import org.iongov.model.PolicyNode;
import org.iongov.model.Schedule;
import org.iongov.model.ThresholdCheck;

/**
 * A plain-text summary of an ION for people: its nodes with role, engine, mode and schedule, its
 * channels as {@code from -> to (message)}, and each pipeline's component graph in run order.
 * Missing values show as "?", so a partial model can be described too.
 */
public final class IonSummary {

	private static final String UNKNOWN = "?";

	private IonSummary() {
	}

	public static String describe(Ion ion) {
		StringBuilder out = new StringBuilder();
		out.append("ION ").append(orUnknown(ion.getName()));
		if (ion.getVersion() != null) {
			out.append(", version ").append(ion.getVersion());
		}
		out.append('\n');
		if (ion.getDescription() != null) {
			out.append("  ").append(ion.getDescription()).append('\n');
		}

		out.append('\n').append("Nodes (").append(ion.getNodes().size()).append("):\n");
		List<List<String>> rows = new ArrayList<>();
		for (Node node : ion.getNodes()) {
			rows.add(nodeRow(node));
		}
		appendTable(out, rows);

		out.append('\n').append("Channels (").append(ion.getChannels().size()).append("):\n");
		rows = new ArrayList<>();
		for (Channel channel : ion.getChannels()) {
			rows.add(List.of(orUnknown(channel.getName()) + ":", name(channel.getFrom()) + " -> " + name(channel.getTo())
					+ " (" + (channel.isSetMessage() ? channel.getMessage().getLiteral() : UNKNOWN) + ")"));
		}
		appendTable(out, rows);

		for (Node node : ion.getNodes()) {
			if (node instanceof PipelineNode pipeline && !pipeline.getComponents().isEmpty()) {
				out.append('\n').append("Components of ").append(orUnknown(pipeline.getName())).append(":\n");
				appendComponents(out, pipeline);
			}
		}
		return out.toString();
	}

	private static List<String> nodeRow(Node node) {
		List<String> row = new ArrayList<>();
		row.add(orUnknown(node.getName()));
		if (node instanceof PipelineNode pipeline) {
			row.add("pipeline");
			row.add(pipeline.isSetRole() ? pipeline.getRole().getLiteral() : UNKNOWN);
			row.add(pipeline.isSetEngine() ? pipeline.getEngine().getLiteral() : UNKNOWN);
			row.add(pipeline.isSetMode() ? pipeline.getMode().getLiteral() : UNKNOWN);
			List<String> extras = new ArrayList<>();
			if (pipeline.getSchedule() != null) {
				extras.add(schedule(pipeline.getSchedule()));
			}
			if (pipeline.getModel() != null) {
				extras.add("uploaded model " + orUnknown(pipeline.getModel().getUri()));
			}
			row.add(String.join(", ", extras));
		} else if (node instanceof PolicyNode policyNode) {
			row.add("policy");
			row.add(policy(policyNode.getPolicy()));
		}
		return row;
	}

	private static String schedule(Schedule schedule) {
		if (schedule.getCron() != null) {
			return "cron '" + schedule.getCron() + "'";
		}
		if (schedule.getInterval() != null) {
			return "every " + schedule.getInterval();
		}
		return "schedule " + UNKNOWN;
	}

	private static String policy(Policy policy) {
		if (policy == null) {
			return UNKNOWN;
		}
		String kind = PolicyKind.of(policy).json();
		if (policy instanceof ThresholdCheck threshold) {
			return kind + ": " + orUnknown(threshold.getStatistic()) + " "
					+ (threshold.isSetComparison() ? threshold.getComparison().getLiteral() : UNKNOWN) + " "
					+ (threshold.isSetValue() ? number(threshold.getValue()) : UNKNOWN);
		}
		if (policy instanceof HumanApproval approval) {
			int count = approval.getApprovalsRequired();
			return kind + ": " + count + (count == 1 ? " approval" : " approvals") + " by "
					+ orUnknown(approval.getApproverRole())
					+ (approval.isSeparationOfDuties() ? ", separation of duties" : "");
		}
		if (policy instanceof CustomPolicy custom) {
			return kind + ": " + (custom.getCode() == null ? UNKNOWN : orUnknown(custom.getCode().getUri()));
		}
		if (policy instanceof AutomaticApproval) {
			return kind;
		}
		return kind;
	}

	private static String number(double value) {
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
	}

	/** Components in an order where inputs come first (definition order among equals). */
	private static void appendComponents(StringBuilder out, PipelineNode pipeline) {
		List<Component> components = pipeline.getComponents();
		List<Component> ordered = new ArrayList<>();
		Map<Component, Boolean> placed = new IdentityHashMap<>();
		boolean progress = true;
		while (ordered.size() < components.size() && progress) {
			progress = false;
			for (Component component : components) {
				if (!placed.containsKey(component) && component.getInputs().stream()
						.allMatch(input -> placed.containsKey(input) || input.eContainer() != pipeline)) {
					ordered.add(component);
					placed.put(component, true);
					progress = true;
					break;
				}
			}
		}
		boolean cyclic = ordered.size() < components.size();
		for (Component component : components) {
			if (!placed.containsKey(component)) {
				ordered.add(component);
			}
		}
		List<List<String>> rows = new ArrayList<>();
		for (Component component : ordered) {
			String inputs = component.getInputs().stream().map(Component::getName).map(IonSummary::orUnknown)
					.collect(Collectors.joining(", "));
			rows.add(List.of(orUnknown(component.getName()),
					"(" + (component.isSetKind() ? component.getKind().getLiteral() : UNKNOWN) + ")",
					inputs.isEmpty() ? "" : "<- " + inputs));
		}
		appendTable(out, rows);
		if (cyclic) {
			out.append("  (the component graph is cyclic)\n");
		}
	}

	/** Left-aligned columns, two spaces of indentation, no trailing blanks. */
	private static void appendTable(StringBuilder out, List<List<String>> rows) {
		if (rows.isEmpty()) {
			out.append("  (none)\n");
			return;
		}
		int columns = rows.stream().mapToInt(List::size).max().orElse(0);
		int[] widths = new int[columns];
		for (List<String> row : rows) {
			// a row's last cell pads nothing, so a long policy text does not widen the role column
			for (int i = 0; i < row.size() - 1; i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder("  ");
			for (int i = 0; i < row.size(); i++) {
				line.append(row.get(i));
				if (i < row.size() - 1) {
					line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
				}
			}
			out.append(line.toString().stripTrailing()).append('\n');
		}
	}

	private static String name(Node node) {
		return node == null ? UNKNOWN : orUnknown(node.getName());
	}

	private static String orUnknown(String text) {
		return text == null ? UNKNOWN : text;
	}
}
