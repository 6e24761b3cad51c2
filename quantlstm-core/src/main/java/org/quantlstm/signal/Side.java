package org.quantlstm.signal;

/** Direction of a signal or position: +1 long, −1 short, 0 flat. */
public enum Side {
    LONG(1), SHORT(-1), FLAT(0);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1, −1 or 0. */
    public int sign() {
        return sign;
    }

    /** The side of a signed quantity (0 and NaN are flat). */
    public static Side of(double signed) {
        return signed > 0 ? LONG : signed < 0 ? SHORT : FLAT;
    }
}
