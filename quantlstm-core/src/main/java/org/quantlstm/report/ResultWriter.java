package org.quantlstm.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.quantlstm.common.AtomicFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.Trade;

/**
 * Writes metrics (JSON), trades and equity (CSV) with Jackson. Every file is written to a temporary file in
 * the target folder and then moved over the target (atomically where the file system allows), so a crash
 * never leaves a half-written file behind. Times are ISO-8601 UTC; NaN is written as the JSON string "NaN".
 */
public final class ResultWriter {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final CsvMapper csv = new CsvMapper();

    /** Any Jackson-serialisable value (records, maps, lists) as pretty JSON. */
    public void writeJson(Path file, Object value) {
        try {
            atomicWrite(file, json.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + file, e);
        }
    }

    /**
     * One row per trade: strategy, asset, side, entry/exit time and price, size, shares, pnl (net of costs and
     * borrow), return, bars, costs, borrow fees, whether still open, the order type that opened it (market,
     * limit, stop, stop_limit) and why it ended (signal, stop, take-profit, trailing, end).
     */
    public void writeTrades(Path file, List<BacktestResult> results) {
        CsvSchema schema = CsvSchema.builder().addColumn("strategy").addColumn("asset").addColumn("side")
                .addColumn("entry_time").addColumn("entry_price").addColumn("exit_time").addColumn("exit_price")
                .addColumn("size").addColumn("shares").addColumn("pnl").addColumn("return")
                .addColumn("bars_held").addColumn("costs").addColumn("open").addColumn("borrow")
                .addColumn("entry_order").addColumn("exit_reason").build().withHeader();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BacktestResult r : results) {
            for (Trade t : r.trades()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("strategy", r.name());
                m.put("asset", t.asset());
                m.put("side", t.side().name());
                m.put("entry_time", Instant.ofEpochMilli(t.entryTime()).toString());
                m.put("entry_price", t.entryPrice());
                m.put("exit_time", Instant.ofEpochMilli(t.exitTime()).toString());
                m.put("exit_price", t.exitPrice());
                m.put("size", t.size());
                m.put("shares", t.shares());
                m.put("pnl", t.pnl());
                m.put("return", t.returnPct());
                m.put("bars_held", t.barsHeld());
                m.put("costs", t.costs());
                m.put("open", t.open());
                m.put("borrow", t.borrow());
                m.put("entry_order", org.quantlstm.backtest.EntryOrders.code(t.entryOrder()));
                m.put("exit_reason", t.exitReason().code());
                rows.add(m);
            }
        }
        writeCsv(file, schema, rows);
    }

    /**
     * One row per bar: time, then for each result its equity and position (columns {@code <name>_equity},
     * {@code <name>_position}). All results must be on the same bars.
     */
    public void writeEquity(Path file, List<BacktestResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no results to write");
        }
        CsvSchema.Builder sb = CsvSchema.builder().addColumn("time");
        for (BacktestResult r : results) {
            sb.addColumn(r.name() + "_equity").addColumn(r.name() + "_position");
        }
        long[] times = results.get(0).times();
        List<Map<String, Object>> rows = new ArrayList<>(times.length);
        for (int t = 0; t < times.length; t++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", Instant.ofEpochMilli(times[t]).toString());
            for (BacktestResult r : results) {
                if (r.size() != times.length) {
                    throw new IllegalArgumentException(r.name() + " is not on the same bars");
                }
                m.put(r.name() + "_equity", r.equity()[t]);
                m.put(r.name() + "_position", r.position()[t]);
            }
            rows.add(m);
        }
        writeCsv(file, sb.build().withHeader(), rows);
    }

    private void writeCsv(Path file, CsvSchema schema, List<Map<String, Object>> rows) {
        try {
            atomicWrite(file, csv.writer(schema).writeValueAsString(rows).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + file, e);
        }
    }

    /** Writes bytes to a temporary sibling of {@code file}, then moves it into place (see {@link AtomicFiles}). */
    public static void atomicWrite(Path file, byte[] bytes) {
        AtomicFiles.write(file, bytes);
    }
}
