package org.iongov.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Writes an audit report as a PDF (OpenPDF): its tables, and the models-per-day chart (JFreeChart).
 * Text is set in DejaVu Sans, embedded (Identity-H), so that names and comments in any script
 * survive: the PDF's built-in fonts hold Latin-1 only and drop the rest silently.
 */
public final class PdfReportWriter {

    /** A system property naming a TrueType font file to use instead of DejaVu Sans. */
    public static final String FONT_PROPERTY = "iongov.report.font";
    private static final List<String> FONT_FOLDERS = List.of("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
            "/usr/share/fonts/dejavu-sans-fonts", "/usr/share/fonts/TTF", "/usr/local/share/fonts", "/Library/Fonts",
            System.getProperty("user.home") + "/Library/Fonts", "C:/Windows/Fonts");
    private static final Color HEADER_BACKGROUND = new Color(0xE4, 0xE8, 0xF0);

    /** The report's fonts, from one regular and one bold Unicode font. */
    private record Fonts(Font title, Font heading, Font header, Font cell) {
    }

    private PdfReportWriter() {
    }

    /** The fonts, embedded as Identity-H; a missing font is an IOException saying what to install. */
    private static Fonts fonts() throws IOException {
        Path regular;
        Path bold;
        String chosen = System.getProperty(FONT_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            regular = Path.of(chosen);
            bold = regular;
            if (!Files.isRegularFile(regular)) {
                throw new IOException("the font " + regular + " (-D" + FONT_PROPERTY + ") does not exist");
            }
        } else {
            regular = find("DejaVuSans.ttf");
            Path found = find("DejaVuSans-Bold.ttf");
            bold = found == null ? regular : found;
        }
        if (regular == null) {
            throw new IOException("the PDF report needs a Unicode TrueType font and found none: install fonts-dejavu-core"
                    + " (bash .ci/install-desktop-packages does), or name a .ttf file with -D" + FONT_PROPERTY
                    + "=FILE, or write the report as HTML or CSV");
        }
        try {
            BaseFont plain = BaseFont.createFont(regular.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            BaseFont strong = bold.equals(regular) ? plain : BaseFont.createFont(bold.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            return new Fonts(new Font(strong, 16), new Font(strong, 11), new Font(strong, 7), new Font(plain, 7));
        } catch (RuntimeException e) {
            // OpenPDF reports an unreadable font file as a DocumentException or an ExceptionConverter, both unchecked.
            throw new IOException("cannot load the font " + regular + " for the PDF report: " + e.getMessage(), e);
        }
    }

    private static Path find(String name) {
        for (String folder : FONT_FOLDERS) {
            Path candidate = Path.of(folder, name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static void write(AuditReport report, OutputStream out) throws IOException {
        Fonts fonts = fonts();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(document, out).setCloseStream(false);
            document.addTitle("IonGov audit report");
            document.addCreator("IonGov");
            document.open();
            document.add(new Paragraph("IonGov audit report", fonts.title()));
            document.add(new Paragraph(HtmlReportWriter.subtitle(report), fonts.cell()));

            Image chart = Image.getInstance(ReportCharts.modelsPerDayPng(report, 1000, 420));
            chart.scaleToFit(PageSize.A4.rotate().getWidth() - 56, 230);
            chart.setAlignment(Element.ALIGN_CENTER);
            chart.setAlt("Models per day by outcome");
            document.add(chart);

            for (ReportTables.Table table : ReportTables.of(report)) {
                Paragraph heading = new Paragraph(table.title(), fonts.heading());
                heading.setSpacingBefore(10);
                heading.setSpacingAfter(4);
                document.add(heading);
                document.add(pdfTable(table, fonts));
            }
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF report: " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    private static PdfPTable pdfTable(ReportTables.Table table, Fonts fonts) throws DocumentException {
        List<String> header = table.header();
        PdfPTable pdf = new PdfPTable(header.size());
        pdf.setWidthPercentage(100);
        pdf.setHeaderRows(1);
        pdf.setWidths(widths(table, fonts));
        for (String name : header) {
            PdfPCell cell = new PdfPCell(new Phrase(name, fonts.header()));
            cell.setBackgroundColor(HEADER_BACKGROUND);
            pdf.addCell(cell);
        }
        if (table.rows().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("(none)", fonts.cell()));
            none.setColspan(header.size());
            pdf.addCell(none);
        }
        for (List<String> row : table.rows()) {
            for (String value : row) {
                pdf.addCell(new PdfPCell(new Phrase(value, fonts.cell())));
            }
        }
        return pdf;
    }

    /**
     * Column widths: each column as wide as its longest text, when the page has room; else the
     * widest columns are narrowed to one common cap (their text wraps) so that short values such
     * as ids and times stay on one line.
     */
    private static float[] widths(ReportTables.Table table, Fonts fonts) {
        Font header = fonts.header();
        Font cell = fonts.cell();
        float available = PageSize.A4.rotate().getWidth() - 56;
        float[] natural = new float[table.header().size()];
        for (int c = 0; c < natural.length; c++) {
            natural[c] = header.getCalculatedBaseFont(false).getWidthPoint(table.header().get(c), header.getSize());
            for (List<String> row : table.rows()) {
                natural[c] = Math.max(natural[c], cell.getCalculatedBaseFont(false).getWidthPoint(row.get(c), cell.getSize()));
            }
            natural[c] += 8; // cell padding and borders
        }
        float low = 0;
        float high = available;
        for (int i = 0; i < 30; i++) {
            float cap = (low + high) / 2;
            float total = 0;
            for (float width : natural) {
                total += Math.min(width, cap);
            }
            if (total > available) {
                high = cap;
            } else {
                low = cap;
            }
        }
        float[] widths = new float[natural.length];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.min(natural[c], low);
        }
        return widths;
    }
}
