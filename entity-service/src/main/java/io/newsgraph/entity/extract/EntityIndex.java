package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The article's entities plus an offset-ordered view of every mention and its entity. */
final class EntityIndex {

    record Located(Mention mention, Entity entity) {}

    private final List<Entity> entities;
    private final List<Located> located;

    EntityIndex(List<Entity> entities) {
        this.entities = List.copyOf(entities);
        List<Located> all = new ArrayList<>();
        for (Entity e : entities) {
            for (Mention m : e.mentions()) {
                all.add(new Located(m, e));
            }
        }
        all.sort(Comparator.comparingInt(l -> l.mention().start()));
        this.located = List.copyOf(all);
    }

    List<Entity> entities() {
        return entities;
    }

    List<Located> mentions() {
        return located;
    }

    /** Mentions that start inside [from, to), in offset order. */
    List<Located> mentionsIn(int from, int to) {
        List<Located> result = new ArrayList<>();
        for (Located l : located) {
            if (l.mention().start() >= to) {
                break;
            }
            if (l.mention().start() >= from) {
                result.add(l);
            }
        }
        return result;
    }

    /** The mention that starts exactly at {@code start}, if any. */
    Located startingAt(int start) {
        for (Located l : located) {
            if (l.mention().start() == start) {
                return l;
            }
            if (l.mention().start() > start) {
                break;
            }
        }
        return null;
    }

    /** The mention that ends exactly at {@code end} (ignoring a possessive), if any. */
    Located endingAt(int end) {
        for (Located l : located) {
            if (l.mention().end() == end) {
                return l;
            }
        }
        return null;
    }

    /** The last PERSON mention starting before {@code offset}. */
    Located lastPersonBefore(int offset) {
        Located found = null;
        for (Located l : located) {
            if (l.mention().start() >= offset) {
                break;
            }
            if (l.entity().type() == EntityType.PERSON) {
                found = l;
            }
        }
        return found;
    }
}
