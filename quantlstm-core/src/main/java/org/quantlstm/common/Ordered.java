package org.quantlstm.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps that keep their insertion order, for JSON written to run folders: {@code Map.of} iterates in an order that
 * changes from one JVM start to the next, which made reruns differ byte for byte.
 */
public final class Ordered {
    private Ordered() {
    }

    /** An unmodifiable insertion-ordered map of key, value, key, value, … */
    public static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (m.put((String) keysAndValues[i], keysAndValues[i + 1]) != null) {
                throw new IllegalArgumentException("duplicate key " + keysAndValues[i]);
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
