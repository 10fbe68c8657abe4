package org.iongov.ui.model.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.store.GovernanceStore;

/** The ION instances the timelines offer to choose from. */
public final class IonInstances {

    private IonInstances() {
    }

    /** The store's ION instances, newest first (then by id). */
    public static List<IonInstanceRecord> newestFirst(GovernanceStore store) {
        List<IonInstanceRecord> instances = new ArrayList<>(store.instances());
        instances.sort(Comparator.comparing(IonInstanceRecord::createdAt, Comparator.nullsLast(Comparator.naturalOrder())).reversed()
                .thenComparing(IonInstanceRecord::id));
        return instances;
    }
}
