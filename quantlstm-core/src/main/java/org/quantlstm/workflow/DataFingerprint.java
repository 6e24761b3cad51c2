package org.quantlstm.workflow;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.quantlstm.data.BarSeries;

/**
 * SHA-256 over a series' symbol, interval, timestamps and every price and volume column (IEEE-754 bits), so a
 * run records exactly which data it saw: two runs with the same hash used bit-identical inputs.
 */
public final class DataFingerprint {
    private DataFingerprint() {
    }

    public static String sha256(BarSeries... series) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8 * 7);
            for (BarSeries s : series) {
                md.update((s.symbol() + "|" + s.interval() + "|").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (int i = 0; i < s.size(); i++) {
                    buf.clear();
                    buf.putLong(s.epochMillis(i)).putDouble(s.open(i)).putDouble(s.high(i)).putDouble(s.low(i))
                            .putDouble(s.close(i)).putDouble(s.adjClose(i)).putDouble(s.volume(i));
                    md.update(buf.array());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
