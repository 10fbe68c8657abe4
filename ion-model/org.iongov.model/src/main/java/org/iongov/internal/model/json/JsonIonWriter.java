/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.internal.model.json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.iongov.internal.model.json.IonJsonVocabulary.PolicyKind;
import org.iongov.model.Channel;
import org.iongov.model.CodeReference;
import org.iongov.model.Component;
import org.iongov.model.CustomPolicy;
import org.iongov.model.HumanApproval;
import org.iongov.model.Ion;
import org.iongov.model.ModelReference;
import org.iongov.model.Node;
import org.iongov.model.Parameter;
import org.iongov.model.PipelineNode;
import org.iongov.model.Policy;
import org.iongov.model.PolicyNode;
import org.iongov.model.Schedule;
import org.iongov.model.ThresholdCheck;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the model as a JSON definition (format version 1). Keys come in the fixed order of
 * {@link IonJsonVocabulary}; absent values and empty optional lists are left out, so a definition
 * read and written again keeps its shape.
 */
public final class JsonIonWriter {

	private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

	private JsonIonWriter() {
	}

	public static ObjectNode toTree(Ion ion) {
		ObjectNode root = JSON.objectNode();
		root.put("formatVersion", IonJsonVocabulary.FORMAT_VERSION);
		putIfSet(root, "name", ion.getName());
		putIfSet(root, "version", ion.getVersion());
		putIfSet(root, "description", ion.getDescription());
		ArrayNode nodes = root.putArray("nodes");
		for (Node node : ion.getNodes()) {
			nodes.add(node(node));
		}
		if (!ion.getChannels().isEmpty()) {
			ArrayNode channels = root.putArray("channels");
			for (Channel channel : ion.getChannels()) {
				channels.add(channel(channel));
			}
		}
		return root;
	}

