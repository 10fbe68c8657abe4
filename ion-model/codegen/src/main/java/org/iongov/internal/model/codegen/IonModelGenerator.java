/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.internal.model.codegen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.genmodel.GenJDKLevel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.GenPackage;
import org.eclipse.emf.codegen.ecore.genmodel.GenRuntimeVersion;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.codegen.merge.java.JControlModel;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Generates the ION model code from {@code ion.genmodel} without Eclipse: no workspace, no
 * extension registry, no JDT.
 *
 * <p>Usage: {@code IonModelGenerator GENMODEL SRC_GEN STAGING}. The generator writes into a fresh
 * staging copy of the model project; only its {@code src-gen} tree is then mirrored into
 * {@code SRC_GEN} (files rewritten only when their content differs, stale files removed). The
 * MANIFEST.MF, plugin.xml and build.properties that EMF also writes stay in the staging area: the
 * bundle's manifest comes from bnd. Generating into an empty folder also means JMerge never runs,
 * so no hand edits can survive in {@code src-gen} - it is pure output.
 *
 * <p>When the genmodel does not exist yet it is created from the {@code ion.ecore} beside it with
 * the settings the EMF wizard would choose for this project.
 */
public final class IonModelGenerator {

	static final String PROJECT = "org.iongov.model";
	static final String MODEL_DIRECTORY = "/" + PROJECT + "/src-gen";

