package io.newsgraph.entity.extract;

/** Entity classes produced by the recognizers (the CoNLL 3-class scheme without MISC). */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION;

    /** Maps a recognizer label ("PERSON", "ORG", "LOC", ...) to a type, or null for labels we do not keep. */
    static EntityType fromLabel(String label) {
        return switch (label) {
            case "PERSON", "PER" -> PERSON;
            case "ORGANIZATION", "ORG" -> ORGANIZATION;
            case "LOCATION", "LOC", "GPE" -> LOCATION;
            default -> null;
        };
    }
}
