/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.internal.model;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.iongov.model.Ion;
import org.iongov.model.Parameter;
import org.iongov.model.Policy;

/**
 * The JSON path of a model element, derived from where it sits in the model. It matches the path
 * in a definition the model was read from, except where the reader had to leave elements out;
 * the reader therefore records the paths it read, and this is the fallback.
 */
public final class IonPaths {

	private IonPaths() {
	}

	public static String of(EObject element) {
		if (element == null || element instanceof Ion) {
			return "";
		}
		EObject container = element.eContainer();
		if (container == null) {
			return "";
		}
		String parent = of(container);
		if (element instanceof Policy) {
			// the JSON format writes a policy's settings into its node's object
			return parent;
		}
		if (element instanceof Parameter parameter) {
			// parameters are an object keyed by name in JSON, a list in the model
			String key = parameter.getKey() == null ? "?" : parameter.getKey();
			return JsonPaths.field(JsonPaths.field(parent, "parameters"), key);
		}
		EStructuralFeature feature = element.eContainingFeature();
		if (feature.isMany()) {
			List<?> siblings = (List<?>) container.eGet(feature);
			return JsonPaths.index(JsonPaths.field(parent, feature.getName()), siblings.indexOf(element));
		}
		return JsonPaths.field(parent, feature.getName());
	}
}
