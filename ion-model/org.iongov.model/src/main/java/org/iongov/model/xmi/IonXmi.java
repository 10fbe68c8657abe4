/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.xmi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.iongov.model.Ion;
import org.iongov.model.IonPackage;

/**
 * IONs as EMF XMI, in a plain JVM as well as in OSGi: the resource sets made here have the ION
 * package and the XMI resource factory registered by hand, so no extension registry is needed.
 */
public final class IonXmi {

	/** The file extension the factory is registered for. */
	public static final String EXTENSION = "xmi";

	private static final Map<String, Object> SAVE_OPTIONS = Map.of(XMLResource.OPTION_ENCODING, "UTF-8");

	private IonXmi() {
	}

	/** A resource set that can load and save ION XMI files without any registry. */
	public static ResourceSet createResourceSet() {
		ResourceSet resourceSet = new ResourceSetImpl();
		resourceSet.getPackageRegistry().put(IonPackage.eNS_URI, IonPackage.eINSTANCE);
		XMIResourceFactoryImpl factory = new XMIResourceFactoryImpl();
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put(EXTENSION, factory);
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put(Resource.Factory.Registry.DEFAULT_EXTENSION,
				factory);
		return resourceSet;
	}

	/** Writes a copy of the ION as XMI; the ION itself stays where it is. */
	public static void save(Ion ion, OutputStream out) throws IOException {
		Resource resource = createResourceSet().createResource(URI.createURI("ion." + EXTENSION));
		resource.getContents().add(EcoreUtil.copy(ion));
		resource.save(out, SAVE_OPTIONS);
	}

	public static String toXmi(Ion ion) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		save(ion, out);
		return out.toString(StandardCharsets.UTF_8);
	}

	public static void save(Ion ion, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			save(ion, out);
		}
	}

	/**
	 * Reads an ION from XMI.
	 *
	 * @throws IOException when the stream fails or is not an ION in XMI
	 */
	public static Ion load(InputStream in) throws IOException {
		Resource resource = createResourceSet().createResource(URI.createURI("ion." + EXTENSION));
		resource.load(in, Map.of());
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Ion ion)) {
			throw new IOException("the XMI does not contain an ION");
		}
		return ion;
	}

	public static Ion fromXmi(String xmi) throws IOException {
		return load(new ByteArrayInputStream(xmi.getBytes(StandardCharsets.UTF_8)));
	}

	public static Ion load(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return load(in);
		}
	}
}
