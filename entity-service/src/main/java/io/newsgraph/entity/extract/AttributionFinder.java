package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the speaker phrase adjacent to a reporting verb. Walking left from the verb it skips
 * auxiliaries ("has", "had"), time expressions ("a day earlier"), an appositive role
 * (", Trump's deputy envoy,") and a short parenthetical (", speaking on condition of anonymity,"),
 * then expects a named mention (optionally "A and B"), a pronoun, or an unnamed description.
 */
final class AttributionFinder {

    private static final Set<String> AUXILIARIES = Set.of(
            "has",
            "have",
            "had",
            "was",
            "were",
            "is",
            "are",
            "would",
            "will",
            "also",
            "reportedly",
            "later",
            "earlier",
            "previously",
            "then",
            "repeatedly",
            "recently",
            "publicly",
            "already",
            "again");
    private static final Set<String> LEADING_CONJUNCTIONS = Set.of("but", "and", "yet", "so", "however");
    private static final Set<String> PP_HEADS = Set.of("in", "of", "from", "at", "for", "near", "with");
    /** A name after these is part of a phrase about someone else ("the leaders of A and B"); "with X saying" keeps X. */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "of", "from", "at", "near");

    private static final int MAX_PARENTHETICAL_TOKENS = 8;
    private static final int MAX_DESCRIPTION_TOKENS = 7;
    private static final Set<String> TITLE_JOINERS = Set.of("of", "for", "the", "and");

    private final Segmentation segmentation;
    private final String text;
    private final EntityIndex index;
    private final Lexicon lexicon;
    private final Map<Mention, RoleSpan> titleBefore = new HashMap<>();
    private final Map<Integer, RoleSpan> appositiveByEnd = new HashMap<>();
    private final List<RoleSpan> roles;
    private final List<DateResult> dates;

    AttributionFinder(
            Segmentation segmentation,
            EntityIndex index,
            List<RoleSpan> roles,
            List<DateResult> dates,
            Lexicon lexicon) {
        this.segmentation = segmentation;
        this.text = segmentation.text();
        this.index = index;
        this.lexicon = lexicon;
        this.roles = roles;
        this.dates = dates;
        for (RoleSpan role : roles) {
            if (role.appositive()) {
                appositiveByEnd.put(role.end(), role);
            } else {
                titleBefore.put(role.mention(), role);
            }
        }
    }

    /** The speaker phrase ending right before {@code verbStart}, not reaching before {@code regionStart}. */
    Speaker speakerBefore(int regionStart, int verbStart) {
        int p = verbStart;
        while (true) {
            p = skipSpaceBack(p, regionStart);
            if (p <= regionStart) {
                return null;
            }
            DateResult date = dateEndingAt(p);
            if (date != null && date.start() >= regionStart) {
                p = date.start();
                continue;
            }
            Token token = tokenEndingAt(p);
            if (token != null && token.isWord() && AUXILIARIES.contains(Lexicon.lower(token.text()))) {
                p = token.start();
                continue;
            }
            if (text.charAt(p - 1) == ',') {
                Speaker namedAppositive = namedAppositive(regionStart, p - 1);
                if (namedAppositive != null) {
                    return namedAppositive;
                }
                RoleSpan appositive = appositiveByEnd.get(p - 1);
                if (appositive != null) {
                    p = appositive.mention().end();
                    break;
                }
                int opening = parentheticalStart(regionStart, p - 1);
                if (opening < 0) {
                    return null;
                }
                p = opening;
                continue;
            }
            if (text.charAt(p - 1) == ')') {
                int opening = parentheticalStart(regionStart, p - 1);
                if (opening > regionStart) {
                    p = opening;
                    continue;
                }
            }
            RoleSpan appositive = appositiveByEnd.get(p);
            if (appositive != null) {
                p = appositive.mention().end();
            }
            break;
        }
        return speakerEndingAt(regionStart, p);
    }

    /**
     * "Its chief executive, Jane Roe, said" / "A spokesman for the group, Dr Jane Roe, said": a description,
     * then a person's name (at most two title words before it) between commas; or an institution's description
     * and its name ("the UN's humanitarian office, OCHA, said"). The description becomes the speaker's role; the
     * phrase starts at the description.
     */
    private Speaker namedAppositive(int regionStart, int closingComma) {
        int end = skipSpaceBack(closingComma, regionStart);
        EntityIndex.Located name = mentionEndingAt(end);
        if (name == null || name.entity().type() == EntityType.LOCATION) {
            return null;
        }
        int opening = text.lastIndexOf(',', name.mention().start());
        if (opening < regionStart) {
            return null;
        }
        List<Token> before = segmentation.tokensIn(opening + 1, name.mention().start());
        if (before.size() > 2
                || before.stream().anyMatch(t -> !Character.isUpperCase(t.text().charAt(0)))) {
            return null;
        }
        int descriptionEnd = skipSpaceBack(opening, regionStart);
        int descriptionStart = clauseStartBefore(regionStart, descriptionEnd);
        List<Token> description = withoutBrackets(segmentation.tokensIn(descriptionStart, descriptionEnd));
        if (description.isEmpty()
                || description.size() > MAX_DESCRIPTION_TOKENS + 3
                || description.stream()
                        .anyMatch(t ->
                                lexicon.isReportingVerb(t.text()) || t.text().equals("\""))) {
            return null;
        }
        // "the UN's humanitarian office, OCHA, said": an organisation needs a description that ends in an institution
        if (name.entity().type() == EntityType.ORGANIZATION
                && !lexicon.isSpeakerNoun(
                        description.get(description.size() - 1).text())) {
            return null;
        }
        return new Speaker(
                List.of(name), null, text.substring(descriptionStart, descriptionEnd), descriptionStart, closingComma);
    }

    /** The tokens outside brackets: "The head of the National Drought Management Authority (NDMA)" is 8 words. */
    private static List<Token> withoutBrackets(List<Token> tokens) {
        List<Token> outside = new ArrayList<>(tokens.size());
        int depth = 0;
        for (Token t : tokens) {
            if (t.text().equals("(")) {
                depth++;
            } else if (t.text().equals(")")) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                outside.add(t);
            }
        }
        return outside;
    }

    /** Start of the clause that ends at {@code end}: after the previous comma, quote mark or the region start. */
    private int clauseStartBefore(int regionStart, int end) {
        int p = end;
        while (p > regionStart && text.charAt(p - 1) != ',' && text.charAt(p - 1) != '"') {
            p--;
        }
        return skipSpace(p, end);
    }

    /**
     * "the envoy said" / "the ministry said": the latest person before {@code at} whose role holds the noun,
     * else the latest organisation whose name holds it. Only for definite descriptions ("the ..."); "a
     * diplomat" is someone not named.
     */
    EntityIndex.Located byRoleNoun(Speaker speaker, int at) {
        String description = speaker.description();
        if (description == null || !Lexicon.lower(description).startsWith("the ")) {
            return null;
        }
        String[] words = description.split("\\s+");
        if (words.length > 4) {
            return null;
        }
        String head = Lexicon.lower(words[words.length - 1]);
        EntityIndex.Located person = null;
        EntityIndex.Located organization = null;
        for (EntityIndex.Located l : index.mentions()) {
            if (l.mention().start() >= at) {
                break;
            }
            Entity e = l.entity();
            if (e.type() == EntityType.PERSON && e.roles().stream().anyMatch(r -> hasWord(r, head))) {
                person = l;
            } else if (e.type() == EntityType.ORGANIZATION && hasWord(e.canonicalName(), head)) {
                organization = l;
            }
        }
        return person != null ? person : organization;
    }

    private static boolean hasWord(String phrase, String word) {
        for (String w : phrase.split("[\\s-]+")) {
            if (Lexicon.lower(w).equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** "said Smith" / "said the spokesperson": the speaker right after the verb. */
    Speaker speakerAfter(int verbEnd, int limit) {
        int p = skipSpace(verbEnd, limit);
        for (EntityIndex.Located l : index.mentionsIn(p, Math.min(limit, p + 1))) {
            return Speaker.named(List.of(l), l.mention().start(), l.mention().end());
        }
        int t = segmentation.firstTokenAtOrAfter(p);
        List<Token> tokens = segmentation.tokens();
        if (t < tokens.size()
                && tokens.get(t).start() == p
                && lexicon.isPronoun(tokens.get(t).text())) {
            return Speaker.pronoun(tokens.get(t));
        }
        Speaker titled = titledNameAfter(t, limit);
        if (titled != null) {
            return titled;
        }
        int end = t;
        while (end < tokens.size()
                && end - t < MAX_DESCRIPTION_TOKENS
                && tokens.get(end).end() <= limit
                && tokens.get(end).isWord()) {
            if (lexicon.isSpeakerNoun(tokens.get(end).text())
                    && end > t
                    && lexicon.isDeterminer(tokens.get(t).text())) {
                int descriptionEnd = descriptionEnd(end, limit);
                Speaker named = nameAfterDescription(p, descriptionEnd, limit);
                return named != null ? named : Speaker.unnamed(text.substring(p, descriptionEnd), p, descriptionEnd);
            }
            end++;
        }
        return null;
    }

    /**
     * "said Vice Minister of Commerce Tang Wenhui": a title of capitalised words (with "of", "for", "the", "and"
     * between them, and at least one title word) right before a person's name.
     */
    private Speaker titledNameAfter(int first, int limit) {
        List<Token> tokens = segmentation.tokens();
        boolean titleWord = false;
        for (int k = first;
                k < tokens.size()
                        && k - first <= MAX_DESCRIPTION_TOKENS
                        && tokens.get(k).end() <= limit;
                k++) {
            Token token = tokens.get(k);
            EntityIndex.Located name = index.startingAt(token.start());
            if (name != null) {
                boolean titled = name.entity().type() == EntityType.PERSON && titleWord && k > first;
                if (!titled) {
                    return null;
                }
                int start = tokens.get(first).start();
                return new Speaker(
                        List.of(name),
                        null,
                        text.substring(start, tokens.get(k - 1).end()),
                        start,
                        name.mention().end());
            }
            boolean joiner = TITLE_JOINERS.contains(token.text()) && k > first;
            if (!token.isWord() || !(token.isCapitalized() || joiner)) {
                return null;
            }
            titleWord |= lexicon.isTitleWord(token.text());
        }
        return null;
    }

    /** "the state's chief health officer": the description goes on over lower-case words to its last noun. */
    private int descriptionEnd(int head, int limit) {
        List<Token> tokens = segmentation.tokens();
        int end = tokens.get(head).end();
        for (int k = head + 1; k < tokens.size() && k - head < MAX_DESCRIPTION_TOKENS; k++) {
            Token next = tokens.get(k);
            if (next.end() > limit
                    || !next.isWord()
                    || !Character.isLowerCase(next.text().charAt(0))) {
                break;
            }
            if (lexicon.isSpeakerNoun(next.text()) || lexicon.isTitleWord(next.text())) {
                end = next.end();
            }
        }
        return end;
    }

    /**
     * "said the state's chief health officer, Dr Jane Roe.": the person named right after the description (at
     * most two title words between) is the speaker, the description their role.
     */
    private Speaker nameAfterDescription(int descriptionStart, int descriptionEnd, int limit) {
        if (descriptionEnd >= text.length() || text.charAt(descriptionEnd) != ',') {
            return null;
        }
        int p = skipSpace(descriptionEnd + 1, limit);
        EntityIndex.Located name =
                index.mentionsIn(p, limit).stream().findFirst().orElse(null);
        if (name == null || name.entity().type() != EntityType.PERSON) {
            return null;
        }
        List<Token> between = segmentation.tokensIn(p, name.mention().start());
        boolean titles = between.size() <= 2
                && between.stream()
                        .allMatch(w ->
                                w.isWord() && Character.isUpperCase(w.text().charAt(0)));
        return titles
                ? new Speaker(
                        List.of(name),
                        null,
                        text.substring(descriptionStart, descriptionEnd),
                        descriptionStart,
                        name.mention().end())
                : null;
    }

    /** The title or appositive recorded for this mention, else the entity's first role. */
    String roleOf(EntityIndex.Located located) {
        for (RoleSpan role : roles) {
            if (role.mention() == located.mention()) {
                return role.role();
            }
        }
        return located.entity().roles().stream().findFirst().orElse(null);
    }

    /** True when {@code offset} lies inside a title or appositive of some person. */
    boolean insideRole(int offset) {
        for (RoleSpan role : roles) {
            if (role.contains(offset)) {
                return true;
            }
        }
        return false;
    }

    /** The speaker list "A and B" starting with {@code first}: adds B when the text continues " and [title] B". */
    List<EntityIndex.Located> withJointPartner(EntityIndex.Located first, int limit) {
        List<EntityIndex.Located> speakers = new ArrayList<>(List.of(first));
        int p = skipSpace(first.mention().end(), limit);
        if (!text.startsWith("and ", p)) {
            return speakers;
        }
        p = skipSpace(p + 3, limit);
        for (EntityIndex.Located next : index.mentionsIn(p, limit)) {
            RoleSpan title = titleBefore.get(next.mention());
            int nextStart = title != null ? title.start() : next.mention().start();
            if (nextStart == p && next.entity() != first.entity()) {
                speakers.add(next);
            }
            break;
        }
        return speakers;
    }

    private Speaker speakerEndingAt(int regionStart, int p) {
        EntityIndex.Located mention = mentionEndingAt(p);
        if (mention != null && mention.mention().start() >= regionStart) {
            Token preposition = tokenEndingAt(skipSpaceBack(mention.mention().start(), regionStart));
            Speaker described = preposition != null && PP_HEADS.contains(Lexicon.lower(preposition.text()))
                    ? describedBy(regionStart, preposition, p)
                    : null;
            if (described != null) {
                return described; // "Officials in Kyiv said": the officials speak, not the city
            }
            Speaker named = namedSpeaker(regionStart, mention, p);
            Token before = tokenEndingAt(skipSpaceBack(named.phraseStart(), regionStart));
            if (before != null && PLACE_PREPOSITIONS.contains(Lexicon.lower(before.text()))) {
                // "residents of villages near Tyre said", "the prime ministers of A and B said": a phrase about them
                // speaks
                int start = clauseStartBefore(regionStart, before.start());
                return Speaker.unnamed(text.substring(start, p), start, p);
            }
            return named;
        }
        Token token = tokenEndingAt(p);
        if (token == null || !token.isWord()) {
            return null;
        }
        if (lexicon.isPronoun(token.text())) {
            return Speaker.pronoun(token);
        }
        return lexicon.isSpeakerNoun(token.text()) ? description(regionStart, p) : null;
    }

    private Speaker namedSpeaker(int regionStart, EntityIndex.Located last, int p) {
        RoleSpan title = titleBefore.get(last.mention());
        int phraseStart = title != null ? title.start() : last.mention().start();
        List<EntityIndex.Located> named = new ArrayList<>();
        int before = skipSpaceBack(phraseStart, regionStart);
        Token and = tokenEndingAt(before);
        if (and != null && and.text().equals("and")) {
            EntityIndex.Located partner = mentionEndingAt(skipSpaceBack(and.start(), regionStart));
            if (partner != null && partner.mention().start() >= regionStart && partner.entity() != last.entity()) {
                RoleSpan partnerTitle = titleBefore.get(partner.mention());
                named.add(partner);
                phraseStart = partnerTitle != null
                        ? partnerTitle.start()
                        : partner.mention().start();
            }
        }
        named.add(last);
        return Speaker.named(named, phraseStart, p);
    }

    /** "A spokesman for Airbus": a speaker noun followed by a prepositional phrase naming an entity. */
    private Speaker describedBy(int regionStart, Token preposition, int phraseEnd) {
        int headEnd = skipSpaceBack(preposition.start(), regionStart);
        Token head = tokenEndingAt(headEnd);
        if (head == null || !lexicon.isSpeakerNoun(head.text())) {
            return null;
        }
        Speaker described = description(regionStart, headEnd);
        return described == null
                ? null
                : Speaker.unnamed(
                        text.substring(described.phraseStart(), phraseEnd), described.phraseStart(), phraseEnd);
    }

    /** "A Ukrainian official", "some Russian officials", "two people familiar with the matter". */
    private Speaker description(int regionStart, int p) {
        int sentenceStart = Math.max(regionStart, segmentation.sentenceAt(p - 1).start());
        int last = segmentation.firstTokenAtOrAfter(p) - 1;
        int first = last;
        List<Token> tokens = segmentation.tokens();
        while (first - 1 >= 0
                && last - first + 1 < MAX_DESCRIPTION_TOKENS
                && tokens.get(first - 1).start() >= sentenceStart
                && tokens.get(first - 1).isWord()) {
            first--;
        }
        while (first < last
                && LEADING_CONJUNCTIONS.contains(Lexicon.lower(tokens.get(first).text()))) {
            first++;
        }
        Token head = tokens.get(last);
        boolean plural = Lexicon.lower(head.text()).endsWith("s");
        if (!lexicon.isDeterminer(tokens.get(first).text()) && !plural) {
            return null;
        }
        int start = tokens.get(first).start();
        return Speaker.unnamed(text.substring(start, p), start, p);
    }

    /**
     * Start (the comma or bracket) of a short verb-less parenthetical ending at {@code closing}: ", however," or
     * "(JCS)" between a speaker and the verb.
     */
    private int parentheticalStart(int regionStart, int closing) {
        int opening = text.lastIndexOf(text.charAt(closing) == ')' ? '(' : ',', closing - 1);
        if (opening < regionStart) {
            return -1;
        }
        List<Token> inside = segmentation.tokensIn(opening + 1, closing);
        if (inside.isEmpty() || inside.size() > MAX_PARENTHETICAL_TOKENS) {
            return -1;
        }
        for (Token t : inside) {
            if (lexicon.isReportingVerb(t.text()) || t.text().equals("\"")) {
                return -1;
            }
        }
        return opening;
    }

    private EntityIndex.Located mentionEndingAt(int end) {
        EntityIndex.Located located = index.endingAt(end);
        if (located == null && end >= 2 && text.startsWith("'s", end - 2)) {
            located = index.endingAt(end - 2);
        }
        return located;
    }

    private DateResult dateEndingAt(int end) {
        for (DateResult d : dates) {
            if (d.end() == end) {
                return d;
            }
        }
        return null;
    }

    Token tokenEndingAt(int end) {
        int i = segmentation.firstTokenAtOrAfter(end) - 1;
        if (i >= 0 && segmentation.tokens().get(i).end() == end) {
            return segmentation.tokens().get(i);
        }
        return null;
    }

    private int skipSpaceBack(int p, int floor) {
        while (p > floor && Character.isWhitespace(text.charAt(p - 1))) {
            p--;
        }
        return p;
    }

    int skipSpace(int p, int limit) {
        while (p < limit && Character.isWhitespace(text.charAt(p))) {
            p++;
        }
        return p;
    }
}
