package org.iongov.internal.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.core.store.StoreException;
import org.iongov.ui.model.connections.ConnectionList;
import org.iongov.ui.model.connections.ConnectionsPresenter;
import org.iongov.ui.model.connections.ConnectionsPresenter.Opened;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jakarta.annotation.PreDestroy;

/**
 * Opens the embedded governance store before the main window is built and makes it the active
 * connection ({@link WorkbenchConnections}): the store goes into the application context, where
 * every part finds it, beside the {@link WorkbenchUser} decisions are recorded as. The connection
 * view switches to a server and back; the store in use is closed when the workbench shuts down.
 */
public final class StoreLifeCycle {

    /** Exit code when the store cannot be opened, matching the CLI's. */
    static final int EXIT_STORE_UNAVAILABLE = 3;

    private WorkbenchConnections connections;

    @PostContextCreate
    void openStore(IEclipseContext context) {
        // JFreeChart draws on SWT through SWTGraphics2D, which measures fonts with a Swing
        // component: headless, AWT measures them without opening a second connection to the
        // display beside SWT's (and without a second GUI toolkit in the process).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        try {
            Path folder = StoreArguments.storeFolder(Platform.getApplicationArgs());
            WorkbenchUser user = WorkbenchUser.of(Platform.getApplicationArgs());
            GovernanceStoreProvider provider = findProvider();
            ConnectionsPresenter presenter = new ConnectionsPresenter(
                    new ConnectionList(new SecureConnectionStorage(SecureConnectionStorage.defaultLocation())), folder,
                    provider::openEmbedded, Clock.systemUTC(), ZoneId.systemDefault());
            Opened embedded = presenter.open(presenter.embedded());
            context.set(WorkbenchUser.class, user);
            connections = new WorkbenchConnections(context, presenter, embedded);
            context.set(WorkbenchConnections.class, connections);
        } catch (StoreException | IllegalArgumentException e) {
            failStartup(e.getMessage());
        }
    }

    @PreDestroy
    void closeStore() {
        if (connections != null) {
            connections.close();
            connections = null;
        }
    }

    private static GovernanceStoreProvider findProvider() {
        BundleContext bundleContext = FrameworkUtil.getBundle(StoreLifeCycle.class).getBundleContext();
        ServiceTracker<GovernanceStoreProvider, GovernanceStoreProvider> tracker = new ServiceTracker<>(bundleContext,
                GovernanceStoreProvider.class, null);
        tracker.open();
        try {
            // Declarative Services registers the Derby provider shortly after start-up.
            GovernanceStoreProvider provider = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
            if (provider == null) {
                throw new StoreException(StoreException.Reason.FAILED,
                        "no governance store implementation is installed (bundle org.iongov.store.derby missing or not started)");
            }
            return provider;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Reason.FAILED, "interrupted while waiting for the store service", e);
        } finally {
            tracker.close();
        }
    }

    /** Says why on stderr (for launchers and logs) and in a dialog (for people), then exits. */
    private static void failStartup(String message) {
        System.err.println("iongov workbench: " + message);
        if (!Boolean.getBoolean("iongov.noErrorDialog")) {
            Display display = Display.getDefault();
            MessageDialog.openError(null, "IonGov cannot start", message);
            display.dispose();
        }
        System.exit(EXIT_STORE_UNAVAILABLE);
    }
}
