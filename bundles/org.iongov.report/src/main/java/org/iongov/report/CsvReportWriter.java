package org.iongov.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an audit report as one CSV file (RFC 4180: comma-separated, CRLF line ends, fields with
 * a comma, quote or line break quoted, quotes doubled). Every row starts with its section (report,
 * models-trained, decisions, deployments, policies, violations, lineage, ledger); each section
 * opens with a header row whose first field is {@code section}, so a reader keeps the rows of the
 * section it wants and takes their column names from the header row before them. Cells that a
 * spreadsheet would take for a formula are prefixed with a single quote.
 */
public final class CsvReportWriter {

    private CsvReportWriter() {
    }

    public static void write(AuditReport report, OutputStream out) throws IOException {
        Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (ReportTables.Table table : ReportTables.of(report)) {
            List<String> header = new ArrayList<>();
            header.add("section");
            header.addAll(table.header());
            line(csv, header);
            for (List<String> row : table.rows()) {
                List<String> fields = new ArrayList<>();
                fields.add(table.section());
                fields.addAll(row);
                line(csv, fields);
            }
        }
        csv.flush();
    }

    private static void line(Writer csv, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.write(',');
            }
            csv.write(field(fields.get(i)));
        }
        csv.write("\r\n");
    }

    /**
     * A field as written: a cell a spreadsheet would read as a formula (starting with =, +, -, @, a
     * tab or a carriage return; recorded text is anyone's) gets a leading single quote, so that it
     * stays text.
     */
    static String field(String raw) {
        String value = !raw.isEmpty() && "=+-@\t\r".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
