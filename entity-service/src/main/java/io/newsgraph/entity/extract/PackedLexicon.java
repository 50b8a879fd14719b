package io.newsgraph.entity.extract;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A read-only string-to-string map for the CRF's distributional-similarity lexicon (half a million words, each
 * mapped to one of a few hundred cluster names), backed by {@link PackedStrings} and one int per word. Only
 * {@link #get} and {@link #size} are on CoreNLP's hot path; the entry set exists for completeness.
 */
final class PackedLexicon extends AbstractMap<String, String> {
    private final PackedStrings keys;
    private final int[] valueOf;
    private final String[] values;

    PackedLexicon(Map<String, String> source) {
        List<String> keyList = new ArrayList<>(source.size());
        Map<String, Integer> distinct = new HashMap<>();
        List<String> valueList = new ArrayList<>();
        this.valueOf = new int[source.size()];
        int i = 0;
        for (Map.Entry<String, String> e : source.entrySet()) {
            keyList.add(e.getKey());
            valueOf[i++] = distinct.computeIfAbsent(e.getValue(), v -> {
                valueList.add(v);
                return valueList.size() - 1;
            });
        }
        this.keys = new PackedStrings(keyList);
        this.values = valueList.toArray(String[]::new);
    }

    @Override
    public String get(Object key) {
        if (!(key instanceof String s)) {
            return null;
        }
        int index = keys.indexOf(s);
        return index < 0 ? null : values[valueOf[index]];
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && keys.indexOf(s) >= 0;
    }

    @Override
    public int size() {
        return keys.size();
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.size();
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys.get(i), values[valueOf[i]]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.size();
            }
        };
    }
}