	private IonModelGenerator() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			throw new IllegalArgumentException("usage: IonModelGenerator GENMODEL SRC_GEN STAGING");
		}
		Path genModelFile = Path.of(args[0]).toAbsolutePath().normalize();
		Path srcGen = Path.of(args[1]).toAbsolutePath().normalize();
		Path staging = Path.of(args[2]).toAbsolutePath().normalize();
		Summary summary = generate(genModelFile, srcGen, staging);
		System.out.println("[ion-model codegen] " + summary);
	}

	/** What a run changed in the committed tree. */
	record Summary(int files, int written, int deleted, boolean genModelSaved) {
		@Override
		public String toString() {
			return files + " generated files, " + written + " written, " + deleted + " deleted"
					+ (genModelSaved ? ", genmodel saved" : "");
		}
	}

	static Summary generate(Path genModelFile, Path srcGen, Path staging) throws IOException {
		ResourceSet resourceSet = createResourceSet();
		GenModel genModel;
		genModel = Files.exists(genModelFile) ? loadGenModel(resourceSet, genModelFile)
				: createGenModel(resourceSet, genModelFile);
		// picks up what was added to the .ecore since the genmodel was written; a new genmodel is
		// reconciled too, so that it is saved in the same form a later run would save
		genModel.reconcile();
		boolean saved = saveIfChanged(genModel.eResource(), genModelFile);

		Diagnostic validation = genModel.diagnose();
		if (validation.getSeverity() == Diagnostic.ERROR) {
			throw new IllegalStateException("the genmodel is not valid: " + describe(validation));
		}

		Path stagingProject = staging.resolve(PROJECT);
		deleteTree(staging);
		Files.createDirectories(stagingProject);
		// platform:/resource/org.iongov.model/... now means the staging copy
		EcorePlugin.getPlatformResourceMap().put(PROJECT, URI.createFileURI(stagingProject + "/"));

		genModel.setCanGenerate(true);
		Generator generator = new Generator() {
			// Without JDT there is no merger; the staging folder is empty anyway, so nothing is
			// merged and the emitters' output is written as it is. Asking for the default facade
			// helper would fail with NoClassDefFoundError (JDT's DOM), which EMF does not catch.
			private final JControlModel noMerge = new JControlModel();

			@Override
			public JControlModel getJControlModel() {
				return noMerge;
			}
		};
		// without the extension registry the adapter factory that knows GenModel is not found
		generator.getAdapterFactoryDescriptorRegistry().addDescriptor(GenModelPackage.eNS_URI,
				GenModelGeneratorAdapterFactory.DESCRIPTOR);
		generator.setInput(genModel);
		Diagnostic result = generator.generate(genModel, GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
				new BasicMonitor());
		if (result.getSeverity() == Diagnostic.ERROR) {
			throw new IllegalStateException("code generation failed: " + describe(result));
		}

		Path generated = stagingProject.resolve("src-gen");
		if (!Files.isDirectory(generated)) {
			throw new IllegalStateException("the generator wrote nothing under " + generated);
		}
		int[] counts = mirror(generated, srcGen);
		return new Summary(counts[0], counts[1], counts[2], saved);
	}

	static ResourceSet createResourceSet() {
		ResourceSet resourceSet = new ResourceSetImpl();
		Map<String, Object> factories = resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap();
		factories.put("ecore", new EcoreResourceFactoryImpl());
		factories.put("genmodel", new XMIResourceFactoryImpl());
		resourceSet.getPackageRegistry().put(EcorePackage.eNS_URI, EcorePackage.eINSTANCE);
		resourceSet.getPackageRegistry().put(GenModelPackage.eNS_URI, GenModelPackage.eINSTANCE);
		return resourceSet;
	}

	private static GenModel loadGenModel(ResourceSet resourceSet, Path genModelFile) {
		Resource resource = resourceSet.getResource(URI.createFileURI(genModelFile.toString()), true);
		GenModel genModel = (GenModel) resource.getContents().get(0);
		EcoreUtil.resolveAll(resourceSet);
		return genModel;
	}

	/** The settings the EMF wizard gives a new genmodel, which a bare GenModel lacks. */
	private static GenModel createGenModel(ResourceSet resourceSet, Path genModelFile) {
		Path ecoreFile = genModelFile.resolveSibling("ion.ecore");
		Resource ecore = resourceSet.getResource(URI.createFileURI(ecoreFile.toString()), true);
		EPackage ePackage = (EPackage) ecore.getContents().get(0);

		GenModel genModel = GenModelFactory.eINSTANCE.createGenModel();
		Resource resource = resourceSet.createResource(URI.createFileURI(genModelFile.toString()));
		resource.getContents().add(genModel);
		genModel.initialize(Collections.singleton(ePackage));
		genModel.getForeignModel().add(ecoreFile.getFileName().toString());
		genModel.setModelName("Ion");
		genModel.setModelPluginID(PROJECT);
		genModel.setModelDirectory(MODEL_DIRECTORY);
		genModel.setImporterID("org.eclipse.emf.importer.ecore");
		genModel.setComplianceLevel(GenJDKLevel.JDK170_LITERAL);
		// the oldest EMF the bundle runs on (the target platform's org.eclipse.emf.ecore)
		genModel.setRuntimeVersion(GenRuntimeVersion.EMF243);
		genModel.setRootExtendsClass("org.eclipse.emf.ecore.impl.MinimalEObjectImpl$Container");
		genModel.setOperationReflection(true);
		genModel.setImportOrganizing(true);
		genModel.setCopyrightText("Copyright (c) 2026 IonGov contributors.\nSPDX-License-Identifier: EPL-2.0\n\n"
				+ "Generated from ion.ecore by ion-model/codegen: do not edit.");
		genModel.setCopyrightFields(false);
		genModel.setUpdateClasspath(false);
		for (GenPackage genPackage : genModel.getGenPackages()) {
			genPackage.setBasePackage("org.iongov");
			genPackage.setPrefix("Ion");
		}
		return genModel;
	}

	/** Saves the resource only when its bytes change, so a plain rebuild leaves the file alone. */
	private static boolean saveIfChanged(Resource resource, Path file) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		resource.save(out, Map.of(XMLResource.OPTION_ENCODING, "UTF-8", XMLResource.OPTION_LINE_WIDTH, 100));
		byte[] bytes = out.toByteArray();
		if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
			return false;
		}
		Files.write(file, bytes);
		return true;
	}

	/**
	 * Makes {@code target} hold exactly the files of {@code source}, touching only files whose
	 * content differs. Returns {files, written, deleted}.
	 */
	static int[] mirror(Path source, Path target) throws IOException {
		TreeSet<Path> sourceFiles = relativeFiles(source);
		TreeSet<Path> targetFiles = Files.isDirectory(target) ? relativeFiles(target) : new TreeSet<>();
		int written = 0;
		int deleted = 0;
		for (Path relative : sourceFiles) {
			byte[] bytes = Files.readAllBytes(source.resolve(relative));
			Path destination = target.resolve(relative);
			if (!Files.exists(destination) || !Arrays.equals(Files.readAllBytes(destination), bytes)) {
				Files.createDirectories(destination.getParent());
				Files.write(destination, bytes);
				written++;
			}
		}
		for (Path relative : targetFiles) {
			if (!sourceFiles.contains(relative)) {
				Files.delete(target.resolve(relative));
				deleted++;
			}
		}
		deleteEmptyDirectories(target);
		return new int[] { sourceFiles.size(), written, deleted };
	}

	private static TreeSet<Path> relativeFiles(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			TreeSet<Path> files = new TreeSet<>();
			walk.filter(Files::isRegularFile).forEach(p -> files.add(root.relativize(p)));
			return files;
		}
	}

	private static void deleteEmptyDirectories(Path root) throws IOException {
		List<Path> directories = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(root)) {
			walk.filter(Files::isDirectory).forEach(directories::add);
		}
		// deepest first, so a parent is seen after its children are gone
		directories.sort((a, b) -> Integer.compare(b.getNameCount(), a.getNameCount()));
		for (Path directory : directories) {
			if (!directory.equals(root)) {
				try (Stream<Path> entries = Files.list(directory)) {
					if (entries.findAny().isEmpty()) {
						Files.delete(directory);
					}
				}
			}
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			walk.sorted((a, b) -> Integer.compare(b.getNameCount(), a.getNameCount())).forEach(p -> {
				try {
					Files.delete(p);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}

	private static String describe(Diagnostic diagnostic) {
		StringBuilder text = new StringBuilder(String.valueOf(diagnostic.getMessage()));
		for (Diagnostic child : diagnostic.getChildren()) {
			text.append("\n  ").append(describe(child));
		}
		return text.toString();
	}
}
