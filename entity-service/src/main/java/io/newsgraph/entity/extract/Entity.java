package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Mutable per-article entity built by the canonicaliser and enriched by later stages. */
final class Entity {

    private final String canonicalName;
    private final EntityType type;
    private final List<Mention> mentions = new ArrayList<>();
    private final Set<String> aliases = new LinkedHashSet<>();
    private final Set<String> roles = new LinkedHashSet<>();

    Entity(String canonicalName, EntityType type) {
        this.canonicalName = canonicalName;
        this.type = type;
    }

    String key() {
        return type + ":" + canonicalName;
    }

    String canonicalName() {
        return canonicalName;
    }

    EntityType type() {
        return type;
    }

    List<Mention> mentions() {
        return mentions;
    }

    Set<String> aliases() {
        return aliases;
    }

    Set<String> roles() {
        return roles;
    }

    int firstOffset() {
        return mentions.isEmpty() ? Integer.MAX_VALUE : mentions.get(0).start();
    }

    void addMention(Mention mention, String name) {
        mentions.add(mention);
        if (!name.equals(canonicalName)) {
            aliases.add(name);
        }
    }

    void addRole(String role) {
        roles.add(role);
    }

    /** The surname used for partial matching ("Witkoff" for "Steve Witkoff"). */
    String lastWord() {
        int space = canonicalName.lastIndexOf(' ');
        return space < 0 ? canonicalName : canonicalName.substring(space + 1);
    }
}
