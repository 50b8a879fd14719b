package io.newsgraph.entity.extract;

import java.util.List;

/**
 * A speaker phrase found next to a reporting verb: named entities (several for "A and B said"),
 * a pronoun still to be resolved, or an unnamed description such as "A Ukrainian official".
 * [phraseStart, phraseEnd) covers the whole phrase including any title before the name.
 */
record Speaker(List<EntityIndex.Located> named, String pronoun, String description, int phraseStart, int phraseEnd) {

    static Speaker named(List<EntityIndex.Located> named, int phraseStart, int phraseEnd) {
        return new Speaker(List.copyOf(named), null, null, phraseStart, phraseEnd);
    }

    static Speaker pronoun(Token pronoun) {
        return new Speaker(List.of(), pronoun.text(), null, pronoun.start(), pronoun.end());
    }

    static Speaker unnamed(String description, int phraseStart, int phraseEnd) {
        return new Speaker(List.of(), null, description, phraseStart, phraseEnd);
    }

    boolean isPronoun() {
        return pronoun != null;
    }

    boolean isNamed() {
        return !named.isEmpty();
    }
}
