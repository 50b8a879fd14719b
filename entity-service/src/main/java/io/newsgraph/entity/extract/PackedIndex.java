package io.newsgraph.entity.extract;

import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * A locked CoreNLP {@link Index} of strings backed by {@link PackedStrings}: the CRF's feature index in a fifth of the
 * memory of CoreNLP's {@code HashIndex}. Same indices, same answers; adding is refused, as for a locked index.
 */
final class PackedIndex implements Index<String> {
    private static final long serialVersionUID = 1L;

    private final transient PackedStrings strings;

    PackedIndex(Index<String> source) {
        List<String> ordered = new ArrayList<>(source.size());
        for (int i = 0; i < source.size(); i++) {
            ordered.add(source.get(i));
        }
        this.strings = new PackedStrings(ordered);
    }

    /** Serialised as CoreNLP's own index, so a classifier written out with it stays readable anywhere. */
    private Object writeReplace() {
        return new HashIndex<>(objectsList());
    }

    @Override
    public int size() {
        return strings.size();
    }

    @Override
    public String get(int i) {
        if (i < 0 || i >= strings.size()) {
            throw new ArrayIndexOutOfBoundsException("Index " + i + " outside the bounds [0," + strings.size() + ")");
        }
        return strings.get(i);
    }

    @Override
    public int indexOf(String o) {
        return o == null ? -1 : strings.indexOf(o);
    }

    @Override
    public int indexOf(String o, boolean add) {
        return indexOf(o);
    }

    @Override
    public int addToIndex(String o) {
        return indexOf(o);
    }

    @Override
    public List<String> objectsList() {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return PackedIndex.this.get(index);
            }

            @Override
            public int size() {
                return strings.size();
            }
        };
    }

    @Override
    public Collection<String> objects(int[] indices) {
        List<String> objects = new ArrayList<>(indices.length);
        for (int i : indices) {
            objects.add(get(i));
        }
        return objects;
    }

    @Override
    public boolean isLocked() {
        return true;
    }

    @Override
    public void lock() {
        // always locked
    }

    @Override
    public void unlock() {
        throw new UnsupportedOperationException("a packed index is read-only");
    }

    @Override
    public void saveToWriter(Writer out) throws IOException {
        for (int i = 0; i < size(); i++) {
            out.write(i + "=" + get(i) + "\n");
        }
    }

    @Override
    public void saveToFilename(String file) {
        try (Writer out = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
            saveToWriter(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String s && indexOf(s) >= 0;
    }

    @Override
    public boolean add(String o) {
        throw new UnsupportedOperationException("a packed index is read-only");
    }

    @Override
    public boolean addAll(Collection<? extends String> c) {
        throw new UnsupportedOperationException("a packed index is read-only");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("a packed index is read-only");
    }

    @Override
    public Iterator<String> iterator() {
        return objectsList().iterator();
    }
}
