package org.quantlstm.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.quantlstm.report.RiskFree;

/**
 * The conventions every run records in {@code metrics.json}: periods per year, the risk-free series and its
 * conversion, ddof, compounding, costs, fills, PSR's kurtosis, the network and its retraining, the seed. Systems
 * add their own entries to the map.
 */
public final class Conventions {
    private Conventions() {
    }

    public static Map<String, Object> of(ExperimentConfig cfg, RiskFree rf, int ppy) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("periods_per_year", ppy);
        c.put("risk_free", rf.source());
        c.put("risk_free_conversion", "(1+rf)^(1/N) - 1");
        c.put("std_ddof", 1);
        c.put("returns", "simple, compounded");
        var b = cfg.backtest();
        c.put("cost_bps_per_side", b.costBps());
        c.put("slippage_bps", b.slippageBps());
        c.put("min_cost", b.minCost());
        c.put("per_share", b.perShare());
        c.put("impact", b.impact());
        c.put("impact_bps", b.impactBps());
        c.put("max_participation", b.maxParticipation());
        c.put("borrow_bps_per_year", b.borrowBps());
        c.put("financing", "risk-free + " + b.financingSpreadBps() + " bps/yr on negative cash");
        c.put("fees", b.fees().describe());
        c.put("fill", b.fill());
        c.put("cash_earns_risk_free", true);
        c.put("psr_kurtosis", "raw (normal = 3)");
        c.put("seed", cfg.seed());
        c.put("network", cfg.model().net() + "/" + cfg.model().cell().code());
        c.put("retraining", cfg.model().retrain().describe());
        return c;
    }
}
