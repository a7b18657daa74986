package com.funnelgate.gateway.bi;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a table as RFC 4180 CSV in UTF-8: CRLF line ends, fields quoted when they hold a comma, quote or line
 * break, quotes doubled. Numbers are written unformatted (no grouping, no exponent: {@code 0.0001}, not
 * {@code 1.0E-4}); nulls are empty fields. A text field that starts like a spreadsheet formula ({@code =},
 * {@code +}, {@code -}, {@code @}, tab or CR) and is not a number gets a leading {@code '}, so opening the file
 * in a spreadsheet never runs it (OWASP's advice on CSV injection).
 */
final class CsvWriter {

    private static final String CRLF = "\r\n";

    private CsvWriter() {
    }

    static byte[] write(List<String> headers, List<List<Object>> lines) {
        StringBuilder csv = new StringBuilder();
        line(csv, List.copyOf(headers));
        for (List<Object> line : lines) {
            line(csv, line);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(cells.get(i)));
        }
        csv.append(CRLF);
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            String text = Double.toString(((Number) value).doubleValue());
            return text.indexOf('E') < 0 ? text : new BigDecimal(text).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return quoted(String.join(";", list.stream().map(CsvWriter::field).toList()));
        }
        return quoted(defused(value.toString()));
    }

    private static String defused(String text) {
        if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || isNumber(text)) {
            return text;
        }
        return "'" + text;
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
