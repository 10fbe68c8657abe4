package org.iongov.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Writes an audit report as one self-contained HTML page: no external files, the chart embedded
 * as a PNG data URI, every text from the store escaped.
 */
public final class HtmlReportWriter {

    private HtmlReportWriter() {
    }

    public static void write(AuditReport report, OutputStream out) throws IOException {
        Writer html = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        html.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>IonGov audit report</title>\n");
        html.write("<style>body{font-family:sans-serif;font-size:13px;margin:2em}table{border-collapse:collapse;width:100%;"
                + "margin-bottom:1.5em}th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}"
                + "th{background:#e4e8f0}td.none{color:#777}</style>\n</head>\n<body>\n");
        html.write("<h1>IonGov audit report</h1>\n<p>" + escape(subtitle(report)) + "</p>\n");
        html.write("<img alt=\"Models per day by outcome\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(ReportCharts.modelsPerDayPng(report, 900, 380)) + "\">\n");
        for (ReportTables.Table table : ReportTables.of(report)) {
            html.write("<h2 id=\"" + escape(table.section()) + "\">" + escape(table.title()) + "</h2>\n<table>\n<tr>");
            for (String name : table.header()) {
                html.write("<th>" + escape(name) + "</th>");
            }
            html.write("</tr>\n");
            if (table.rows().isEmpty()) {
                html.write("<tr><td class=\"none\" colspan=\"" + table.header().size() + "\">(none)</td></tr>\n");
            }
            for (List<String> row : table.rows()) {
                html.write("<tr>");
                for (String cell : row) {
                    html.write("<td>" + escape(cell) + "</td>");
                }
                html.write("</tr>\n");
            }
            html.write("</table>\n");
        }
        html.write("</body>\n</html>\n");
        html.flush();
    }

    /** Text made safe for HTML element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** One line under the title: window, ION, ledger state, violations. */
    static String subtitle(AuditReport r) {
        return "Window " + (r.window().from() == null ? "from the beginning" : "from " + r.window().from()) + " to "
                + (r.window().to() == null ? "now" : r.window().to()) + "; ION: " + (r.ionName() == null ? "all" : r.ionName())
                + "; " + r.models().size() + " models trained, " + r.modelsApproved() + " approved and " + r.modelsRejected()
                + " rejected by policy decisions, " + r.modelsDeployed() + " deployed; " + r.compliance().violations().size() + " compliance violations; ledger "
                + (r.ledgerVerification().intact() ? "intact" : "BROKEN") + " at entry " + r.ledgerHead().sequence()
                + ". Generated " + r.generatedAt() + ".";
    }
}
