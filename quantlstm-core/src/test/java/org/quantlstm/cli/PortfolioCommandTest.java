package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PortfolioCommandTest {
    private static final Pattern WEIGHT = Pattern.compile("^  ([A-Z^=.]+)\\s+(-?\\d+\\.\\d{4})$", Pattern.MULTILINE);

    static Map<String, Double> weights(String out) {
        Map<String, Double> w = new LinkedHashMap<>();
        Matcher m = WEIGHT.matcher(out);
        while (m.find()) {
            w.putIfAbsent(m.group(1), Double.parseDouble(m.group(2)));
        }
        return w;
    }

    @Test
    void tangentLongOnlyRespectsTheCapAndPrintsAnnualisedFigures() {
        MainTest.Result r = MainTest.run("portfolio", "--tickers", "AAPL,MSFT,NVDA,JPM,PEP,UNH", "--method", "tangent",
                "--from", "2015-01-01", "--to", "2022-06-24", "--long-only", "--max-weight", "0.33");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("portfolio tangent").contains("52 periods/yr", "Sharpe", "volatility");
        Map<String, Double> w = weights(r.out());
        assertThat(w.keySet()).containsExactly("AAPL", "MSFT", "NVDA", "JPM", "PEP", "UNH");
        assertThat(w.values()).allSatisfy(x -> assertThat(x).isBetween(0.0, 0.33));
        assertThat(w.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(5e-4));
    }

    @Test
    void weeklyClosesCoverThePaperTestYearIncludingGoodFriday() {
        // 52 weekly closes from Fri 2022-07-01 to Fri 2023-06-23 (Good Friday 2023-04-07 falls back to Thursday)
        MainTest.Result r = MainTest.run("portfolio", "--tickers", "AAPL,MSFT", "--method", "equal",
                "--from", "2022-07-01", "--to", "2023-06-23");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1wk closes 2022-07-01 .. 2023-06-23  (51 returns)");
        assertThat(weights(r.out())).containsEntry("AAPL", 0.5).containsEntry("MSFT", 0.5);
    }

    @Test
    void minVarianceWithFrontierPrintsTheCapitalMarketLine() {
        MainTest.Result r = MainTest.run("portfolio", "--tickers", "AAPL,MSFT,JPM", "--method", "min-var",
                "--cov", "lw-const-corr", "--from", "2016-01-01", "--to", "2021-12-31", "--frontier", "4");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("efficient frontier (4 points", "capital market line", "cov=lw-const-corr");
    }

    @Test
    void hjbComparesWithTheStaticTangent() {
        MainTest.Result r = MainTest.run("portfolio", "--tickers", "AAPL,MSFT,JPM,PEP", "--method", "hjb",
                "--from", "2015-01-01", "--to", "2020-12-31", "--max-weight", "0.5", "--warmup", "52");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Merton/HJB weights", "CASH", "hjb (dynamic)", "static tangent");
    }

    @Test
    void tangentWhenEveryReturnIsBelowTheRiskFreeRateIsAOneLineUserError() {
        MainTest.Result r = MainTest.run("portfolio", "--tickers", "AAPL,BA", "--method", "tangent",
                "--from", "2022-01-01", "--to", "2022-10-01", "--long-only");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("above the risk-free rate", "min-variance");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badOptionsAreUserErrors() {
        assertThat(MainTest.run("portfolio", "--tickers", "AAPL,MSFT", "--method", "magic").code()).isEqualTo(2);
        assertThat(MainTest.run("portfolio", "--tickers", "AAPL").code()).isEqualTo(2);
        assertThat(MainTest.run("portfolio", "--tickers", "AAPL,MSFT", "--interval", "1h").code()).isEqualTo(2);
        MainTest.Result r = MainTest.run("portfolio", "--tickers", "AAPL,MSFT", "--long-only", "--max-weight", "0.4");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot hold a fully invested portfolio");
    }
}
