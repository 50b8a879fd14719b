package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Attaches titles and appositives to person mentions using the title vocabulary, not per-name rules:
 * <ul>
 *   <li>pre-name titles: a run of title words, nationality adjectives, country names/abbreviations and
 *       possessives ending in a title head noun right before the name ("US Defense Secretary");</li>
 *   <li>appositives: ", a military analyst with ..." after the name, up to the next comma, quote,
 *       reporting verb or sentence end, when a head noun occurs within its first words.</li>
 * </ul>
 */
final class RoleExtractor {

    private static final int MAX_APPOSITIVE_TOKENS = 14;
    private static final int HEAD_WITHIN = 5;
    private static final Set<String> APPOSITIVE_STOPS = Set.of(",", ";", "\"", "(", ")", "—", "–", ".", "!", "?", ":");
    private static final Set<String> PORTFOLIO_HEADS = Set.of("Minister", "Ministers");
    private static final Set<String> RELATIVE_PRONOUNS = Set.of("who", "which", "whose", "whom", "where");

    private final Lexicon lexicon;

    RoleExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    List<RoleSpan> extract(Segmentation segmentation, EntityIndex index) {
        List<RoleSpan> spans = new ArrayList<>();
        for (EntityIndex.Located located : index.mentions()) {
            if (located.entity().type() != EntityType.PERSON) {
                continue;
            }
            RoleSpan before = titleBefore(segmentation, index, located);
            if (before != null) {
                spans.add(before);
            }
            RoleSpan after = appositiveAfter(segmentation, index, located);
            if (after != null) {
                spans.add(after);
            }
        }
        spans.forEach(span -> span.entity().addRole(span.role()));
        return List.copyOf(spans);
    }

    private RoleSpan titleBefore(Segmentation segmentation, EntityIndex index, EntityIndex.Located located) {
        Mention mention = located.mention();
        List<Token> tokens = segmentation.tokens();
        int sentenceStart = segmentation.sentenceAt(mention.start()).start();
        int last = segmentation.firstTokenAtOrAfter(mention.start()) - 1;
        if (last < 0
                || tokens.get(last).start() < sentenceStart
                || !lexicon.isTitleHead(tokens.get(last).text())) {
            return null;
        }
        int first = last;
        boolean minister = PORTFOLIO_HEADS.contains(tokens.get(last).text());
        while (first - 1 >= 0
                && tokens.get(first - 1).start() >= sentenceStart
                && (canOpenOrExtendTitle(tokens.get(first - 1), index)
                        || minister && isPortfolioWord(tokens, first - 1, sentenceStart, index))) {
            first--;
        }
        String text = segmentation.text();
        int start = tokens.get(first).start();
        int end = tokens.get(last).end();
        return new RoleSpan(located.entity(), mention, text.substring(start, end), start, end, false);
    }

    private boolean canOpenOrExtendTitle(Token token, EntityIndex index) {
        String word = token.text();
        if (!token.isWord()) {
            return false;
        }
        if (lexicon.isTitleWord(word) || lexicon.isDemonym(word)) {
            return true;
        }
        if (token.isCapitalized() && (word.endsWith("'s") || isAcronym(word))) {
            return true;
        }
        return token.isCapitalized() && isInsideNonPersonMention(token, index);
    }

    /**
     * "Union Food and Public Distribution Minister", "Labor and Welfare Minister": before "Minister" a portfolio's
     * capitalised words and the "and" between them; not a sentence's first word ("Earlier Health Minister"), a
     * weekday or month, or a word of a person's name ("Anna Lee and Health Minister Tom Park" are two people).
     */
    private static boolean isPortfolioWord(List<Token> tokens, int i, int sentenceStart, EntityIndex index) {
        Token token = tokens.get(i);
        if (token.text().equals("and") || token.text().equals("&")) {
            return i > 0 && isPortfolioWord(tokens, i - 1, sentenceStart, index);
        }
        return token.isWord()
                && token.isCapitalized()
                && token.start() > sentenceStart
                && !Lexicon.isMonthOrWeekday(token.text())
                && mentionTypeAt(token, index) != EntityType.PERSON;
    }

