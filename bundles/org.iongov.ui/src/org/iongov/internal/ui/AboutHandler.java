package org.iongov.internal.ui;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

import jakarta.inject.Named;

import org.eclipse.e4.ui.services.IServiceConstants;

/** Help > About IonGov. */
public final class AboutHandler {

    static final String TITLE = "About IonGov";

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ActiveConnection connection) {
        MessageDialog.openInformation(shell, TITLE, aboutText(connection));
    }

    /** Says the store from what connecting found out: no request to a server on the UI thread. */
    static String aboutText(ActiveConnection connection) {
        String version = FrameworkUtil.getBundle(AboutHandler.class).getVersion().toString();
        return "IonGov " + version + "\n\n"
                + "Production ML model governance: which models made a prediction, from which code, data and\n"
                + "parameters, approved by whom, and whether it can be reproduced.\n\n"
                + "Store: " + connection.statusText() + "\n\n"
                + "Licensed under the Eclipse Public License 2.0 (EPL-2.0).";
    }
}
