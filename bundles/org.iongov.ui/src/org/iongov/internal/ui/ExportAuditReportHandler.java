package org.iongov.internal.ui;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.iongov.internal.ui.audit.AuditExportDialog;

import jakarta.inject.Named;

/** File > Export Audit Report…: the audit report export wizard, over the store the workbench reads. */
public final class ExportAuditReportHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, MApplication application) {
        // The application context: where a switch of connection puts the new store.
        AuditExportDialog.following(shell, application.getContext()).open();
    }
}
