package org.iongov.store.derby;

import java.nio.file.Path;

import org.iongov.core.store.GovernanceStore;

/**
 * A second process for the store tests: opens the store, says so on stdout, and holds it until
 * stdin closes ("hold") or writes a row and waits to be killed ("write").
 */
public final class StoreHolder {

    public static void main(String[] args) throws Exception {
        GovernanceStore store = new DerbyStoreProvider().openEmbedded(Path.of(args[0]));
        if ("write".equals(args[1])) {
            store.addIonDefinition("written-by-child", "{}");
            System.out.println("WROTE");
        } else {
            System.out.println("OPEN");
        }
        System.out.flush();
        while (System.in.read() != -1) {
            // hold the store until the parent closes our stdin (or kills us)
        }
        store.close();
    }
}
