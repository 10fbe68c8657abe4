/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.internal.model.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EObject;
import org.iongov.internal.model.JsonPaths;
import org.iongov.internal.model.Suggestions;
import org.iongov.internal.model.json.IonJsonVocabulary.PolicyKind;
import org.iongov.model.AutomaticApproval;
import org.iongov.model.Channel;
import org.iongov.model.CodeReference;
import org.iongov.model.Comparison;
import org.iongov.model.Component;
import org.iongov.model.ComponentKind;
import org.iongov.model.CustomPolicy;
import org.iongov.model.Engine;
import org.iongov.model.ExecutionMode;
import org.iongov.model.HumanApproval;
import org.iongov.model.Ion;
import org.iongov.model.IonFactory;
import org.iongov.model.IonPackage;
import org.iongov.model.MessageType;
import org.iongov.model.ModelReference;
import org.iongov.model.Node;
import org.iongov.model.Parameter;
import org.iongov.model.ParameterType;
import org.iongov.model.PipelineNode;
import org.iongov.model.PipelineRole;
import org.iongov.model.Policy;
import org.iongov.model.PolicyNode;
import org.iongov.model.Schedule;
import org.iongov.model.ThresholdCheck;
import org.iongov.model.validation.Problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON definition (format version 1) into the EMF model. It never throws for bad input:
 * malformed JSON, wrong types, unknown fields, unknown enum values and unresolvable names become
 * {@link Problem}s at their JSON paths, and whatever could be read is still returned so that the
 * model validator can check the rest. It records the JSON path of every element it creates.
 */
public final class JsonIonReader {

	/**
	 * Duplicate keys are an error rather than "last one wins"; floats keep their exact digits, so a
	 * parameter written 0.0 stays a decimal for the engine that reads it.
	 */
	static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
			.build();