    private static boolean isAcronym(String word) {
        return word.length() <= 4 && word.chars().allMatch(c -> Character.isUpperCase(c) || c == '.');
    }

    /** The type of the mention the token lies in, or null. */
    private static EntityType mentionTypeAt(Token token, EntityIndex index) {
        for (EntityIndex.Located l : index.mentionsIn(token.start() - 200, token.end())) {
            if (l.mention().start() <= token.start()
                    && token.end() <= l.mention().end()) {
                return l.entity().type();
            }
        }
        return null;
    }

    private static boolean isInsideNonPersonMention(Token token, EntityIndex index) {
        EntityType type = mentionTypeAt(token, index);
        return type != null && type != EntityType.PERSON;
    }

    private RoleSpan appositiveAfter(Segmentation segmentation, EntityIndex index, EntityIndex.Located located) {
        String text = segmentation.text();
        Mention mention = located.mention();
        if (mention.end() >= text.length() || text.charAt(mention.end()) != ',') {
            return null;
        }
        Segmentation.Sentence sentence = segmentation.sentenceAt(mention.start());
        List<Token> tokens = segmentation.tokensIn(mention.end() + 1, sentence.end());
        int count = 0;
        while (count < tokens.size() && count < MAX_APPOSITIVE_TOKENS && !endsAppositive(tokens.get(count))) {
            count++;
        }
        if (count == 0) {
            return null;
        }
        List<Token> phrase = tokens.subList(0, count);
        int from = isArticle(phrase.get(0)) ? 1 : 0;
        if (from >= phrase.size()
                || !opensAppositive(phrase.get(0), index)
                || !hasHeadEarly(phrase.subList(from, phrase.size()))
                || namesAnotherPerson(text, phrase, index)) {
            return null;
        }
        int start = phrase.get(from).start();
        int end = phrase.get(phrase.size() - 1).end();
        return new RoleSpan(located.entity(), mention, text.substring(start, end), mention.end(), end, true);
    }

    /** "Ishiba, Indian Prime Minister Narendra Modi, ..." is a list of people, not an appositive; possessives are fine. */
    private static boolean namesAnotherPerson(String text, List<Token> phrase, EntityIndex index) {
        int from = phrase.get(0).start();
        int to = phrase.get(phrase.size() - 1).end();
        for (EntityIndex.Located l : index.mentionsIn(from, to)) {
            if (l.entity().type() == EntityType.PERSON
                    && !text.startsWith("'s", l.mention().end())) {
                return true;
            }
        }
        return false;
    }

    private boolean endsAppositive(Token token) {
        String t = token.text();
        return APPOSITIVE_STOPS.contains(t)
                || lexicon.isReportingVerb(t)
                || RELATIVE_PRONOUNS.contains(Lexicon.lower(t));
    }

    private static boolean isArticle(Token token) {
        String t = Lexicon.lower(token.text());
        return t.equals("a") || t.equals("an") || t.equals("the");
    }

    /** An appositive starts with an article, a possessive, a title word or a nationality, not a name or verb. */
    private boolean opensAppositive(Token first, EntityIndex index) {
        String word = first.text();
        if (isArticle(first) || lexicon.isTitleWord(word) || lexicon.isDemonym(word)) {
            return true;
        }
        if (word.endsWith("'s") && first.isCapitalized()) {
            return true;
        }
        return !first.isCapitalized() && lexicon.isDeterminer(word) && !isInsideNonPersonMention(first, index);
    }

    private boolean hasHeadEarly(List<Token> phrase) {
        for (int i = 0; i < phrase.size() && i < HEAD_WITHIN; i++) {
            if (lexicon.isTitleHead(phrase.get(i).text())) {
                return true;
            }
        }
        return false;
    }
}
