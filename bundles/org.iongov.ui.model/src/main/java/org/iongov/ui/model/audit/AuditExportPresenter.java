package org.iongov.ui.model.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.iongov.core.compliance.CompliancePolicies;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.report.AuditReport;
import org.iongov.report.AuditReportBuilder;
import org.iongov.report.ReportFormat;

/**
 * The audit report export's logic, headless: the choices a person makes (time window, ION,
 * format, file) checked and put in the user's terms, and the export itself through the same
 * {@link AuditReportBuilder} and {@link ReportFormat} as {@code ./iongov audit report}, with the
 * built-in compliance policies and the training {@value #METRIC}. The export reads the store and
 * writes a file: run it off the UI thread.
 */
public final class AuditExportPresenter {

    /** The ION choice that restricts nothing. */
    public static final String ALL_IONS = "all IONs";
    /** The training statistic shown for each model, as the command line shows it. */
    public static final String METRIC = "auc";
    /** How times are written in the export's fields (in the person's zone). */
    public static final String TIME_PATTERN = "yyyy-MM-dd HH:mm";

    private final GovernanceStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final DateTimeFormatter minutes;

    public AuditExportPresenter(GovernanceStore store, Clock clock, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.minutes = DateTimeFormatter.ofPattern(TIME_PATTERN, Locale.ROOT).withZone(zone);
    }

    /** The IONs with a recorded instance, by name; offered after {@link #ALL_IONS}. Reads the store. */
    public List<String> ions() {
        return store.instances().stream().map(IonInstanceRecord::ionName).distinct().sorted().toList();
    }

    /** The window offered first: the last 30 days, from midnight, up to the next minute. */
    public String defaultFrom() {
        return minutes.format(clock.instant().atZone(zone).toLocalDate().minusDays(30).atStartOfDay(zone).toInstant());
    }