	private static final Pattern SOURCE_LOCATION = Pattern
			.compile("\\s*\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

	/** What a read produced. */
	public record Result(Ion ion, List<Problem> problems, Map<EObject, String> paths) {
	}

	private final IonFactory factory = IonFactory.eINSTANCE;
	private final List<Problem> problems = new ArrayList<>();
	private final Map<EObject, String> paths = new IdentityHashMap<>();
	/** Names of nodes that could not be created (no or unknown type), so references to them are explained. */
	private final Map<String, String> unreadableNodes = new LinkedHashMap<>();
	/** Each component's JSON object, kept for the second pass that resolves inputs by name. */
	private final Map<Component, ObjectNode> componentObjects = new IdentityHashMap<>();

	private JsonIonReader() {
	}

	public static Result read(byte[] json) {
		JsonIonReader reader = new JsonIonReader();
		Ion ion = reader.parse(json);
		return new Result(ion, List.copyOf(reader.problems), reader.paths);
	}

	/** Reads an already parsed tree (e.g. from a server request); malformed JSON cannot occur here. */
	public static Result read(JsonNode root) {
		JsonIonReader reader = new JsonIonReader();
		Ion ion = reader.readRoot(root);
		return new Result(ion, List.copyOf(reader.problems), reader.paths);
	}

	private Ion parse(byte[] json) {
		JsonNode root;
		try (JsonParser parser = MAPPER.createParser(json)) {
			if (parser.nextToken() == null) {
				problems.add(Problem.error("", "the definition is empty: expected a JSON object with "
						+ "'formatVersion', 'name' and 'nodes'"));
				return null;
			}
			root = MAPPER.readTree(parser);
			JsonToken trailing = parser.nextToken();
			if (trailing != null) {
				JsonLocation at = parser.currentTokenLocation();
				problems.add(Problem.error("", "malformed JSON at line " + at.getLineNr() + ", column "
						+ at.getColumnNr() + ": more content after the end of the definition"));
				return null;
			}
		} catch (JsonProcessingException e) {
			problems.add(Problem.error("", malformed(e)));
			return null;
		} catch (IOException e) {
			// reading from a byte array: only the parser's own errors can happen, but do not swallow
			problems.add(Problem.error("", "the definition could not be read: " + e.getMessage()));
			return null;
		}
		return readRoot(root);
	}

	/** "malformed JSON at line 4, column 7: Unexpected character ..." without Jackson's source noise. */
	static String malformed(JsonProcessingException e) {
		String detail = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").trim();
		Matcher inner = SOURCE_LOCATION.matcher(detail);
		detail = inner.replaceAll(" [line $1, column $2]");
		JsonLocation at = e.getLocation();
		String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
		return "malformed JSON" + where + ": " + detail;
	}

	private Ion readRoot(JsonNode root) {
		if (root == null || root.isMissingNode()) {
			problems.add(Problem.error("", "the definition is empty: expected a JSON object with "
					+ "'formatVersion', 'name' and 'nodes'"));
			return null;
		}
		if (!root.isObject()) {
			problems.add(Problem.error("", "expected a JSON object at the top level but found "
					+ JsonObjectReader.describe(root)));
			return null;
		}
		JsonObjectReader object = new JsonObjectReader((ObjectNode) root, "", "the ION definition",
				IonJsonVocabulary.ION, problems);
		Ion ion = factory.createIon();
		paths.put(ion, "");
		readFormatVersion(object);
		ion.setName(object.string("name"));
		ion.setVersion(object.string("version"));
		ion.setDescription(object.string("description"));

		ArrayNode nodes = object.array("nodes");
		if (nodes != null) {
			for (int i = 0; i < nodes.size(); i++) {
				Node node = readNode(nodes.get(i), JsonPaths.index(object.path("nodes"), i));
				if (node != null) {
					ion.getNodes().add(node);
				}
			}
		}
		// components first, so inputs can refer to components defined later in the list
		for (Node node : ion.getNodes()) {
			if (node instanceof PipelineNode pipeline) {
				resolveInputs(pipeline);
			}
		}
		ArrayNode channels = object.array("channels");
		if (channels != null) {
			for (int i = 0; i < channels.size(); i++) {
				Channel channel = readChannel(ion, channels.get(i), JsonPaths.index(object.path("channels"), i));
				if (channel != null) {
					ion.getChannels().add(channel);
				}
			}
		}
		return ion;
	}

	private void readFormatVersion(JsonObjectReader object) {
		String path = object.path("formatVersion");
		if (!object.has("formatVersion")) {
			problems.add(Problem.error(path, "missing required field 'formatVersion' (this IonGov reads format version "
					+ IonJsonVocabulary.FORMAT_VERSION + ")"));
			return;
		}
		Integer version = object.integer("formatVersion");
		if (version != null && version != IonJsonVocabulary.FORMAT_VERSION) {
			problems.add(Problem.error(path, "format version " + version + " is not supported; this IonGov reads format version "
					+ IonJsonVocabulary.FORMAT_VERSION));
		}
	}

	private Node readNode(JsonNode json, String path) {
		if (!json.isObject()) {
			problems.add(Problem.error(path, "expected an object (a node) but found " + JsonObjectReader.describe(json)));
			return null;
		}
		ObjectNode object = (ObjectNode) json;
		JsonNode type = object.get("type");
		String typePath = JsonPaths.field(path, "type");
		if (type == null) {
			problems.add(Problem.error(typePath, "missing required field 'type' ('pipeline' or 'policy')"));
			rememberUnreadable(object, path);
			return null;
		}
		if (!type.isTextual()) {
			problems.add(Problem.error(typePath,
					"expected a string ('pipeline' or 'policy') but found " + JsonObjectReader.describe(type)));
			rememberUnreadable(object, path);
			return null;
		}
		switch (type.textValue()) {
			case IonJsonVocabulary.PIPELINE_TYPE:
				return readPipeline(object, path);
			case IonJsonVocabulary.POLICY_TYPE:
				return readPolicyNode(object, path);
			default:
				problems.add(Problem.error(typePath, "unknown node type '" + type.textValue()
						+ "'; expected 'pipeline' or 'policy'" + Suggestions.didYouMean(type.textValue(), IonJsonVocabulary.NODE_TYPES)));
				rememberUnreadable(object, path);
				return null;
		}
	}

	private void rememberUnreadable(ObjectNode object, String path) {
		JsonNode name = object.get("name");
		if (name != null && name.isTextual()) {
			unreadableNodes.putIfAbsent(name.textValue(), path);
		}
	}

	private PipelineNode readPipeline(ObjectNode json, String path) {
		JsonObjectReader object = new JsonObjectReader(json, path, "a pipeline node", IonJsonVocabulary.PIPELINE, problems);
		PipelineNode pipeline = factory.createPipelineNode();
		paths.put(pipeline, path);
		pipeline.setName(object.string("name"));
		pipeline.setDescription(object.string("description"));
		PipelineRole role = (PipelineRole) object.enumerator("role", "role", IonPackage.Literals.PIPELINE_ROLE);
		if (role != null) {
			pipeline.setRole(role);
		}
		Engine engine = (Engine) object.enumerator("engine", "engine", IonPackage.Literals.ENGINE);
		if (engine != null) {
			pipeline.setEngine(engine);
		}
		ExecutionMode mode = (ExecutionMode) object.enumerator("mode", "mode", IonPackage.Literals.EXECUTION_MODE);
		if (mode != null) {
			pipeline.setMode(mode);
		}
		ObjectNode schedule = object.object("schedule");
		if (schedule != null) {
			pipeline.setSchedule(readSchedule(schedule, object.path("schedule")));
		}
		ObjectNode code = object.object("code");
		if (code != null) {
			pipeline.setCode(readCode(code, object.path("code")));
		}
		ObjectNode model = object.object("model");
		if (model != null) {
			pipeline.setModel(readModelReference(model, object.path("model")));
		}
		ObjectNode parameters = object.object("parameters");
		if (parameters != null) {
			readParameters(parameters, object.path("parameters"), pipeline.getParameters());
		}
		ArrayNode components = object.array("components");
		if (components != null) {
			for (int i = 0; i < components.size(); i++) {
				Component component = readComponent(components.get(i), JsonPaths.index(object.path("components"), i));
				if (component != null) {
					pipeline.getComponents().add(component);
				}
			}
		}
		return pipeline;
	}

	private PolicyNode readPolicyNode(ObjectNode json, String path) {
		JsonNode kindJson = json.get("kind");
		PolicyKind kind = kindJson != null && kindJson.isTextual() ? PolicyKind.byJson(kindJson.textValue()) : null;
		// with an unknown kind, accept every policy field so the one real mistake is not buried
		List<String> allowed = kind == null ? PolicyKind.anyPolicyNodeFields() : kind.nodeFields();
		String what = kind == null ? "a policy node" : "a " + kind.json() + " policy node";
		JsonObjectReader object = new JsonObjectReader(json, path, what, allowed, problems);

		PolicyNode node = factory.createPolicyNode();
		paths.put(node, path);
		node.setName(object.string("name"));
		node.setDescription(object.string("description"));
		String kindPath = object.path("kind");
		if (kindJson == null) {
			problems.add(Problem.error(kindPath, "missing required field 'kind' (one of "
					+ String.join(", ", PolicyKind.jsonNames()) + ")"));
			return node;
		}
		if (!kindJson.isTextual()) {
			problems.add(Problem.error(kindPath, "expected a string (one of " + String.join(", ", PolicyKind.jsonNames())
					+ ") but found " + JsonObjectReader.describe(kindJson)));
			return node;
		}
		if (kind == null) {
			problems.add(Problem.error(kindPath, "unknown policy kind '" + kindJson.textValue() + "'; expected one of "
					+ String.join(", ", PolicyKind.jsonNames()) + Suggestions.didYouMean(kindJson.textValue(), PolicyKind.jsonNames())));
			return node;
		}
		Policy policy = readPolicy(kind, object);
		paths.put(policy, path);
		node.setPolicy(policy);
		return node;
	}

	private Policy readPolicy(PolicyKind kind, JsonObjectReader object) {
		switch (kind) {
			case AUTOMATIC_APPROVAL: {
				AutomaticApproval policy = factory.createAutomaticApproval();
				return policy;
			}
			case THRESHOLD_CHECK: {
				ThresholdCheck policy = factory.createThresholdCheck();
				policy.setStatistic(object.string("statistic"));
				Comparison comparison = (Comparison) object.enumerator("comparison", "comparison",
						IonPackage.Literals.COMPARISON);
				if (comparison != null) {
					policy.setComparison(comparison);
				}
				Double value = object.number("value");
				if (value != null) {
					policy.setValue(value);
				}
				return policy;
			}
			case HUMAN_APPROVAL: {
				HumanApproval policy = factory.createHumanApproval();
				policy.setApproverRole(object.string("approverRole"));
				Integer approvals = object.integer("approvalsRequired");
				if (approvals != null) {
					policy.setApprovalsRequired(approvals);
				}
				Boolean separation = object.bool("separationOfDuties");
				if (separation != null) {
					policy.setSeparationOfDuties(separation);
				}
				return policy;
			}
			case CUSTOM_POLICY: {
				CustomPolicy policy = factory.createCustomPolicy();
				ObjectNode code = object.object("code");
				if (code != null) {
					policy.setCode(readCode(code, object.path("code")));
				}
				return policy;
			}
			default:
				throw new IllegalStateException("unhandled policy kind " + kind);
		}
	}

	private Schedule readSchedule(ObjectNode json, String path) {
		JsonObjectReader object = new JsonObjectReader(json, path, "a schedule", IonJsonVocabulary.SCHEDULE, problems);
		Schedule schedule = factory.createSchedule();
		paths.put(schedule, path);
		schedule.setCron(object.string("cron"));
		schedule.setInterval(object.string("interval"));
		return schedule;
	}

	private CodeReference readCode(ObjectNode json, String path) {
		JsonObjectReader object = new JsonObjectReader(json, path, "a code reference", IonJsonVocabulary.CODE, problems);
		CodeReference code = factory.createCodeReference();
		paths.put(code, path);
		code.setUri(object.string("uri"));
		code.setCommit(object.string("commit"));
		code.setDigest(object.string("digest"));
		code.setEntryPoint(object.string("entryPoint"));
		return code;
	}

	private ModelReference readModelReference(ObjectNode json, String path) {
		JsonObjectReader object = new JsonObjectReader(json, path, "an uploaded model", IonJsonVocabulary.MODEL, problems);
		ModelReference model = factory.createModelReference();
		paths.put(model, path);
		model.setUri(object.string("uri"));
		model.setDigest(object.string("digest"));
		model.setFormat(object.string("format"));
		return model;
	}

	private void readParameters(ObjectNode json, String path, EList<Parameter> into) {
		for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			String parameterPath = JsonPaths.field(path, field.getKey());
			JsonNode value = field.getValue();
			Parameter parameter = factory.createParameter();
			parameter.setKey(field.getKey());
			if (value.isTextual()) {
				parameter.setType(ParameterType.STRING);
				parameter.setValue(value.textValue());
			} else if (value.isNumber()) {
				parameter.setType(ParameterType.NUMBER);
				parameter.setValue(value.numberValue().toString());
			} else if (value.isBoolean()) {
				parameter.setType(ParameterType.BOOLEAN);
				parameter.setValue(Boolean.toString(value.booleanValue()));
			} else {
				problems.add(Problem.error(parameterPath, "parameter '" + field.getKey()
						+ "' must be a string, a number or a boolean, not " + JsonObjectReader.describe(value)));
				continue;
			}
			paths.put(parameter, parameterPath);
			into.add(parameter);
		}
	}

