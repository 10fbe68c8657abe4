package org.iongov.store.derby;

import java.nio.file.Path;

import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.core.store.StoreException;
import org.osgi.service.component.annotations.Component;

/** Opens Derby-backed governance stores; an OSGi service in the workbench, a ServiceLoader provider elsewhere. */
@Component(service = GovernanceStoreProvider.class)
public final class DerbyStoreProvider implements GovernanceStoreProvider {

    @Override
    public GovernanceStore openEmbedded(Path folder) throws StoreException {
        return EmbeddedStoreOpener.open(folder, SchemaMigrations.ALL);
    }

    @Override
    public GovernanceStore openUrl(String jdbcUrl) throws StoreException {
        return NetworkStoreOpener.open(jdbcUrl, SchemaMigrations.ALL);
    }
}
