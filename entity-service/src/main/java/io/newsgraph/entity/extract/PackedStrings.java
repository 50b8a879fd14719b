package io.newsgraph.entity.extract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A read-only list of distinct strings with a reverse lookup, packed into a few arrays: about 25 bytes per string
 * instead of about 100 for a {@code String} with its byte array, a {@code HashMap} node and a boxed index. The CRF
 * model holds over 800,000 such strings (feature names, the distributional-similarity lexicon); packing them is what
 * keeps entity-service's resident memory small. Strings are stored as ISO-8859-1 bytes; the rare one with a character
 * beyond that goes to a small ordinary map. Lookups allocate nothing and are safe from any number of threads.
 */
final class PackedStrings {
    private static final int NONE = -1;

    private final byte[] bytes;
    private final int[] starts;
    private final int[] hashes;
    /** Open addressing, linear probing: string index + 1 per slot, 0 = empty. Length is a power of two ≥ 2 × size. */
    private final int[] slots;

    private final Map<String, Integer> wide;
    private final String[] wideByIndex;

    PackedStrings(Collection<String> strings) {
        int size = strings.size();
        this.starts = new int[size + 1];
        this.hashes = new int[size];
        this.slots = new int[Integer.highestOneBit(Math.max(2, size) * 2 - 1) << 1];
        this.wide = new HashMap<>();
        String[] wideStrings = new String[size];
        long total = 0;
        for (String s : strings) {
            total += s.length();
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many characters to pack: " + total);
        }
        byte[] packed = new byte[(int) total];
        int index = 0;
        int at = 0;
        for (String s : strings) {
            starts[index] = at;
            hashes[index] = s.hashCode();
            if (latin1(s)) {
                System.arraycopy(latin1Bytes(s), 0, packed, at, s.length());
                at += s.length();
            } else {
                wideStrings[index] = s;
                if (wide.putIfAbsent(s, index) != null) {
                    throw new IllegalArgumentException("duplicate string: " + s);
                }
            }
            index++;
        }
        starts[size] = at;
        this.bytes = at == packed.length ? packed : Arrays.copyOf(packed, at);
        this.wideByIndex = wide.isEmpty() ? null : wideStrings;
        for (int i = 0; i < size; i++) {
            if (wideStrings[i] == null) {
                insert(i);
            }
        }
    }

    int size() {
        return hashes.length;
    }

    String get(int index) {
        if (wideByIndex != null && wideByIndex[index] != null) {
            return wideByIndex[index];
        }
        return new String(bytes, starts[index], starts[index + 1] - starts[index], StandardCharsets.ISO_8859_1);
    }

    /** The index of {@code s}, or -1. */
    int indexOf(String s) {
        if (!latin1(s)) {
            Integer index = wide.get(s);
            return index == null ? NONE : index;
        }
        int hash = s.hashCode();
        int length = s.length();
        int mask = slots.length - 1;
        byte[] key = null;
        for (int slot = spread(hash) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int candidate = slots[slot] - 1;
            int start = starts[candidate];
            if (hashes[candidate] == hash && starts[candidate + 1] - start == length) {
                if (key == null) {
                    key = latin1Bytes(s);
                }
                // Arrays.equals on ranges is vectorised: as fast as String.equals, unlike a charAt loop.
                if (Arrays.equals(bytes, start, start + length, key, 0, length)) {
                    return candidate;
                }
            }
        }
        return NONE;
    }

    /** The string's characters as bytes, in a per-thread buffer (lookups run millions of times: no allocation). */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) copies each char's low byte: exact for Latin-1
    private static byte[] latin1Bytes(String s) {
        byte[] buffer = SCRATCH.get();
        if (buffer.length < s.length()) {
            buffer = new byte[Math.max(s.length(), buffer.length * 2)];
            SCRATCH.set(buffer);
        }
        s.getBytes(0, s.length(), buffer, 0);
        return buffer;
    }

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);

    private void insert(int index) {
        int mask = slots.length - 1;
        for (int slot = spread(hashes[index]) & mask; ; slot = (slot + 1) & mask) {
            if (slots[slot] == 0) {
                slots[slot] = index + 1;
                return;
            }
            int other = slots[slot] - 1;
            if (hashes[other] == hashes[index] && get(other).equals(get(index))) {
                throw new IllegalArgumentException("duplicate string: " + get(index));
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private static boolean latin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xff) {
                return false;
            }
        }
        return true;
    }
}
