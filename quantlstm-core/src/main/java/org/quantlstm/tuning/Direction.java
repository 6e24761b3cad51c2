package org.quantlstm.tuning;

/** Whether a study seeks the smallest or the largest objective value. */
public enum Direction {
    MINIMIZE,
    MAXIMIZE;

    /** True when {@code a} is strictly better than {@code b} in this direction. */
    public boolean better(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    /** Orders values best first: ascending for minimize, descending for maximize. */
    public int compareBestFirst(double a, double b) {
        return this == MINIMIZE ? Double.compare(a, b) : Double.compare(b, a);
    }
}
