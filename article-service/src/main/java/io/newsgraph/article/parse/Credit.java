package io.newsgraph.article.parse;

import java.util.List;

/**
 * One contribution line of a story's credits: "Reporting by Jane Doe and John Roe" → (reporting, [Jane Doe, John Roe]).
 *
 * @param role  lower-case role as printed ("reporting", "additional reporting", "writing", "editing", "compiled",
 *              "contributing", ...)
 * @param names the people or desks credited, places ("in Kyiv") removed
 */
public record Credit(String role, List<String> names) {

    public Credit {
        names = List.copyOf(names);
    }
}
