package org.quantlstm.features.scale;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.quantlstm.common.UserInputException;
import org.quantlstm.features.FeatureMatrix;

/**
 * A per-column affine scaling {@code z = (x − offset) / scale}, fitted on a range of training rows only, so
 * that statistics of later (validation, test) rows never leak into the inputs. NaN stays NaN.
 *
 * <p>JSON form (Jackson): {@code {"type":"min-max"|"standard","columns":[...],"offset":[...],"scale":[...]}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = MinMaxScaler.class, name = "min-max"),
        @JsonSubTypes.Type(value = StandardScaler.class, name = "standard")})
public sealed interface Scaler permits MinMaxScaler, StandardScaler {
    /** The names of the scaled columns, in order. */
    List<String> columns();

    /** Per-column offset subtracted first (a copy). */
    double[] offset();

    /** Per-column divisor, never zero (a copy). */
    double[] scale();

    /** The scaled value of column {@code c}. */
    default double transform(int c, double x) {
        return (x - offset()[c]) / scale()[c];
    }

    /** The original value of column {@code c} from a scaled value (e.g. a forecast of a scaled target). */
    default double inverse(int c, double z) {
        return z * scale()[c] + offset()[c];
    }

    /** Inverse transform of a whole scaled column {@code c} (new array). */
    default double[] inverse(int c, double[] z) {
        double o = offset()[c];
        double s = scale()[c];
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] * s + o;
        }
        return out;
    }

    /** Scales one column (new array). */
    default double[] transform(int c, double[] x) {
        double o = offset()[c];
        double s = scale()[c];
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (x[i] - o) / s;
        }
        return out;
    }

    /** A new matrix with every column scaled (same names and timestamps). */
    default FeatureMatrix transform(FeatureMatrix m) {
        if (!m.names().equals(columns())) {
            throw new UserInputException("scaler was fitted on columns " + columns() + " but got " + m.names());
        }
        double[][] cols = new double[m.width()][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = transform(c, m.column(c));
        }
        return FeatureMatrix.of(m.names(), m.epochMillis(), cols);
    }
}
