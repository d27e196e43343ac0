package dev.kvlens.io;


import dev.kvlens.text.Phrase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Walks the members of a tar stream (POSIX ustar and GNU, as {@code tar} writes the Android and iOS bundles of
 * {@code mlc_llm compile}), handing each regular member's bytes to a visitor. Bounded: a member count limit, and the
 * caller's stream limits the total bytes. Nothing is written to disk.
 */
final class TarMembers {

    private static final int BLOCK = 512;
    static final int MAX_MEMBERS = 10_000;

    /** Receives one member: its name and a stream of exactly its bytes. Returns false to stop the walk. */
    interface Visitor {
        boolean member(String name, InputStream content) throws IOException;
    }

    private TarMembers() {
    }

    /** Whether a first block looks like a tar header (the ustar magic at offset 257). */
    static boolean looksLikeTar(byte[] head, int length) {
        return length >= 263 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a'
                && head[261] == 'r';
    }

    /**
     * Visits every regular member.
     *
     * @throws InputException (naming {@code source}) when a header is damaged or there are too many members
     */
    static void walk(String source, InputStream in, Visitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        int members = 0;
        while (true) {
            if (in.readNBytes(header, 0, BLOCK) < BLOCK || isZero(header)) {
                return;
            }
            if (++members > MAX_MEMBERS) {
                throw new InputException(source, "", Phrase.of("io.tar.tooManyMembers", String.valueOf(MAX_MEMBERS)));
            }
            long size = octal(source, header, 124, 12);
            char type = (char) header[156];
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty() && header[257] == 'u') {
                name = prefix + "/" + name;
            }
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            boolean regular = type == '0' || type == '\0' || type == '7';
            if (regular) {
                BoundedStream content = new BoundedStream(in, size);
                boolean go = visitor.member(name, content);
                content.skipRest();
                skip(in, padded - size);
                if (!go) {
                    return;
                }
            } else {
                skip(in, padded);
            }
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static long octal(String source, byte[] header, int offset, int length) {
        long value = 0;
        boolean digits = false;
        for (int i = offset; i < offset + length; i++) {
            byte b = header[i];
            if (b == 0 || b == ' ') {
                if (digits) {
                    break;
                }
                continue;
            }
            if (b < '0' || b > '7' || value > (Long.MAX_VALUE >> 3)) {
                throw new InputException(source, "", Phrase.of("io.tar.badSize"));
            }
            value = value * 8 + (b - '0');
            digits = true;
        }
        return value;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static void skip(InputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return;
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** Exactly {@code limit} bytes of the underlying stream (fewer at its end). */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        void skipRest() throws IOException {
            TarMembers.skip(in, left);
            left = 0;
        }
    }
}