	private Component readComponent(JsonNode json, String path) {
		if (!json.isObject()) {
			problems.add(Problem.error(path, "expected an object (a component) but found " + JsonObjectReader.describe(json)));
			return null;
		}
		JsonObjectReader object = new JsonObjectReader((ObjectNode) json, path, "a component", IonJsonVocabulary.COMPONENT,
				problems);
		Component component = factory.createComponent();
		paths.put(component, path);
		component.setName(object.string("name"));
		ComponentKind kind = (ComponentKind) object.enumerator("kind", "component kind", IonPackage.Literals.COMPONENT_KIND);
		if (kind != null) {
			component.setKind(kind);
		}
		component.setDescription(object.string("description"));
		ObjectNode parameters = object.object("parameters");
		if (parameters != null) {
			readParameters(parameters, object.path("parameters"), component.getParameters());
		}
		// reports a wrong type now; the names are resolved once all components exist
		object.array("inputs");
		componentObjects.put(component, (ObjectNode) json);
		return component;
	}

	private void resolveInputs(PipelineNode pipeline) {
		List<String> names = pipeline.getComponents().stream().map(Component::getName).toList();
		for (Component component : pipeline.getComponents()) {
			JsonNode inputs = componentObjects.get(component).get("inputs");
			if (inputs == null || !inputs.isArray()) {
				continue;
			}
			String inputsPath = JsonPaths.field(paths.get(component), "inputs");
			for (int i = 0; i < inputs.size(); i++) {
				JsonNode input = inputs.get(i);
				String inputPath = JsonPaths.index(inputsPath, i);
				if (!input.isTextual()) {
					problems.add(Problem.error(inputPath,
							"expected a string (a component name) but found " + JsonObjectReader.describe(input)));
					continue;
				}
				String name = input.textValue();
				Component source = pipeline.findComponent(name);
				if (source == null) {
					problems.add(Problem.error(inputPath, "unknown component '" + name + "' in pipeline '"
							+ pipeline.getName() + "'" + hint(name, names, "its components are")));
				} else if (component.getInputs().contains(source)) {
					problems.add(Problem.warning(inputPath, "input '" + name + "' is listed twice"));
				} else {
					component.getInputs().add(source);
				}
			}
		}
	}

