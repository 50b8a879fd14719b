package io.newsgraph.entity;

/** Two articles about one (fictional) person, under different spellings of one city: the graph tests' shared fixture. */
public final class GraphArticles {
    public static final String VISIT_TITLE = "Brandtvik visits Kiev";
    public static final String VISIT_BODY = """
            Norwegian Foreign Minister Oskar Brandtvik arrived in Kiev on Monday for talks with Ukrainian officials.

            "We will stand with Ukraine for as long as it takes," Brandtvik said at a press conference.

            Brandtvik said Norway would send 120 armoured vehicles before the end of the year.""";
    public static final String TALKS_TITLE = "Aid talks in Kyiv";
    public static final String TALKS_BODY = """
            Oskar Brandtvik met Mayor Vitali Klitschko in Kyiv on Tuesday.

            Klitschko thanked Norway for its support, officials said.""";

    private GraphArticles() {}
}
