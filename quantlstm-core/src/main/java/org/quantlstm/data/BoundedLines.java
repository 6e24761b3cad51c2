package org.quantlstm.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import org.quantlstm.common.UserInputException;

/**
 * Line reading with limits, for untrusted files: like {@link java.io.BufferedReader#readLine()} (lines end at
 * {@code \n}, {@code \r\n} or {@code \r}), but a line longer than {@code maxChars} fails with one clear line
 * instead of growing until the heap is gone ({@code data import /dev/zero}).
 */
final class BoundedLines {
    private final Reader in;
    private final String source;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private boolean skipLf;
    private long lineNo;

    BoundedLines(Reader in, String source, int maxChars) {
        this.in = in;
        this.source = source;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, or null at the end of the input. */
    String readLine() throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (pos >= end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (sb == null) {
                        return null;
                    }
                    lineNo++;
                    return sb.toString();
                }
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            int len = pos - start;
            int have = sb == null ? 0 : sb.length();
            if ((long) have + len > maxChars) {
                throw new UserInputException(source + " line " + (lineNo + 1) + ": longer than " + maxChars
                        + " characters (not a text file of bars? raise the limit with --max-line-chars)");
            }
            if (pos < end) { // found a terminator
                char term = buf[pos++];
                skipLf = term == '\r';
                lineNo++;
                if (sb == null) {
                    return new String(buf, start, len);
                }
                sb.append(buf, start, len);
                return sb.toString();
            }
            if (sb == null) {
                sb = new StringBuilder(Math.max(16, len * 2));
            }
            sb.append(buf, start, len);
        }
    }

    /** An input stream that fails with one line once more than {@code maxBytes} have been read through it. */
    static InputStream limit(InputStream in, String source, long maxBytes, String what) {
        return new InputStream() {
            private long count;

            private void add(long n) {
                count += n;
                if (count > maxBytes) {
                    throw new UserInputException(source + ": more than " + human(maxBytes) + " of " + what
                            + "; raise the limit with --max-mb if the file is really that large");
                }
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    add(n);
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    static String human(long bytes) {
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
