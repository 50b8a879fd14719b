package io.newsgraph.entity.extract;

import java.util.List;

/**
 * One real-world entity of an article.
 *
 * @param key      stable within one analysis: {@code TYPE + ":" + canonicalName}
 * @param aliases  other names seen for it in the article ("Witkoff", "Kiev")
 * @param roles    titles and appositives attached to it, in order of appearance
 * @param salience 0..1, the most salient entity of the article has 1.0
 * @param place    where a LOCATION is ({@link PlaceLinker}); null when unlinked, and always for other types
 */
public record EntityResult(
        String key,
        String canonicalName,
        EntityType type,
        List<String> aliases,
        List<String> roles,
        double salience,
        List<MentionResult> mentions,
        Place place) {

    public EntityResult {
        aliases = List.copyOf(aliases);
        roles = List.copyOf(roles);
        mentions = List.copyOf(mentions);
    }

    EntityResult withPlace(Place linked) {
        return new EntityResult(key, canonicalName, type, aliases, roles, salience, mentions, linked);
    }
}