    public String defaultTo() {
        return minutes.format(clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES));
    }

    /** A time as the fields show it. */
    public String format(Instant time) {
        return minutes.format(time);
    }

    /** The file offered first: {@code iongov-audit-<today>.<format>} in the given folder. */
    public Path defaultFile(Path folder, ReportFormat format) {
        return folder.resolve("iongov-audit-" + clock.instant().atZone(zone).toLocalDate() + extension(format));
    }

    /** The file name's extension for a format, with its dot. */
    public static String extension(ReportFormat format) {
        return "." + format.name().toLowerCase(Locale.ROOT);
    }

    /** The same file with the extension of another format (any report extension it had is replaced). */
    public static String withExtension(String file, ReportFormat format) {
        String text = file == null ? "" : file.strip();
        if (text.isEmpty()) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String known : List.of(".pdf", ".html", ".htm", ".csv")) {
            if (lower.endsWith(known)) {
                return text.substring(0, text.length() - known.length()) + extension(format);
            }
        }
        return text + extension(format);
    }

    /**
     * What to export.
     *
     * @param window the time window (records whose time falls in it)
     * @param ionName the ION, or null for all
     * @param format the format
     * @param file where to write it
     */
    public record Request(TimeRange window, String ionName, ReportFormat format, Path file) {
    }

    /**
     * Checks a person's choices.
     *
     * @param from the window's start ({@value #TIME_PATTERN}, a date, or an ISO-8601 time); empty for the beginning
     * @param to the window's end, likewise; empty for now
     * @param ion an ION's name or {@link #ALL_IONS}
     * @throws IllegalArgumentException saying what is wrong and what to do
     */
    public Request request(String from, String to, String ion, ReportFormat format, String file) {
        Instant start = time(from, "From");
        Instant end = time(to, "To");
        if (start != null && end != null && !start.isBefore(end)) {
            throw new IllegalArgumentException("The window ends (" + to.strip() + ") before it starts (" + from.strip()
                    + "): choose a To after From.");
        }
        if (format == null) {
            throw new IllegalArgumentException("Choose a format: PDF, HTML or CSV.");
        }
        String name = file == null ? "" : file.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Name the file to write the report to.");
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + name + "' is not a file name: " + e.getReason() + ".");
        }
        if (path.getFileName() == null || name.endsWith("/")) {
            throw new IllegalArgumentException("'" + name + "' names a folder: add the report's file name.");
        }
        Optional<ReportFormat> named = ReportFormat.ofFile(path);
        if (named.isPresent() && named.get() != format) {
            throw new IllegalArgumentException(path.getFileName() + " is a " + named.get() + " file name but the format chosen is " + format
                    + ": choose " + named.get() + " or name a " + extension(format) + " file.");
        }
        if (named.isEmpty()) {
            path = Path.of(name + extension(format));
        }
        String ionName = ion == null || ion.isBlank() || ALL_IONS.equals(ion) ? null : ion.strip();
        return new Request(new TimeRange(start, end), ionName, format, path.toAbsolutePath());
    }

    private Instant time(String text, String field) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            // a local time in the person's zone, below
        }
        for (String pattern : List.of("yyyy-MM-dd HH:mm:ss", TIME_PATTERN, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm")) {
            try {
                return LocalDateTime.parse(t, DateTimeFormatter.ofPattern(pattern, Locale.ROOT)).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + t + "' is not a time: write it as yyyy-mm-dd hh:mm (e.g. "
                    + format(clock.instant()) + "), a date, or leave it empty.");
        }
    }

    /** How an export tells what it is doing and learns that it should stop. */
    public interface Progress {
        /** The export starts a step. */
        void step(String what);

        /** Whether the person asked to stop. */
        boolean cancelled();
    }

    /**
     * What an export wrote.
     *
     * @param file where
     * @param bytes its size
     * @param report what it says
     * @param message one paragraph for the person: where it was written and what it holds
     */
    public record Result(Path file, long bytes, AuditReport report, String message) {
    }

    /** The number of steps {@link #export} reports. */
    public static final int STEPS = 3;

    /**
     * Builds the report and writes it, atomically (a failed or cancelled export leaves no file).
     *
     * @throws CancellationException when the person stopped it (nothing is written)
     * @throws IllegalArgumentException when the ION has no instance (in the person's terms)
     * @throws IllegalStateException when the file cannot be written or the report not drawn, saying why
     */
    public Result export(Request request, Progress progress) {
        progress.step("Reading models, decisions and deployments" + (request.ionName() == null ? "" : " of " + request.ionName()));
        if (progress.cancelled()) {
            throw new CancellationException("the export was cancelled before it started");
        }
        AuditReport report = new AuditReportBuilder(store, CompliancePolicies.defaults(), METRIC, clock).build(request.window(),
                request.ionName());
        if (progress.cancelled()) {
            throw new CancellationException("the export was cancelled; nothing was written");
        }
        progress.step("Writing the " + request.format() + " to " + request.file());
        Path folder = request.file().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalStateException("Cannot write " + request.file() + ": the folder " + folder + " does not exist.");
        }
        try {
            request.format().write(report, request.file());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + request.file() + ": " + e.getMessage(), e);
        } catch (java.awt.AWTError | UnsatisfiedLinkError e) {
            throw new IllegalStateException("Cannot draw the report's chart (" + e + "): Java's AWT needs fontconfig and a font;"
                    + " or export CSV.", e);
        }
        progress.step("Written");
        long bytes;
        try {
            bytes = Files.size(request.file());
        } catch (IOException e) {
            throw new IllegalStateException("Wrote " + request.file() + " but cannot read its size: " + e.getMessage(), e);
        }
        return new Result(request.file(), bytes, report, message(request, bytes, report));
    }

    private String message(Request request, long bytes, AuditReport report) {
        int violations = report.compliance().violations().size();
        return "Audit report written to " + request.file() + " (" + request.format() + ", " + String.format(Locale.ROOT, "%,d", bytes)
                + " bytes): " + describe(request) + "; " + report.models().size() + (report.models().size() == 1 ? " model" : " models")
                + " trained, " + report.modelsApproved() + " approved and " + report.modelsRejected() + " rejected, "
                + report.modelsDeployed() + " deployed; " + violations + (violations == 1 ? " violation" : " violations") + "; ledger "
                + (report.ledgerVerification().intact() ? "intact" : "BROKEN") + " at entry " + report.ledgerHead().sequence() + ".";
    }

    private String describe(Request request) {
        TimeRange w = request.window();
        return (request.ionName() == null ? "all IONs" : "ION " + request.ionName()) + ", "
                + (w.from() == null ? "from the beginning" : "from " + format(w.from())) + " to "
                + (w.to() == null ? "now" : format(w.to()));
    }
}
