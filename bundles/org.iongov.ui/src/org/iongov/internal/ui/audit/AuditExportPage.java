package org.iongov.internal.ui.audit;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.iongov.internal.ui.WorkbenchConnections;
import org.iongov.report.ReportFormat;
import org.iongov.ui.model.audit.AuditExportPresenter;
import org.iongov.ui.model.audit.AuditExportPresenter.Request;

/**
 * The export's one page: the time window, the ION (all or one), the format and the file. Every
 * change is checked at once and a problem named in the page's message line; the IONs offered are
 * read in a job.
 */
final class AuditExportPage extends WizardPage {

    static final String DESCRIPTION = "Models trained, approved, rejected and deployed in a time window, by whom and when; the compliance"
            + " policies' results; each model's lineage and use; the ledger's verification.";

    private AuditExportPresenter presenter;
    private final Path folder;
    private Text from;
    private Text to;
    private Combo ion;
    private Button[] formats;
    private Text file;
    private Text outcome;
    private boolean ionsRead;
    /** Bumped when the store changes: IONs read from the previous one are not offered (UI thread only). */
    private int generation;

    AuditExportPage(AuditExportPresenter presenter, Path folder) {
        super("audit-export");
        this.presenter = presenter;
        this.folder = folder;
        setTitle("Export an audit report");
        setDescription(DESCRIPTION);
    }

