/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EOperation;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.junit.jupiter.api.Test;

/**
 * The committed src-gen must be what ion.ecore says: a stale generation (an edited .ecore without
 * a rebuild, or a hand edit) shows up here as a difference in the package the code builds.
 */
class GeneratedCodeTest {

	private static EPackage committedEcore() {
		ResourceSet resourceSet = new ResourceSetImpl();
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
		URI uri = URI.createFileURI(TestFiles.ionModelDir().resolve("org.iongov.model/model/ion.ecore").toString());
		Resource resource = resourceSet.getResource(uri, true);
		return (EPackage) resource.getContents().get(0);
	}

	/** A line per classifier, feature, operation and literal, with what code generation depends on. */
	private static List<String> outline(EPackage ePackage) {
		List<String> lines = new ArrayList<>();
		lines.add("package " + ePackage.getName() + " " + ePackage.getNsURI() + " " + ePackage.getNsPrefix());
		for (EClassifier classifier : ePackage.getEClassifiers()) {
			if (classifier instanceof EClass eClass) {
				lines.add("class " + eClass.getName() + (eClass.isAbstract() ? " abstract" : "") + " extends "
						+ eClass.getESuperTypes().stream().map(EClass::getName).toList());
				for (EStructuralFeature feature : eClass.getEStructuralFeatures()) {
					String kind = feature instanceof EAttribute ? "attribute" : "reference";
					lines.add("  " + kind + " " + feature.getName() + ": " + feature.getEType().getName() + " ["
							+ feature.getLowerBound() + ".." + feature.getUpperBound() + "]"
							+ (feature.isUnsettable() ? " unsettable" : "")
							+ (feature.getDefaultValueLiteral() != null ? " = " + feature.getDefaultValueLiteral() : "")
							+ (feature instanceof EReference r && r.isContainment() ? " containment" : ""));
				}
				for (EOperation operation : eClass.getEOperations()) {
					lines.add("  operation " + operation.getName() + ": " + operation.getEType().getName() + " ["
							+ operation.getUpperBound() + "] " + operation.getEParameters().stream()
									.map(p -> p.getName() + ": " + p.getEType().getName()).toList());
				}
			} else if (classifier instanceof EEnum eEnum) {
				lines.add("enum " + eEnum.getName());
				for (EEnumLiteral literal : eEnum.getELiterals()) {
					lines.add("  " + literal.getName() + " = " + literal.getValue() + " '" + literal.getLiteral() + "'");
				}
			}
		}
		return lines;
	}

	@Test
	void generatedPackageMatchesTheCommittedEcore() {
		assertEquals(String.join("\n", outline(committedEcore())), String.join("\n", outline(IonPackage.eINSTANCE)));
	}

	@Test
	void thePackageRegistersItselfWithoutOsgi() {
		IonPackage ionPackage = IonPackage.eINSTANCE;
		assertSame(ionPackage, EPackage.Registry.INSTANCE.getEPackage(IonPackage.eNS_URI));
		assertEquals("http://www.iongov.org/ion/1.0", IonPackage.eNS_URI);
	}
}
