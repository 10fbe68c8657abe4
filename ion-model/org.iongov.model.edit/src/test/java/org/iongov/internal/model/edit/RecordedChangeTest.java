package org.iongov.internal.model.edit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;
import org.iongov.model.Ion;
import org.iongov.model.IonFactory;
import org.junit.jupiter.api.Test;

class RecordedChangeTest {

    @Test
    void aChangeThatFailsHalfWayIsRevertedAndItsFailureKept() {
        Ion ion = IonFactory.eINSTANCE.createIon();
        new ResourceImpl(URI.createURI("memory:/test")).getContents().add(ion);
        IllegalStateException boom = new IllegalStateException("failed after the first step");
        RecordedChange change = new RecordedChange("two steps", ion.eResource(), () -> {
            ion.getNodes().add(IonFactory.eINSTANCE.createPipelineNode());
            ion.setName("renamed");
            throw boom;
        });
        assertSame(boom, assertThrows(IllegalStateException.class, change::execute));
        assertSame(boom, change.failure());
        assertTrue(ion.getNodes().isEmpty(), "the node added before the failure is gone");
        assertFalse("renamed".equals(ion.getName()));
    }
}
