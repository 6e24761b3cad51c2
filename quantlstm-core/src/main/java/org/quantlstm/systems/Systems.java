package org.quantlstm.systems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quantlstm.common.UserInputException;
import org.quantlstm.systems.crosssectional.CrossSectionalSystem;
import org.quantlstm.systems.multiasset.MultiAssetSystem;
import org.quantlstm.systems.spyanalyser.SpyAnalyserSystem;
import org.quantlstm.systems.weekly12.Weekly12System;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunOutcome;
import org.quantlstm.workflow.TradingSystem;

/**
 * The registry of trading systems: one line per system. {@link #load} reads an experiment and rejects every key
 * its system does not read; {@link #run} runs it.
 */
public final class Systems {
    private final Map<String, TradingSystem> byName;

    private Systems(List<TradingSystem> systems) {
        Map<String, TradingSystem> m = new LinkedHashMap<>();
        for (TradingSystem s : systems) {
            if (m.put(s.name(), s) != null) {
                throw new IllegalArgumentException("two systems named " + s.name());
            }
        }
        this.byName = java.util.Collections.unmodifiableMap(m);
    }

    /** The four reference systems. */
    public static Systems standard() {
        return new Systems(List.of(
                new SpyAnalyserSystem(),
                new Weekly12System(),
                new MultiAssetSystem(),
                new CrossSectionalSystem()));
    }

    /** This registry plus {@code extra} (a new system is one package and one such call, or one line above). */
    public Systems with(TradingSystem extra) {
        List<TradingSystem> l = new ArrayList<>(byName.values());
        l.add(extra);
        return new Systems(l);
    }

    /** Every system, in registration order. */
    public List<TradingSystem> all() {
        return List.copyOf(byName.values());
    }

    /** The system called {@code name}; a user error listing the known ones otherwise. */
    public TradingSystem get(String name) {
        TradingSystem s = byName.get(name);
        if (s == null) {
            throw new UserInputException("system '" + name + "' is not known; available: "
                    + String.join(", ", byName.keySet()));
        }
        return s;
    }

    /**
     * Reads an experiment (a bundled name or a YAML path) with overrides, then checks it against its system: a key
     * the system does not read is an error naming the key and the system, and the plan must resolve.
     */
    public ExperimentConfig load(String nameOrPath, Map<String, String> overrides) {
        ExperimentConfig cfg = ExperimentConfig.load(nameOrPath, overrides);
        check(cfg);
        return cfg;
    }

    /** Rejects keys the experiment's system does not read and resolves its plan (errors are user errors). */
    public Record check(ExperimentConfig cfg) {
        TradingSystem s = get(cfg.system());
        cfg.requireKeysReadBy(s.name(), s.keys());
        return s.plan(cfg);
    }

    /** Checks, then runs the experiment. */
    public RunOutcome run(ExperimentConfig cfg, RunContext ctx) {
        check(cfg);
        return get(cfg.system()).run(cfg, ctx);
    }
}
