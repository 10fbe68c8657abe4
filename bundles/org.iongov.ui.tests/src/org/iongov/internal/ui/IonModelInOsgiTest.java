package org.iongov.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.iongov.model.Ion;
import org.iongov.model.definition.IonDefinitions;
import org.iongov.model.validation.ValidationReport;
import org.iongov.model.xmi.IonXmi;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The ION model bundle works inside the workbench's OSGi runtime, not only in a plain JVM. */
class IonModelInOsgiTest {

    @Test
    void modelBundleReadsValidatesAndRoundTripsASampleInOsgi() throws Exception {
        Bundle model = FrameworkUtil.getBundle(Ion.class);
        assertEquals("org.iongov.model", model.getSymbolicName(), "loaded from the OSGi bundle");
        Path sample = Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "e-ensemble-with-canary.json");
        ValidationReport report = IonDefinitions.validate(Files.readAllBytes(sample), sample.toString());
        assertTrue(report.isValid(), report.lines().toString());
        Ion ion = report.ion().orElseThrow();
        Ion again = IonXmi.fromXmi(IonXmi.toXmi(ion));
        assertEquals(ion.getName(), again.getName());
        assertEquals(ion.getNodes().size(), again.getNodes().size());
    }
}
