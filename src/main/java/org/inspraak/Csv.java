package org.inspraak;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The one way Inspraak writes CSV (RFC 4180 through Commons CSV). Text that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, because residents write the text
 * that staff and the public open in Excel; text is always quoted, numbers are written as they are.
 */
public final class Csv {

    private final List<String> header;
    private final List<List<?>> rows = new ArrayList<>();

    private Csv(List<String> header) {
        this.header = header;
    }

    public static Csv withHeader(String... header) {
        return new Csv(List.of(header));
    }

    public static Csv withHeader(List<String> header) {
        return new Csv(List.copyOf(header));
    }

    public Csv row(Object... values) {
        rows.add(Arrays.asList(values));
        return this;
    }

    public Csv row(List<?> values) {
        rows.add(values);
        return this;
    }

    @Override
    public String toString() {
        // The header names are our own identifiers and go out bare; every row goes through the printer.
        StringWriter out = new StringWriter();
        out.append(String.join(",", header)).append("\r\n");
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.NON_NUMERIC)
                .get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (List<?> row : rows) {
                csv.printRecord(row.stream().map(Csv::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell value a spreadsheet will show, never evaluate. */
    static Object safe(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value;
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
