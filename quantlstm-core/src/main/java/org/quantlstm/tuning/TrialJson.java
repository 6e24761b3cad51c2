package org.quantlstm.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * JSON text for the params and intermediate-values columns. Params: an object in suggestion order whose
 * values are numbers (ints without a fraction) or strings. Intermediate values: an object from step
 * (as a string key) to number; NaN and infinities are written as the strings "NaN", "Infinity".
 */
final class TrialJson {
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    String params(Map<String, Object> params) {
        try {
            return mapper.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode trial params " + params, e);
        }
    }

    Map<String, Object> params(String json) {
        try {
            Map<String, Object> raw = mapper.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
            Map<String, Object> out = new LinkedHashMap<>();
            raw.forEach((k, v) -> out.put(k, normalise(v)));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored trial params are not valid JSON: " + json, e);
        }
    }

    String intermediate(SortedMap<Integer, Double> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(Integer.toString(k), Double.isFinite(v) ? (Object) v : Double.toString(v)));
        return params(out);
    }

    SortedMap<Integer, Double> intermediate(String json) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        params(json).forEach((k, v) -> out.put(Integer.parseInt(k),
                v instanceof Number n ? n.doubleValue() : Double.parseDouble((String) v)));
        return out;
    }

    /** Integral JSON numbers come back as Integer when they fit, real ones as Double. */
    static Object normalise(Object v) {
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (v instanceof Number n && !(v instanceof Integer) && !(v instanceof Long)) {
            return n.doubleValue();
        }
        return v;
    }
}
