package org.iongov.internal.ui;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.iongov.core.store.GovernanceStore;
import org.iongov.internal.ui.audit.AuditExportDialog;

import jakarta.inject.Named;

/** File > Export Audit Report…: the audit report export wizard. */
public final class ExportAuditReportHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, GovernanceStore store) {
        AuditExportDialog.of(shell, store).open();
    }
}
