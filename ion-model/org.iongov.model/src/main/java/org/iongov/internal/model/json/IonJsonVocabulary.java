/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.internal.model.json;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EClass;
import org.iongov.model.IonPackage;
import org.iongov.model.Policy;

/**
 * The words of the JSON definition format, version 1: field names in the order the writer emits
 * them, and the policy kinds. Reader, writer, README and schema all follow this.
 */
public final class IonJsonVocabulary {

	public static final int FORMAT_VERSION = 1;

	public static final List<String> ION = List.of("formatVersion", "name", "version", "description", "nodes",
			"channels");
	public static final List<String> NODE = List.of("type", "name", "description");
	public static final List<String> PIPELINE = List.of("type", "name", "description", "role", "engine", "mode",
			"schedule", "code", "model", "parameters", "components");
	public static final List<String> SCHEDULE = List.of("cron", "interval");
	public static final List<String> CODE = List.of("uri", "commit", "digest", "entryPoint");
	public static final List<String> MODEL = List.of("uri", "digest", "format");
	public static final List<String> COMPONENT = List.of("name", "kind", "description", "inputs", "parameters");
	public static final List<String> CHANNEL = List.of("name", "from", "to", "message", "description");

	public static final String PIPELINE_TYPE = "pipeline";
	public static final String POLICY_TYPE = "policy";
	public static final List<String> NODE_TYPES = List.of(PIPELINE_TYPE, POLICY_TYPE);

	/** The kinds of policy, each with the fields it adds to its node's object. */
	public enum PolicyKind {
		AUTOMATIC_APPROVAL("automatic-approval", IonPackage.Literals.AUTOMATIC_APPROVAL, List.of()),
		THRESHOLD_CHECK("threshold-check", IonPackage.Literals.THRESHOLD_CHECK,
				List.of("statistic", "comparison", "value")),
		HUMAN_APPROVAL("human-approval", IonPackage.Literals.HUMAN_APPROVAL,
				List.of("approverRole", "approvalsRequired", "separationOfDuties")),
		CUSTOM_POLICY("custom-policy", IonPackage.Literals.CUSTOM_POLICY, List.of("code"));

		private final String json;
		private final EClass eClass;
		private final List<String> fields;

		PolicyKind(String json, EClass eClass, List<String> fields) {
			this.json = json;
			this.eClass = eClass;
			this.fields = fields;
		}

		public String json() {
			return json;
		}

		public EClass eClass() {
			return eClass;
		}

		/** type, name, description, kind, then this kind's own fields. */
		public List<String> nodeFields() {
			List<String> all = new ArrayList<>(NODE);
			all.add("kind");
			all.addAll(fields);
			return all;
		}

		public static PolicyKind byJson(String json) {
			for (PolicyKind kind : values()) {
				if (kind.json.equals(json)) {
					return kind;
				}
			}
			return null;
		}

		public static PolicyKind of(Policy policy) {
			for (PolicyKind kind : values()) {
				if (kind.eClass == policy.eClass()) {
					return kind;
				}
			}
			throw new IllegalArgumentException("no JSON kind for " + policy.eClass().getName());
		}

		public static List<String> jsonNames() {
			return java.util.Arrays.stream(values()).map(PolicyKind::json).toList();
		}

		/** Every field any policy node may have; used when the kind is unknown, to avoid follow-up noise. */
		public static List<String> anyPolicyNodeFields() {
			List<String> all = new ArrayList<>(NODE);
			all.add("kind");
			for (PolicyKind kind : values()) {
				all.addAll(kind.fields);
			}
			return all;
		}
	}

	private IonJsonVocabulary() {
	}
}
