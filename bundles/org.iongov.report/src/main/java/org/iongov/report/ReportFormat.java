package org.iongov.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/** The formats an audit report is written in. */
public enum ReportFormat {
    PDF, HTML, CSV;

    /** The format a file name's extension says ({@code .pdf}, {@code .html}/{@code .htm}, {@code .csv}), if any. */
    public static Optional<ReportFormat> ofFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return Optional.of(PDF);
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Optional.of(HTML);
        } else if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }

    /** {@code pdf}, {@code html} or {@code csv}. */
    public static Optional<ReportFormat> named(String name) {
        for (ReportFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    public void write(AuditReport report, OutputStream out) throws IOException {
        switch (this) {
            case PDF -> PdfReportWriter.write(report, out);
            case HTML -> HtmlReportWriter.write(report, out);
            default -> CsvReportWriter.write(report, out);
        }
    }

    /**
     * Writes the report to a file: beside it first, then moved into place, so that a failed write
     * leaves no half report under its name (and an earlier report there stays as it was).
     *
     * @throws IOException when the file cannot be written (the partial file is removed)
     */
    public void write(AuditReport report, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
        try {
            try (OutputStream stream = Files.newOutputStream(temporary)) {
                write(report, stream);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