	private Channel readChannel(Ion ion, JsonNode json, String path) {
		if (!json.isObject()) {
			problems.add(Problem.error(path, "expected an object (a channel) but found " + JsonObjectReader.describe(json)));
			return null;
		}
		JsonObjectReader object = new JsonObjectReader((ObjectNode) json, path, "a channel", IonJsonVocabulary.CHANNEL,
				problems);
		Channel channel = factory.createChannel();
		paths.put(channel, path);
		channel.setName(object.string("name"));
		channel.setDescription(object.string("description"));
		String from = object.string("from");
		if (from != null) {
			channel.setFrom(resolveNode(ion, from, object.path("from")));
		}
		String to = object.string("to");
		if (to != null) {
			channel.setTo(resolveNode(ion, to, object.path("to")));
		}
		MessageType message = (MessageType) object.enumerator("message", "message type", IonPackage.Literals.MESSAGE_TYPE);
		if (message != null) {
			channel.setMessage(message);
		}
		return channel;
	}

	private Node resolveNode(Ion ion, String name, String path) {
		Node node = ion.findNode(name);
		if (node != null) {
			return node;
		}
		String unreadable = unreadableNodes.get(name);
		if (unreadable != null) {
			problems.add(Problem.error(path, "node '" + name + "' could not be read (see " + unreadable + ")"));
		} else {
			List<String> names = ion.getNodes().stream().map(Node::getName).toList();
			problems.add(Problem.error(path, "unknown node '" + name + "'" + hint(name, names, "the nodes are")));
		}
		return null;
	}

	/** " (did you mean 'x'?)" when one is close, else "; the nodes are: a, b" so the user can pick. */
	private static String hint(String typed, List<String> names, String listIntro) {
		List<String> known = names.stream().filter(n -> n != null).toList();
		return Suggestions.closest(typed, known).map(c -> " (did you mean '" + c + "'?)")
				.orElse(known.isEmpty() ? "" : "; " + listIntro + ": " + String.join(", ", known));
	}
}
