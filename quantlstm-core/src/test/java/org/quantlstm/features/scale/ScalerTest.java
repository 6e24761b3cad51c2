package org.quantlstm.features.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.UserInputException;
import org.quantlstm.features.FeatureMatrix;

class ScalerTest {
    static FeatureMatrix matrix(double later) {
        double[] a = {Double.NaN, 1, 3, 5, later, later * 2};
        double[] b = {2, 2, 2, 2, later, 0};
        return FeatureMatrix.of(List.of("a", "b"), new long[] {1, 2, 3, 4, 5, 6}, new double[][] {a, b});
    }

    @Test
    void minMaxFitsOnTrainingRowsOnly() {
        MinMaxScaler s = MinMaxScaler.fit(matrix(1000), 0, 4);
        MinMaxScaler other = MinMaxScaler.fit(matrix(-7), 0, 4);
        assertThat(s.offset()).containsExactly(1, 2);
        assertThat(s.scale()).containsExactly(4, 1); // constant column b gets divisor 1
        assertThat(other.offset()).isEqualTo(s.offset());
        assertThat(other.scale()).isEqualTo(s.scale());
        FeatureMatrix z = s.transform(matrix(1000));
        assertThat(z.column("a")[3]).isEqualTo(1.0);
        assertThat(z.column("a")[4]).isEqualTo(249.75); // later rows map outside [0, 1], no clipping
        assertThat(z.column("a")[0]).isNaN();
        assertThat(s.inverse(0, z.column("a"))[4]).isEqualTo(1000);
    }

    @Test
    void standardUsesPopulationStdOfTrainingRows() {
        StandardScaler s = StandardScaler.fit(matrix(1000), 1, 4);
        StandardScaler other = StandardScaler.fit(matrix(3), 1, 4);
        assertThat(s.offset()[0]).isCloseTo(3, within(1e-15));
        assertThat(s.scale()[0]).isCloseTo(Math.sqrt(8.0 / 3), within(1e-15));
        assertThat(other.offset()).isEqualTo(s.offset());
        assertThat(other.scale()).isEqualTo(s.scale());
        assertThat(s.inverse(0, s.transform(0, 17.5))).isCloseTo(17.5, within(1e-12));
    }

    @Test
    void jsonRoundTripKeepsTypeAndParameters(@TempDir Path dir) throws Exception {
        Scaler s = StandardScaler.fitColumn("target", new double[] {1, 2, 3, 4}, 0, 3);
        Path f = dir.resolve("scaler.json");
        ScalerJson.write(s, f);
        assertThat(Files.readString(f)).contains("\"type\" : \"standard\"", "target");
        Scaler back = ScalerJson.read(f);
        assertThat(back).isInstanceOf(StandardScaler.class);
        assertThat(back.columns()).containsExactly("target");
        assertThat(back.offset()).isEqualTo(s.offset());
        assertThat(back.scale()).isEqualTo(s.scale());
        assertThat(back).isEqualTo(s).hasSameHashCodeAs(s);
        Scaler mm = ScalerJson.fromJson(ScalerJson.toJson(MinMaxScaler.fit(matrix(1), 0, 4)));
        assertThat(mm).isInstanceOf(MinMaxScaler.class);
        assertThat(mm.offset()).containsExactly(1, 2);
        assertThat(Files.list(dir)).hasSize(1); // no temp file left behind
    }

    @Test
    void userErrorsAreOneLine() {
        assertThatThrownBy(() -> MinMaxScaler.fitColumn("x", new double[] {Double.NaN, 1}, 0, 1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("no finite value");
        assertThatThrownBy(() -> StandardScaler.fitColumn("x", new double[] {1, 2}, 1, 1))
                .isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> ScalerJson.fromJson("{\"type\":\"nope\"}")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> MinMaxScaler.fit(matrix(1), 0, 4).transform(
                FeatureMatrix.of(List.of("z"), new long[] {1}, new double[][] {{1}})))
                .isInstanceOf(UserInputException.class);
    }
}
