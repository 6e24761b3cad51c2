package org.quantlstm.backtest;

import java.util.Locale;
import org.quantlstm.common.UserInputException;

/**
 * When a target decided from bar t's close is filled: at bar t+1's open (default) or at bar t+1's close. Never
 * at bar t: the close that produced the decision is not a price anyone could still trade at (seed 001's own
 * text admits it "assumes perfect execution at closing prices").
 */
public enum FillTiming implements ExecutionModel {
    /** Fill at the next bar's open (default). */
    NEXT_OPEN("next-open"),
    /** Fill at the next bar's close. */
    NEXT_CLOSE("next-close");

    private final String code;

    FillTiming(String code) {
        this.code = code;
    }

    /** {@code next-open} or {@code next-close}, as on the command line. */
    @Override
    public String code() {
        return code;
    }

    @Override
    public int lag() {
        return 1;
    }

    @Override
    public boolean atOpen() {
        return this == NEXT_OPEN;
    }

    public static FillTiming parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (FillTiming f : values()) {
            if (f.code.equals(t)) {
                return f;
            }
        }
        throw new UserInputException("unknown fill timing '" + text + "': use next-open or next-close");
    }
}
