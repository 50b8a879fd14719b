package io.newsgraph.article.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlArticleParserTests {

    private final HtmlArticleParser parser = new HtmlArticleParser();

    private static final String NEWS_PAGE = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <title>Ceasefire talks resume in Riyadh - Daily Planet</title>
              <meta property="og:site_name" content="Daily Planet">
              <link rel="canonical" href="/world/2025/03/24/ceasefire-talks">
              <script type="application/ld+json">
              {"@context": "https://schema.org",
               "@graph": [
                 {"@type": "WebSite", "name": "Daily Planet"},
                 {"@type": "NewsArticle",
                  "headline": "Ceasefire talks resume in Riyadh",
                  "datePublished": "2025-03-24T09:15:00+08:00",
                  "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
                  "publisher": {"@type": "Organization", "name": "Daily Planet"}}
               ]}
              </script>
              <script>window.tracking = "ignore me";</script>
            </head>
            <body>
              <header class="site-header"><a href="/">Daily Planet</a> Subscribe now for full access</header>
              <nav><ul><li>World</li><li>Business</li><li>Sport</li></ul></nav>
              <div class="breadcrumb">Home &gt; World</div>
              <main>
                <article>
                  <header>
                    <h1>Ceasefire talks resume in Riyadh</h1>
                    <div class="byline">By Jane Doe and John Roe</div>
                    <time datetime="2025-03-23">March 23</time>
                  </header>
                  <ul class="share-tools"><li>Share on Facebook</li><li>Share on X</li><li>Copy link</li></ul>
                  <figure>
                    <img src="/img/talks.jpg" alt="">
                    <figcaption>Delegates arrive for the talks in Riyadh on Sunday. <span class="credit">Photo: Reuters</span></figcaption>
                  </figure>
                  <p>RIYADH (Reuters) - Delegations from the two countries met on Monday for a second round of talks.</p>
                  <p>Officials said&nbsp;the discussions focused on energy infrastructure and shipping.</p>
                  <div class="ad-slot advert">Advertisement</div>
                  <h2>Next steps</h2>
                  <blockquote><p>“We are making progress,” a senior official said.</p></blockquote>
                  <p>Share</p>
                  <ul><li>A truce on energy strikes</li><li>Safe passage for ships</li></ul>
                  <p>Agencies contributed to this story.</p>
                  <aside class="related-links"><h3>Related</h3><p>Markets rally as talks resume</p></aside>
                  <div class="newsletter-signup"><p>Sign up for our daily newsletter.</p></div>
                </article>
                <section class="comments"><p>Great article, thanks for sharing this with all of us!</p></section>
              </main>
              <footer><p>© 2025 Daily Planet. All rights reserved. Contact us for licensing requests today.</p></footer>
            </body>
            </html>
            """;

    @Test
    void realisticNewsPage() {
        ParsedArticle a = parser.parse(NEWS_PAGE, "https://dailyplanet.example/world/ceasefire");

        assertEquals("Ceasefire talks resume in Riyadh", a.title());
        assertEquals(new Byline("Jane Doe and John Roe", "RIYADH", "Daily Planet"), a.byline());
        assertEquals(Instant.parse("2025-03-24T01:15:00Z"), a.publishedAt());
        assertEquals("en", a.language());
        assertEquals("https://dailyplanet.example/world/2025/03/24/ceasefire-talks", a.url());
        assertEquals(
                List.of(
                        "Delegations from the two countries met on Monday for a second round of talks.",
                        "Officials said the discussions focused on energy infrastructure and shipping.",
                        "Next steps",
                        "“We are making progress,” a senior official said.",
                        "A truce on energy strikes",
                        "Safe passage for ships"),
                a.paragraphs());
        assertEquals(
                List.of(new Caption("Delegates arrive for the talks in Riyadh on Sunday.", "Reuters")), a.captions());
        assertEquals(List.of("Agencies contributed to this story."), a.footers());
        for (String boilerplate : List.of(
                "Subscribe",
                "Business",
                "Home",
                "Share",
                "Copy link",
                "Advertisement",
                "Related",
                "Markets rally",
                "newsletter",
                "Great article",
                "rights reserved",
                "ignore me")) {
            assertFalse(a.body().contains(boilerplate), boilerplate);
        }
    }

    @Test
    void onlyOpenGraphMetadata() {
        String html = """
                <html><head>
                  <meta property="og:title" content="Rates held steady | Money Desk">
                  <meta property="og:site_name" content="Money Desk">
                  <meta property="og:url" content="https://moneydesk.example/rates-held">
                  <meta property="article:published_time" content="2025-03-20T14:00:00+0000">
                  <meta property="article:author" content="https://facebook.example/someone">
                </head><body>
                  <div><p>The central bank left interest rates unchanged on Thursday.</p>
                  <p>Markets had widely expected the decision.</p></div>
                </body></html>
                """;
        ParsedArticle a = parser.parse(html, "");

        assertEquals("Rates held steady", a.title());
        assertEquals(new Byline(null, null, "Money Desk"), a.byline());
        assertEquals(Instant.parse("2025-03-20T14:00:00Z"), a.publishedAt());
        assertEquals("en", a.language()); // no lang attribute: guessed from the body
        assertEquals("https://moneydesk.example/rates-held", a.url());
        assertEquals(
                List.of(
                        "The central bank left interest rates unchanged on Thursday.",
                        "Markets had widely expected the decision."),
                a.paragraphs());
        assertEquals(List.of(), a.captions());
        assertEquals(List.of(), a.footers());
    }

    @Test
    void densestParagraphContainerWithoutArticleElement() {
        String html = """
                <html lang="de"><head><title>Hafen erweitert - Nordkurier</title></head><body>
                  <div id="teasers"><p>Kurz notiert</p><p>Wetter: sonnig</p></div>
                  <div id="content">
                    <h1>Hafen wird erweitert</h1>
                    <p>Der Hafen der Stadt wird in den kommenden Jahren deutlich erweitert, teilte die Verwaltung mit.</p>
                    <p>Die Kosten werden auf rund 40 Millionen Euro geschätzt.</p>
                    <p>Photo taken on March 2 shows the harbour at dusk.</p>
                  </div>
                  <div class="sidebar"><p>Meistgelesen</p></div>
                </body></html>
                """;
        ParsedArticle a = parser.parse(html, "https://nordkurier.example/hafen");

        assertEquals("Hafen wird erweitert", a.title());
        assertEquals(Byline.NONE, a.byline());
        assertNull(a.publishedAt());
        assertEquals("de", a.language());
        assertEquals("https://nordkurier.example/hafen", a.url());
        assertEquals(
                List.of(
                        "Der Hafen der Stadt wird in den kommenden Jahren deutlich erweitert, teilte die Verwaltung mit.",
                        "Die Kosten werden auf rund 40 Millionen Euro geschätzt."),
                a.paragraphs());
        assertEquals(List.of(new Caption("Photo taken on March 2 shows the harbour at dusk.", null)), a.captions());
        assertEquals(List.of(), a.footers());
    }

    @Test
    void titleElementSuffixStrippedOnlyForTheSiteName() {
        String html = """
                <html><head><title>Harbour to expand - Nordkurier</title>
                <meta property="og:site_name" content="Nordkurier"></head><body><p>Text of the article.</p></body></html>
                """;
        assertEquals("Harbour to expand", parser.parse(html, "").title());

        String other = html.replace("content=\"Nordkurier\"", "content=\"Elsewhere\"");
        assertEquals("Harbour to expand - Nordkurier", parser.parse(other, "").title());
    }

    @Test
    void jsonLdArrayWithArticleTypeAndDateOnlyTime() {
        String html = """
                <html lang="zh-CN"><head>
                <script type="application/ld+json">[{"@type":"Organization","name":"X"},
                  {"@type":["Article"],"headline":"港口扩建","author":"李明","publisher":{"name":"中国日报"},
                   "datePublished":"not a date"}]</script>
                </head><body>
                <div itemprop="articleBody"><p>港口将在未来几年扩建。</p>
                <figure><img src="a.jpg"><figcaption>港口夜景。[Photo/Xinhua]</figcaption></figure></div>
                <time datetime="2025-03-22">22 March</time>
                </body></html>
                """;
        ParsedArticle a = parser.parse(html, "https://chinadaily.example/a.html");

        assertEquals("港口扩建", a.title());
        assertEquals(new Byline("李明", null, "中国日报"), a.byline());
        assertEquals(Instant.parse("2025-03-22T00:00:00Z"), a.publishedAt());
        assertEquals("zh", a.language());
        assertEquals("https://chinadaily.example/a.html", a.url());
        assertEquals(List.of("港口将在未来几年扩建。"), a.paragraphs());
        assertEquals(List.of(new Caption("港口夜景。", "Xinhua")), a.captions());
        assertEquals(List.of(), a.footers());
    }

    @Test
    void emptyAndGarbageHtml() {
        for (String html : new String[] {
            null,
            "",
            "   ",
            "<<<>>>&&&;;<p",
            "<html><body></body></html>",
            "\u0000\uFFFF<script>{{{</script>",
            "<div>".repeat(20_000) + "text"
        }) {
            ParsedArticle a = parser.parse(html, null);
            assertNull(a.title(), String.valueOf(html));
            assertEquals(Byline.NONE, a.byline());
            assertEquals(List.of(), a.paragraphs());
            assertEquals(List.of(), a.captions());
            assertEquals(List.of(), a.footers());
            assertNull(a.publishedAt());
            assertNull(a.language());
            assertNull(a.url());
        }
    }

    @Test
    void brokenJsonLdIsIgnored() {
        String html = """
                <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
                <meta name="author" content="Jane Doe"></head>
                <body><article><p>Body text here.</p></article></body></html>
                """;
        ParsedArticle a = parser.parse(html, "");
        assertNull(a.title());
        assertEquals(new Byline("Jane Doe", null, null), a.byline());
        assertEquals(List.of("Body text here."), a.paragraphs());
    }
}
