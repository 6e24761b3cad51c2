package org.quantlstm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

class CsvBarReaderTest {
    @TempDir
    Path dir;

    private final CsvBarReader reader = new CsvBarReader();

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    CsvBarReader.Result read(Path p, String symbol) {
        return reader.read(p, symbol == null ? null : Symbol.of(symbol), null, CsvBarReader.Format.AUTO);
    }

    static long day(String iso) {
        return RiskFreeRatesTest.day(iso);
    }

    @Test
    void yahooStyleHeaderWithAdjClose() throws IOException {
        Path p = write("spy.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-03-27,521.71,523.21,519.49,523.17,510.740112,82999800\n"
                + "2024-03-28,523.21,524.61,522.78,523.07,510.642578,96294900\n"
                + "2024-04-01,523.83,524.38,520.97,522.16,509.754059,62477500\n");
        CsvBarReader.Result r = read(p, "SPY");
        BarSeries s = r.series().get(Symbol.of("SPY"));
        assertThat(s.interval()).isEqualTo(Interval.D1);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.date(1)).isEqualTo(LocalDate.of(2024, 3, 28));
        assertThat(s.close(1)).isEqualTo(523.07);
        assertThat(s.adjClose(1)).isEqualTo(510.642578);
        assertThat(s.volume(2)).isEqualTo(62477500);
        assertThat(r.report().warnings()).isEmpty();
    }

    @Test
    void delimitersAreSniffed() throws IOException {
        String[] delims = {";", "\t", "|"};
        for (String d : delims) {
            Path p = write("x" + d.hashCode() + ".csv", String.join(d, "date", "open", "high", "low", "close", "volume") + "\n"
                    + String.join(d, "2024-01-02", "10", "11", "9", "10.5", "100") + "\n"
                    + String.join(d, "2024-01-03", "10.5", "12", "10", "11.5", "200") + "\n");
            BarSeries s = read(p, "X").series().get(Symbol.of("X"));
            assertThat(s.closes()).as("delimiter %s", d).containsExactly(10.5, 11.5);
        }
    }

    @Test
    void semicolonFilesMayUseDecimalCommas() throws IOException {
        Path p = write("eu.csv", "Date;Open;High;Low;Close\n02.01.2024;10,5;11;9,25;10,75\n03.01.2024;10;11;9;10\n");
        BarSeries s = reader.read(p, Symbol.of("EU"), Interval.D1, CsvBarReader.Format.AUTO).series().get(Symbol.of("EU"));
        assertThat(s.low(0)).isEqualTo(9.25);
        assertThat(s.date(0)).isEqualTo(LocalDate.of(2024, 1, 2));
    }

    @Test
    void quotedFieldsFollowRfc4180() throws IOException {
        Path p = write("q.csv", "\"Date\",\"Symbol\",\"Close\",\"Note\"\n"
                + "\"2024-01-02\",\"AAA\",\"1,234.5\",\"say \"\"hi\"\"\"\n"
                + "2024-01-03,AAA,\"12.5\",\"two\nlines\"\n"
                + "2024-01-04,AAA,13,plain\n");
        // 1,234.5 is a quoted thousands separator: not a number
        assertThatThrownBy(() -> read(p, null)).isInstanceOf(UserInputException.class)
                .hasMessage("q.csv line 2: close '1,234.5' is not a number");
        Path ok = write("q2.csv", "\"Date\",\"Symbol\",\"Close\",\"Note\"\n"
                + "\"2024-01-02\",\"AAA\",\"12\",\"say \"\"hi\"\", with comma\"\n"
                + "2024-01-03,AAA,\"12.5\",\"two\nlines\"\n"
                + "2024-01-04,AAA,13,plain\n");
        BarSeries s = read(ok, null).series().get(Symbol.of("AAA"));
        assertThat(s.closes()).containsExactly(12, 12.5, 13);
        // the record after the two-line quoted field starts on file line 5
        Path bad = write("q3.csv", "Date,Symbol,Close,Note\n2024-01-02,AAA,12,x\n2024-01-03,AAA,12.5,\"a\nb\"\n2024-01-04,AAA,oops,c\n");
        assertThatThrownBy(() -> read(bad, null)).hasMessage("q3.csv line 5: close 'oops' is not a number");
    }

    @Test
    void dateFormatsAreAutoDetected() throws IOException {
        String[][] cases = {
                {"2024-01-02", "2024-01-03"},
                {"01/02/2024", "01/03/2024"},
                {"02.01.2024", "03.01.2024"},
                {"20240102", "20240103"},
                {"2024/01/02", "2024/01/03"},
                {"2024.01.02", "2024.01.03"},
                {"1704153600", "1704240000"},          // epoch seconds
                {"1704153600000", "1704240000000"},    // epoch millis
        };
        for (String[] c : cases) {
            Path p = write("d.csv", "Date,Close\n" + c[0] + ",1\n" + c[1] + ",2\n");
            BarSeries s = read(p, "D").series().get(Symbol.of("D"));
            assertThat(s.epochMillis()).as(c[0]).containsExactly(day("2024-01-02"), day("2024-01-03"));
        }
    }

    @Test
    void isoDateTimesWithTOrSpaceSecondsAndOffsets() throws IOException {
        String[][] cases = {
                {"2024-01-02 10:00:00", "2024-01-02 11:00:00"},
                {"2024-01-02T10:00", "2024-01-02T11:00"},
                {"2024-01-02T10:00:00Z", "2024-01-02T11:00:00.000Z"},
                {"2024-01-02T12:00:00+02:00", "2024-01-02T13:00:00+02:00"},
        };
        for (String[] c : cases) {
            Path p = write("t.csv", "datetime_utc,o,h,l,c,vol\n" + c[0] + ",1,2,0.5,1.5,3\n" + c[1] + ",1,2,0.5,1.5,3\n");
            BarSeries s = read(p, "T").series().get(Symbol.of("T"));
            assertThat(s.interval()).isEqualTo(Interval.H1);
            assertThat(s.time(0)).as(c[0]).isEqualTo(Instant.parse("2024-01-02T10:00:00Z"));
            assertThat(s.time(1)).isEqualTo(Instant.parse("2024-01-02T11:00:00Z"));
        }
    }

    @Test
    void mt5ExportWithSeparateDateAndTimeColumns() throws IOException {
        Path p = write("XAUUSD_H1.csv", "<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\n"
                + "2024.03.18\t01:00:00\t2155.33\t2156.02\t2151.9\t2154.9\t2833\t0\t10\n"
                + "2024.03.18\t02:00:00\t2154.83\t2156.85\t2153.82\t2156.52\t2269\t0\t10\n"
                + "2024.03.18\t03:00:00\t2156.52\t2157.47\t2154.94\t2156.57\t2974\t0\t10\n");
        BarSeries s = read(p, "XAUUSD").series().get(Symbol.of("XAUUSD"));
        assertThat(s.interval()).isEqualTo(Interval.H1);
        assertThat(s.time(2)).isEqualTo(Instant.parse("2024-03-18T03:00:00Z"));
        assertThat(Resampler.resample(s, Interval.H4).high(0)).isEqualTo(2157.47);
    }

    @Test
    void longFormatGivesOneSeriesPerTicker() throws IOException {
        Path p = write("long.csv", "date,ticker,open,high,low,close,volume\n"
                + "2024-01-02,AAA,1,2,0.5,1.5,10\n2024-01-02,BRK.B,10,11,9,10.5,20\n"
                + "2024-01-03,AAA,1.5,2,1,1.8,11\n2024-01-03,BRK.B,10.5,12,10,11,21\n");
        CsvBarReader.Result r = read(p, null);
        assertThat(r.series()).containsOnlyKeys(Symbol.of("AAA"), Symbol.of("BRK.B"));
        assertThat(r.series().get(Symbol.of("BRK.B")).closes()).containsExactly(10.5, 11);
        assertThat(r.rows()).isEqualTo(4);
        CsvBarReader.Result only = read(p, "AAA");
        assertThat(only.series()).containsOnlyKeys(Symbol.of("AAA"));
        assertThatThrownBy(() -> read(p, "ZZZ")).hasMessage("long.csv: no rows for symbol ZZZ (found: AAA BRK.B)");
    }

    @Test
    void wideFormatGivesCloseOnlySeries() throws IOException {
        Path p = write("wide.csv", "Date,AAPL,MSFT,GC=F\n2024-01-02,185.5,370.1,2060\n2024-01-03,184.2,,2040\n"
                + "2024-01-04,181.9,367.9,2050\n");
        CsvBarReader.Result r = read(p, null);
        assertThat(r.series()).containsOnlyKeys(Symbol.of("AAPL"), Symbol.of("MSFT"), Symbol.of("GC=F"));
        BarSeries msft = r.series().get(Symbol.of("MSFT"));
        assertThat(msft.closes()).containsExactly(370.1, 367.9);
        assertThat(msft.opens()).containsExactly(370.1, 367.9);
        assertThat(msft.volumes()).containsExactly(0, 0);
        assertThat(r.report().warnings()).anyMatch(w -> w.contains("wide format"));
    }

    @Test
    void gzipIsDetectedFromTheContent() throws IOException {
        Path p = dir.resolve("x.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("date,close\n2024-01-02,5\n2024-01-03,6\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(read(p, "G").series().get(Symbol.of("G")).closes()).containsExactly(5, 6);
        Path truncated = dir.resolve("t.csv.gz");
        byte[] all = Files.readAllBytes(p);
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length - 12));
        assertThatThrownBy(() -> read(truncated, "G")).isInstanceOf(UserInputException.class).hasMessageContaining("t.csv.gz");
    }

    @Test
    void missingOhlcAndVolumeAreFilledWithWarnings() throws IOException {
        Path p = write("c.csv", "Date,Price\n2024-01-02,10\n2024-01-03,11\n");
        CsvBarReader.Result r = read(p, "C");
        BarSeries s = r.series().get(Symbol.of("C"));
        assertThat(s.opens()).containsExactly(10, 11);
        assertThat(s.highs()).containsExactly(10, 11);
        assertThat(s.volumes()).containsExactly(0, 0);
        assertThat(r.report().warnings()).contains("c.csv: missing columns filled in: open = close, high = max(open, close), low = min(open, close)",
                "c.csv: no volume column; volume set to 0");
    }

    @Test
    void dailyTimestampsWithATimeOfDayAreMovedToMidnight() throws IOException {
        // Yahoo-style epoch seconds at 14:30 UTC
        Path p = write("e.csv", "timestamp,close\n1704205800,1\n1704292200,2\n1704378600,3\n");
        CsvBarReader.Result r = read(p, "E");
        assertThat(r.series().get(Symbol.of("E")).epochMillis()).containsExactly(day("2024-01-02"), day("2024-01-03"),
                day("2024-01-04"));
        assertThat(r.report().warnings()).anyMatch(w -> w.contains("3 timestamps had a time of day"));
    }

    @Test
    void dailyDatesWithAnOffsetKeepTheirWrittenDate() throws IOException {
        // yfinance writes tz-aware daily indexes like this; +01:00 must not move the bar to the previous day
        Path p = write("yf.csv", "Date,Close\n2024-01-02 00:00:00+01:00,1\n2024-01-03 00:00:00+01:00,2\n"
                + "2024-01-04 00:00:00-05:00,3\n");
        assertThat(read(p, "YF").series().get(Symbol.of("YF")).epochMillis())
                .containsExactly(day("2024-01-02"), day("2024-01-03"), day("2024-01-04"));
    }

    @Test
    void tickerCaseIsNormalisedIntoOneSeries() throws IOException {
        Path p = write("lc.csv", "date,symbol,close\n2024-01-02,brk.b,1\n2024-01-03,BRK.B,2\n");
        CsvBarReader.Result r = read(p, null);
        assertThat(r.series()).containsOnlyKeys(Symbol.of("BRK.B"));
        assertThat(r.series().get(Symbol.of("BRK.B")).closes()).containsExactly(1, 2);
    }

    @Test
    void headerProblemsNameTheHeaderFound() throws IOException {
        assertThatThrownBy(() -> read(write("h.csv", "when,open,close\n2024-01-02,1,2\n"), "H"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("h.csv: no date/time column in header [when, open, close]");
        assertThatThrownBy(() -> read(write("h2.csv", "date,open,foo\n2024-01-02,1,2\n"), "H"))
                .hasMessageStartingWith("h2.csv: no close column in header [date, open, foo]");
        assertThatThrownBy(() -> read(write("h3.csv", "date,close\n2024-01-02,1\n"), null))
                .hasMessageContaining("--symbol");
    }

    @Test
    void emptyFilesAreRejected() throws IOException {
        assertThatThrownBy(() -> read(write("e1.csv", ""), "E")).isInstanceOf(UserInputException.class)
                .hasMessage("e1.csv: file is empty");
        assertThatThrownBy(() -> read(write("e2.csv", "date,close\n\n"), "E")).hasMessage("e2.csv: no data rows after the header");
    }

    @Test
    void rowProblemsNameFileAndLine() throws IOException {
        assertThatThrownBy(() -> read(write("n.csv", "date,close\n2024-01-02,1\n2024-01-03,abc\n"), "N"))
                .hasMessage("n.csv line 3: close 'abc' is not a number");
        assertThatThrownBy(() -> read(write("f.csv", "date,open,close\n2024-01-02,1,2\n2024-01-03,1\n"), "N"))
                .hasMessage("f.csv line 3: expected 3 fields, found 2");
        assertThatThrownBy(() -> read(write("d.csv", "date,close\n2024-01-02,1\n2024-13-03,1\n"), "N"))
                .hasMessageStartingWith("d.csv line 3: invalid date '2024-13-03'");
        assertThatThrownBy(() -> read(write("s.csv", "date,symbol,close\n2024-01-02,../etc,1\n"), null))
                .hasMessageStartingWith("s.csv line 2: invalid symbol");
        assertThatThrownBy(() -> read(write("v.csv", "date,close,volume\n2024-01-02,1,-5\n2024-01-03,1,5\n"), "V"))
                .hasMessage("v.csv line 2: invalid volume -5.0");
    }

    @Test
    void intervalIsInferredOrChecked() throws IOException {
        Path weekly = write("w.csv", "date,close\n2024-01-05,1\n2024-01-12,2\n2024-01-19,3\n");
        assertThat(read(weekly, "W").series().get(Symbol.of("W")).interval()).isEqualTo(Interval.W1);
        Path hourly = write("hr.csv", "date,close\n2024-01-05 10:00,1\n2024-01-05 11:00,2\n");
        assertThatThrownBy(() -> reader.read(hourly, Symbol.of("H"), Interval.D1, CsvBarReader.Format.AUTO))
                .hasMessageContaining("about 1.0 h apart but the interval is 1d");
        Path minutes = write("m.csv", "date,close\n2024-01-05 10:00,1\n2024-01-05 10:05,2\n");
        assertThatThrownBy(() -> read(minutes, "M")).hasMessageContaining("finest supported interval is 1h");
    }

    @Test
    void bundledStocksFileImportsLikeTheBundledSource() throws IOException {
        Path p = dir.resolve("stocks12.csv.gz");
        try (var in = BundledSource.class.getResourceAsStream("/bundled/stocks12_daily.csv.gz")) {
            Files.copy(in, p);
        }
        CsvBarReader.Result r = read(p, null);
        BundledSource b = new BundledSource();
        assertThat(r.series()).hasSize(12);
        BarSeries shop = r.series().get(Symbol.of("SHOP"));
        assertThat(shop.epochMillis()).containsExactly(b.load(Symbol.of("SHOP")).epochMillis());
        assertThat(shop.closes()).containsExactly(b.load(Symbol.of("SHOP")).closes());
    }
}
