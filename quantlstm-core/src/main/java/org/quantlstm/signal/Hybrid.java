package org.quantlstm.signal;

import java.util.List;
import org.quantlstm.common.UserInputException;

/**
 * Seed 001's hybrids: "capital is split at the beginning; the active portion trades based on signals; the
 * passive portion stays fully invested; no rebalancing between allocations (set-and-forget)". So the passive
 * sleeve is buy-and-hold of {@code 1 − activeWeight} of the starting capital and the active sleeve trades
 * {@code activeWeight} of it; the hybrid's equity is the sum of the two sleeves.
 *
 * <p>Naming: seed 001 defines "30/70 Hybrid: 30 % allocated to the active LSTM strategy, 70 % always invested",
 * i.e. active/passive, but its sample output prints "proportional_hybrid_70_30 … 30/70 split" — the digits of the
 * name are reversed there. Here names and labels are both active/passive: {@code hybrid_30_70} is 30 % active.
 *
 * @param activeWeight fraction of starting capital given to the active sleeve, in [0, 1]
 */
public record Hybrid(double activeWeight) {
    /** 30 % active / 70 % buy-and-hold, the seed's "recommended" hybrid. */
    public static final Hybrid ACTIVE_30 = new Hybrid(0.3);
    /** 50 % active / 50 % buy-and-hold. */
    public static final Hybrid ACTIVE_50 = new Hybrid(0.5);
    /** 70 % active / 30 % buy-and-hold. */
    public static final Hybrid ACTIVE_70 = new Hybrid(0.7);

    public Hybrid {
        if (!(activeWeight >= 0 && activeWeight <= 1)) {
            throw new UserInputException("hybrid active weight must be in [0,1]: " + activeWeight);
        }
    }

    /** The seed's three hybrids: 30/70, 50/50, 70/30 (active/passive). */
    public static List<Hybrid> seed() {
        return List.of(ACTIVE_30, ACTIVE_50, ACTIVE_70);
    }

    public double passiveWeight() {
        return 1 - activeWeight;
    }

    /** "30/70 split" (active/passive, in percent). */
    public String label() {
        long a = Math.round(activeWeight * 100);
        return a + "/" + (100 - a) + " split";
    }

    /** "hybrid_30_70" (active_passive). */
    public String suffix() {
        long a = Math.round(activeWeight * 100);
        return "hybrid_" + a + "_" + (100 - a);
    }
}