	/** Two-space indentation, one value per line, "key": value, a final newline. */
	public static String toText(Ion ion) {
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
				.withObjectFieldValueSpacing(Separators.Spacing.AFTER)
				.withObjectEmptySeparator("")
				.withArrayEmptySeparator(""));
		DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
		printer.indentObjectsWith(indenter);
		printer.indentArraysWith(indenter);
		StringWriter out = new StringWriter();
		try (JsonGenerator generator = JsonIonReader.MAPPER.createGenerator(out)) {
			generator.setPrettyPrinter(printer);
			JsonIonReader.MAPPER.writeTree(generator, toTree(ion));
		} catch (IOException e) {
			// a StringWriter does not fail; keep the cause if it ever does
			throw new UncheckedIOException(e);
		}
		return out + "\n";
	}

	private static ObjectNode node(Node node) {
		ObjectNode json = JSON.objectNode();
		if (node instanceof PipelineNode pipeline) {
			json.put("type", IonJsonVocabulary.PIPELINE_TYPE);
			putIfSet(json, "name", node.getName());
			putIfSet(json, "description", node.getDescription());
			pipeline(pipeline, json);
		} else if (node instanceof PolicyNode policyNode) {
			json.put("type", IonJsonVocabulary.POLICY_TYPE);
			putIfSet(json, "name", node.getName());
			putIfSet(json, "description", node.getDescription());
			if (policyNode.getPolicy() != null) {
				policy(policyNode.getPolicy(), json);
			}
		} else {
			throw new IllegalArgumentException("no JSON form for " + node.eClass().getName());
		}
		return json;
	}

	private static void pipeline(PipelineNode pipeline, ObjectNode json) {
		if (pipeline.isSetRole()) {
			json.put("role", pipeline.getRole().getLiteral());
		}
		if (pipeline.isSetEngine()) {
			json.put("engine", pipeline.getEngine().getLiteral());
		}
		if (pipeline.isSetMode()) {
			json.put("mode", pipeline.getMode().getLiteral());
		}
		if (pipeline.getSchedule() != null) {
			Schedule schedule = pipeline.getSchedule();
			ObjectNode s = json.putObject("schedule");
			putIfSet(s, "cron", schedule.getCron());
			putIfSet(s, "interval", schedule.getInterval());
		}
		if (pipeline.getCode() != null) {
			json.set("code", code(pipeline.getCode()));
		}
		if (pipeline.getModel() != null) {
			ModelReference model = pipeline.getModel();
			ObjectNode m = json.putObject("model");
			putIfSet(m, "uri", model.getUri());
			putIfSet(m, "digest", model.getDigest());
			putIfSet(m, "format", model.getFormat());
		}
		parameters(pipeline.getParameters(), json);
		if (!pipeline.getComponents().isEmpty()) {
			ArrayNode components = json.putArray("components");
			for (Component component : pipeline.getComponents()) {
				components.add(component(component));
			}
		}
	}

	private static void policy(Policy policy, ObjectNode json) {
		json.put("kind", PolicyKind.of(policy).json());
		if (policy instanceof ThresholdCheck threshold) {
			putIfSet(json, "statistic", threshold.getStatistic());
			if (threshold.isSetComparison()) {
				json.put("comparison", threshold.getComparison().getLiteral());
			}
			if (threshold.isSetValue()) {
				json.put("value", threshold.getValue());
			}
		} else if (policy instanceof HumanApproval approval) {
			putIfSet(json, "approverRole", approval.getApproverRole());
			if (approval.isSetApprovalsRequired()) {
				json.put("approvalsRequired", approval.getApprovalsRequired());
			}
			if (approval.isSetSeparationOfDuties()) {
				json.put("separationOfDuties", approval.isSeparationOfDuties());
			}
		} else if (policy instanceof CustomPolicy custom && custom.getCode() != null) {
			json.set("code", code(custom.getCode()));
		}
	}

	private static ObjectNode code(CodeReference code) {
		ObjectNode json = JSON.objectNode();
		putIfSet(json, "uri", code.getUri());
		putIfSet(json, "commit", code.getCommit());
		putIfSet(json, "digest", code.getDigest());
		putIfSet(json, "entryPoint", code.getEntryPoint());
		return json;
	}

	private static ObjectNode component(Component component) {
		ObjectNode json = JSON.objectNode();
		putIfSet(json, "name", component.getName());
		if (component.isSetKind()) {
			json.put("kind", component.getKind().getLiteral());
		}
		putIfSet(json, "description", component.getDescription());
		if (!component.getInputs().isEmpty()) {
			ArrayNode inputs = json.putArray("inputs");
			for (Component input : component.getInputs()) {
				inputs.add(input.getName());
			}
		}
		parameters(component.getParameters(), json);
		return json;
	}

	private static void parameters(List<Parameter> parameters, ObjectNode json) {
		if (parameters.isEmpty()) {
			return;
		}
		ObjectNode object = json.putObject("parameters");
		for (Parameter parameter : parameters) {
			String key = parameter.getKey() == null ? "" : parameter.getKey();
			String value = parameter.getValue();
			if (value == null) {
				object.putNull(key);
				continue;
			}
			switch (parameter.getType()) {
				case NUMBER:
					object.set(key, number(value));
					break;
				case BOOLEAN:
					object.put(key, Boolean.parseBoolean(value));
					break;
				default:
					object.put(key, value);
			}
		}
	}

	/** Integers stay integers, decimals keep their digits; text that is not a number stays text. */
	private static com.fasterxml.jackson.databind.JsonNode number(String text) {
		try {
			BigDecimal decimal = new BigDecimal(text);
			if (decimal.scale() <= 0 && text.matches("-?\\d+")) {
				return JSON.numberNode(decimal.toBigIntegerExact());
			}
			return JSON.numberNode(decimal);
		} catch (NumberFormatException | ArithmeticException e) {
			// the validator reports such a parameter; writing it as text loses nothing
			return JSON.textNode(text);
		}
	}

	private static void putIfSet(ObjectNode json, String key, String value) {
		if (value != null) {
			json.put(key, value);
		}
	}

	private static ObjectNode channel(Channel channel) {
		ObjectNode json = JSON.objectNode();
		putIfSet(json, "name", channel.getName());
		if (channel.getFrom() != null) {
			json.put("from", channel.getFrom().getName());
		}
		if (channel.getTo() != null) {
			json.put("to", channel.getTo().getName());
		}
		if (channel.isSetMessage()) {
			json.put("message", channel.getMessage().getLiteral());
		}
		putIfSet(json, "description", channel.getDescription());
		return json;
	}
}
