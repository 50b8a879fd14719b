package io.newsgraph.article.parse;

/** Who wrote an article, where it was filed from and which outlet/agency supplied it; each part nullable. */
public record Byline(String author, String place, String source) {

    public static final Byline NONE = new Byline(null, null, null);

    public Byline {
        author = Texts.nullIfBlank(author);
        place = Texts.nullIfBlank(place);
        source = Texts.nullIfBlank(source);
    }
}
