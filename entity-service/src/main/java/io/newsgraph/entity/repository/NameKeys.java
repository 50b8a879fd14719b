package io.newsgraph.entity.repository;

import java.text.Normalizer;
import java.util.Locale;

/** The link key of a name: case, accents, punctuation and spacing folded ("Zelenskyy" stays distinct). */
public final class NameKeys {
    private NameKeys() {}

    public static String of(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