    @Override
    public void createControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(3, false));

        from = field(area, "From", presenter.defaultFrom(), "yyyy-mm-dd hh:mm in your time zone; empty for the beginning");
        to = field(area, "To", presenter.defaultTo(), "yyyy-mm-dd hh:mm; empty for now");

        new Label(area, SWT.NONE).setText("ION");
        ion = new Combo(area, SWT.READ_ONLY | SWT.DROP_DOWN);
        ion.add(AuditExportPresenter.ALL_IONS);
        ion.select(0);
        ion.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        ion.addListener(SWT.Selection, e -> validate());

        new Label(area, SWT.NONE).setText("Format");
        Composite formatRow = new Composite(area, SWT.NONE);
        formatRow.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        GridLayout formatLayout = new GridLayout(ReportFormat.values().length, false);
        formatLayout.marginWidth = 0;
        formatRow.setLayout(formatLayout);
        formats = new Button[ReportFormat.values().length];
        for (ReportFormat format : ReportFormat.values()) {
            Button radio = new Button(formatRow, SWT.RADIO);
            radio.setText(format.name());
            radio.setData(format);
            radio.addListener(SWT.Selection, e -> {
                if (radio.getSelection()) {
                    file.setText(AuditExportPresenter.withExtension(file.getText(), format));
                    validate();
                }
            });
            formats[format.ordinal()] = radio;
        }
        formats[ReportFormat.PDF.ordinal()].setSelection(true);

        new Label(area, SWT.NONE).setText("File");
        file = new Text(area, SWT.BORDER);
        file.setText(presenter.defaultFile(folder, ReportFormat.PDF).toString());
        GridData fileData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        fileData.widthHint = 480; // a long path scrolls in the field rather than widening the dialog
        file.setLayoutData(fileData);
        file.addListener(SWT.Modify, e -> validate());
        Button browse = new Button(area, SWT.PUSH);
        browse.setText("Browse…");
        browse.addListener(SWT.Selection, e -> browse());

        // Read-only text rather than a label: the path can be selected and copied.
        outcome = new Text(area, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
        outcome.setBackground(area.getBackground());
        // Takes the rest of the page: the outcome runs to a few lines with a long path.
        GridData outcomeData = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        outcomeData.widthHint = 480;
        outcomeData.verticalIndent = 8;
        outcome.setLayoutData(outcomeData);

        setControl(area);
        readIons();
        validate();
    }

    private Text field(Composite area, String label, String value, String hint) {
        new Label(area, SWT.NONE).setText(label);
        Text text = new Text(area, SWT.BORDER);
        text.setText(value);
        text.setMessage(hint);
        text.setToolTipText(hint);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        text.addListener(SWT.Modify, e -> validate());
        return text;
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
        ReportFormat format = format();
        String extension = AuditExportPresenter.extension(format);
        dialog.setFilterExtensions(new String[] { "*" + extension, "*" });
        dialog.setFilterNames(new String[] { format.name() + " (*" + extension + ")", "All files" });
        dialog.setOverwrite(true);
        Path current = Path.of(file.getText().isBlank() ? folder.resolve("audit" + extension).toString() : file.getText().strip());
        if (current.getParent() != null) {
            dialog.setFilterPath(current.getParent().toString());
        }
        dialog.setFileName(current.getFileName() == null ? "" : current.getFileName().toString());
        String chosen = dialog.open();
        if (chosen != null) {
            file.setText(chosen);
        }
    }

    /** Exports from another store: the IONs offered are read again from it (the choice kept when it has that ION too). */
    void useStore(AuditExportPresenter newPresenter) {
        presenter = newPresenter;
        generation++;
        if (ion == null || ion.isDisposed()) {
            return; // the page is made next, with this store
        }
        String keep = ion.getText();
        ion.removeAll();
        ion.add(AuditExportPresenter.ALL_IONS);
        if (!keep.equals(AuditExportPresenter.ALL_IONS)) {
            ion.add(keep); // kept until the new store's IONs are read
        }
        ion.select(ion.indexOf(keep));
        ionsRead = false;
        readIons();
        validate();
    }

    /** The IONs with instances, read in a job, offered after "all IONs". */
    private void readIons() {
        var display = getShell().getDisplay();
        AuditExportPresenter reading = presenter;
        int asked = generation;
        Job job = new Job("Reading the IONs for the audit export") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                List<String> names;
                try {
                    names = reading.ions();
                } catch (RuntimeException e) {
                    display.asyncExec(() -> {
                        if (asked != generation) {
                            return; // the store changed meanwhile
                        }
                        ionsRead = true;
                        if (!ion.isDisposed()) {
                            setErrorMessage("Cannot read the IONs of this store: " + e.getMessage());
                        }
                    });
                    throw e; // logged with its cause by the job manager
                }
                display.asyncExec(() -> {
                    if (asked != generation) {
                        return; // the store changed meanwhile
                    }
                    if (!ion.isDisposed()) {
                        String keep = ion.getText();
                        ion.removeAll();
                        ion.add(AuditExportPresenter.ALL_IONS);
                        names.forEach(ion::add);
                        ion.select(Math.max(0, ion.indexOf(keep)));
                    }
                    ionsRead = true;
                });
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == WorkbenchConnections.STORE_READERS;
            }
        };
        job.schedule();
    }

    /** Checks the choices; a problem goes into the message line and keeps Export disabled. */
    boolean validate() {
        try {
            request();
            setErrorMessage(null);
            setMessage(null);
            setPageComplete(true);
            return true;
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            setPageComplete(false);
            return false;
        }
    }

    /** The choices as an export request; throws IllegalArgumentException naming what is wrong. */
    Request request() {
        return presenter.request(from.getText(), to.getText(), ion.getText(), format(), file.getText());
    }

    ReportFormat format() {
        for (Button radio : formats) {
            if (radio.getSelection()) {
                return (ReportFormat) radio.getData();
            }
        }
        return ReportFormat.PDF;
    }

    /**
     * Says how the export went: where it was written, that it was stopped, or why it failed; in
     * short in the message line, in full under the choices.
     */
    void showOutcome(Path written, String message, String failure, boolean cancelled) {
        if (failure != null) {
            setErrorMessage(failure);
            outcome.setText(failure);
        } else if (cancelled) {
            setErrorMessage(null);
            setMessage("The export was stopped; nothing was written.", IMessageProvider.WARNING);
            outcome.setText("");
        } else {
            setErrorMessage(null);
            setMessage("Audit report written to " + written.getFileName() + ".", IMessageProvider.INFORMATION);
            outcome.setText(message);
        }
        outcome.getParent().layout(true, true);
    }

    /** How the last export went, in full. */
    String outcome() {
        return outcome.getText();
    }

    // ---- for tests ----

    Text fromField() {
        return from;
    }

    Text toField() {
        return to;
    }

    Combo ionCombo() {
        return ion;
    }

    Text fileField() {
        return file;
    }

    /** Chooses a format as a person would with its radio button. */
    void choose(ReportFormat format) {
        for (Button radio : formats) {
            radio.setSelection(radio.getData() == format);
        }
        formats[format.ordinal()].notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    boolean ionsRead() {
        return ionsRead;
    }
}
