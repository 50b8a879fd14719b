package io.newsgraph.article.parse;

/** A photo caption; {@code credit} is {@code null} when the caption names none. */
public record Caption(String text, String credit) {

    public Caption {
        text = text == null ? "" : text;
        credit = Texts.nullIfBlank(credit);
    }
}
