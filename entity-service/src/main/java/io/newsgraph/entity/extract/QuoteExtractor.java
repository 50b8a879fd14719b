package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns quotation spans into attributed {@link QuoteResult}s and adds reported speech.
 *
 * <p>A quotation is DIRECT when it opens a sentence, follows a colon or "X said,", or ends with its
 * own punctuation inside the marks; otherwise it is a PARTIAL fragment of the reporter's sentence.
 * Direct quotations are attributed, in order, to: an attribution found inside an unclosed quotation;
 * the clause right after the closing mark ({@code ," X said}, {@code ," said X}); the clause before a
 * colon or comma ({@code X said: "}); else the previous direct quotation's speaker when it is in the
 * same or the previous paragraph (news convention for continued quotes). Pronoun speakers resolve to
 * the latest named speaker, falling back to the latest person mentioned.
 *
 * <p>Partial quotes take the speaker of a direct quotation in the same sentence, else the sentence's
 * subject (its first person or organisation outside a title). Reported speech is a reporting verb with an
 * adjacent speaker in a sentence without a direct quotation: "X said [that] CLAUSE" or
 * "CLAUSE, X reported". Titles of works and nicknames in quote marks are not quotes.
 *
 * <p>Discourse: "he"/"she" resolve to the topic person (the first person named outside titles and quotes in
 * the nearest preceding sentence that names one), "it" to the topic organisation; "the envoy" / "the
 * ministry" to the latest person whose role, or organisation whose name, holds that noun. A quotation
 * paragraph without attribution continues the speaker of the previous paragraph's quotation or reported
 * speech. "X said, quoting Y" / "on behalf of Y" / "a spokesman for Y" record Y as {@code onBehalfOf}.
 */
final class QuoteExtractor {

    private static final int MAX_ATTRIBUTION_TOKENS = 25;
    private static final int MAX_TAIL_TOKENS = 5;
    private static final int CONTINUATION_PARAGRAPHS = 1;
    private static final int PRONOUN_PARAGRAPHS = 3;
    /** "said in a joint statement on Tuesday that ...": the clause starts after "that". */
    private static final Set<String> LEAD_PREPOSITIONS = Set.of("in", "on", "at", "during", "after", "before", "to");

    private static final Set<String> PREPOSITIONS =
            Set.of("on", "in", "at", "by", "since", "until", "last", "this", "next");
    private static final Set<String> CONJUNCTIONS = Set.of("and", "but", "or", "while", "as", "then", "so");
    private static final Set<String> TELL_VERBS = Set.of("told", "tells", "tell", "telling");
    private static final Pattern PARAGRAPH_JOIN = Pattern.compile("\\s*\\n\\s*\"?");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(", (?:while|whereas|but|although) |; ");
    /** "..., quoting Secretary-General Y" / "on behalf of Y": the principal a spokesperson speaks for. */
    private static final Pattern ON_BEHALF = Pattern.compile("\\b(?:quoting|on behalf of)\\s+");
    /** "known to fans as", "dubbed", "nicknamed", "titled": the quoted words that follow are a name. */
    private static final Pattern NAMING_CUE = Pattern.compile(
            "\\b(?:(?:known|referred to)(?: [a-z]+){0,3} as|dubbed|nicknamed|(?:en)?titled|so-called|named)\\s*$");

    private static final Set<String> TITLE_FUNCTION_WORDS =
            Set.of("a", "an", "the", "and", "of", "in", "on", "for", "to", "at", "with", "or", "by", "from");
    private static final int MAX_TITLE_WORDS = 8;
    private static final int TOPIC_SENTENCES = 4;
    private static final int MAX_TITLE_GAP_TOKENS = 6;
    /** Confidence of each way of finding a speaker (QuoteResult.confidence). */
    private static final double ADJACENT = 0.95;

    private static final double ADJACENT_UNNAMED = 0.9;
    private static final double PRONOUN = 0.8;
    private static final double CONTINUED = 0.8;
    private static final double ROLE = 0.75;
    private static final double SUBJECT = 0.7;
    private static final double CONTINUED_FROM_REPORTED = 0.7;

    private final Segmentation segmentation;
    private final String text;
    private final EntityIndex index;
    private final AttributionFinder attribution;
    private final QuoteMarkScanner scanner;
    private final Lexicon lexicon;
    private final List<DateResult> dates;
    private List<QuoteSpan> spans = List.of();

    QuoteExtractor(
            Segmentation segmentation,
            String original,
            EntityIndex index,
            List<RoleSpan> roles,
            List<DateResult> dates,
            Lexicon lexicon) {
        this.segmentation = segmentation;
        this.text = segmentation.text();
        this.index = index;
        this.lexicon = lexicon;
        this.dates = dates;
        this.attribution = new AttributionFinder(segmentation, index, roles, dates, lexicon);
        this.scanner = new QuoteMarkScanner(segmentation, original, attribution, lexicon);
    }

    /** An attributed quotation before conversion, kept to resolve pronouns and continuations. */
    private record Attributed(
            QuoteSpan span,
            QuoteKind kind,
            Speaker speaker,
            List<EntityIndex.Located> resolved,
            Token verb,
            EntityIndex.Located onBehalfOf,
            double confidence) {

        Attributed(
                QuoteSpan span,
                QuoteKind kind,
                Speaker speaker,
                List<EntityIndex.Located> resolved,
                Token verb,
                double confidence) {
            this(span, kind, speaker, resolved, verb, null, confidence);
        }

        Attributed with(QuoteSpan otherSpan, QuoteKind otherKind, Token otherVerb, double otherConfidence) {
            return new Attributed(otherSpan, otherKind, speaker, resolved, otherVerb, onBehalfOf, otherConfidence);
        }
    }

    List<QuoteResult> extract() {
        List<Attributed> quotes = new ArrayList<>();
        Attributed lastNamedDirect = null;
        spans = scanner.scan();
        for (QuoteSpan span : spans) {
            if (span.end() <= span.start() || isName(span)) {
                continue;
            }
            Attributed quote = opensUtterance(span)
                    ? attributeDirect(span, lastNamedDirect)
                    : attributeEmbedded(span, lastNamedDirect, quotes);
            QuoteKind kind = quote.kind();
            quotes.add(quote);
            if (kind == QuoteKind.DIRECT && !quote.resolved().isEmpty()) {
                lastNamedDirect = quote;
            }
        }
        List<QuoteResult> results = new ArrayList<>();
        for (Attributed q : quotes) {
            int start = attribution.skipSpace(q.span().start(), q.span().end());
            int end = q.span().end();
            while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
                end--;
            }
            String quoted = PARAGRAPH_JOIN.matcher(text.substring(start, end)).replaceAll(" ");
            results.add(toResult(start, end, quoted, q));
        }
        List<QuoteResult> reported = reportedSpeech(quotes);
        results.addAll(reported);
        results.sort(Comparator.comparingInt(QuoteResult::start));
        return continuedFromReported(results);
    }

    /**
     * A title of a work or a nickname in quote marks: inside a sentence, after "known as" / "dubbed" / ..., or
     * every word capitalised (function words aside) with no sentence punctuation: "The Quiet Harbour".
     */
    private boolean isName(QuoteSpan span) {
        if (!span.closed()) {
            return false;
        }
        Segmentation.Sentence sentence = segmentation.sentenceAt(span.openMark());
        String before = text.substring(Math.max(sentence.start(), span.openMark() - 60), span.openMark());
        if (NAMING_CUE.matcher(before).find()) {
            return true;
        }
        String quoted = text.substring(span.start(), span.end()).strip();
        if (quoted.isEmpty() || ".?!,;:".indexOf(quoted.charAt(quoted.length() - 1)) >= 0) {
            return false;
        }
        List<Token> words = segmentation.tokensIn(span.start(), span.end()).stream()
                .filter(Token::isWord)
                .toList();
        if (words.isEmpty()
                || words.size() > MAX_TITLE_WORDS
                || !Character.isUpperCase(words.get(0).text().charAt(0))) {
            return false;
        }
        for (Token w : words) {
            if (!Character.isUpperCase(w.text().charAt(0)) && !TITLE_FUNCTION_WORDS.contains(w.text())) {
                return false;
            }
        }
        // A capitalised fragment attributed right after its closing mark is an utterance ("Stop It Now," she said).
        return words.size() > 1 && attributionAfter(span, null) == null;
    }

    /**
     * A direct quotation left without a speaker continues the speaker of reported speech in the same or the
     * previous paragraph ("She said ... . / "We will keep working ...").
     */
    private List<QuoteResult> continuedFromReported(List<QuoteResult> results) {
        List<QuoteResult> out = new ArrayList<>(results.size());
        QuoteResult lastAttributed = null;
        for (QuoteResult q : results) {
            QuoteResult current = q;
            if (q.kind() == QuoteKind.DIRECT
                    && q.speakerKey() == null
                    && q.speakerDescription() == null
                    && lastAttributed != null
                    && lastAttributed.kind() == QuoteKind.INDIRECT
                    && paragraphsBetween(lastAttributed.end(), q.start()) <= CONTINUATION_PARAGRAPHS) {
                current = new QuoteResult(
                        q.start(),
                        q.end(),
                        q.text(),
                        lastAttributed.speakerKey(),
                        lastAttributed.speakerKeys(),
                        null,
                        null,
                        lastAttributed.speakerRole(),
                        null,
                        q.kind(),
                        lastAttributed.onBehalfOfKey(),
                        CONTINUED_FROM_REPORTED);
            }
            if (current.speakerKey() != null) {
                lastAttributed = current;
            }
            out.add(current);
        }
        return List.copyOf(out);
    }

    /** Inside a sentence, a quotation is direct only when it is attributed right after its closing mark. */
    private Attributed attributeEmbedded(QuoteSpan span, Attributed previous, List<Attributed> earlier) {
        char last = text.charAt(span.end() - 1);
        if (".?!,".indexOf(last) >= 0) {
            Attributed after = attributionAfter(span, previous);
            if (after != null) {
                return after;
            }
        }
        return attributePartial(span, earlier);
    }

    /** Starts a sentence, follows a colon, or follows "X said,". */
    private boolean opensUtterance(QuoteSpan span) {
        Segmentation.Sentence sentence = segmentation.sentenceAt(span.openMark());
        String before = text.substring(sentence.start(), span.openMark()).strip();
        if (before.isEmpty() || before.endsWith(":")) {
            return true;
        }
        if (before.endsWith(",")) {
            Token last = attribution.tokenEndingAt(text.lastIndexOf(',', span.openMark()));
            if (last != null && lexicon.isReportingVerb(last.text())) {
                return true;
            }
        }
        return false;
    }

    private Attributed attributeDirect(QuoteSpan span, Attributed previous) {
        if (span.innerSpeaker() != null) {
            return resolve(span, QuoteKind.DIRECT, span.innerSpeaker(), span.innerVerb(), previous);
        }
        Attributed after = attributionAfter(span, previous);
        if (after != null) {
            return after;
        }
        Attributed before = attributionBefore(span, previous);
        if (before != null) {
            return before;
        }
        if (previous != null && paragraphsBetween(previous.span().end(), span.openMark()) <= CONTINUATION_PARAGRAPHS) {
            return previous.with(span, QuoteKind.DIRECT, previous.verb(), CONTINUED);
        }
        return new Attributed(span, QuoteKind.DIRECT, null, List.of(), null, 0.0);
    }

    /** {@code ," X said ...} or {@code ," said X}: the clause right after the closing mark. */
    private Attributed attributionAfter(QuoteSpan span, Attributed previous) {
        int from = span.after();
        int limit = clauseLimit(from);
        int first = attribution.skipSpace(from, limit);
        List<Token> tokens = segmentation.tokensIn(from, limit);
        for (int i = 0; i < tokens.size() && i < MAX_ATTRIBUTION_TOKENS; i++) {
            Token token = tokens.get(i);
            if (!lexicon.isReportingVerb(token.text())) {
                continue;
            }
            Speaker speaker = token.start() == first
                    ? attribution.speakerAfter(token.end(), limit)
                    : attribution.speakerBefore(from, token.start());
            if (speaker != null
                    && (token.start() == first
                            || speaker.phraseStart() == first
                            || speaker.isNamed() && isTitleGap(first, speaker))) {
                return resolve(span, QuoteKind.DIRECT, speaker, token, previous);
            }
            return null;
        }
        return null;
    }

    /**
     * {@code ," Ukrenergo chief executive Jane Roe said}: words between the quotation and the name that the
     * role stage did not take as a title, all on one clause (no comma, no quote mark) and starting capitalised, or
     * lower-case words right before a title ({@code ," city water secretary Jane Roe said}).
     */
    private boolean isTitleGap(int first, Speaker speaker) {
        int phraseStart = speaker.phraseStart();
        if (phraseStart <= first) {
            return false;
        }
        String gap = text.substring(first, phraseStart);
        List<Token> words = segmentation.tokensIn(first, phraseStart);
        // lower-case words only before a title: {@code ," city water secretary Jane Roe said}
        boolean titled = speaker.named().get(0).mention().start() > phraseStart;
        boolean describes = Character.isUpperCase(text.charAt(first))
                || titled && words.stream().allMatch(w -> w.isWord() && !CONJUNCTIONS.contains(w.text()));
        return describes && gap.indexOf(',') < 0 && gap.indexOf('"') < 0 && words.size() <= MAX_TITLE_GAP_TOKENS;
    }

    /** {@code X said: "...} or {@code X said, "...}: a reporting verb shortly before the opening mark. */
    private Attributed attributionBefore(QuoteSpan span, Attributed previous) {
        Segmentation.Sentence sentence = segmentation.sentenceAt(span.openMark());
        String lead = text.substring(sentence.start(), span.openMark()).strip();
        if (!(lead.endsWith(":") || lead.endsWith(","))) {
            return null;
        }
        List<Token> tokens = segmentation.tokensIn(sentence.start(), span.openMark());
        for (int i = tokens.size() - 1; i >= 0 && tokens.size() - i <= 8; i--) {
            Token token = tokens.get(i);
            if (lexicon.isReportingVerb(token.text())) {
                Speaker speaker = attribution.speakerBefore(sentence.start(), token.start());
                return speaker == null ? null : resolve(span, QuoteKind.DIRECT, speaker, token, previous);
            }
        }
        return null;
    }

    private Attributed attributePartial(QuoteSpan span, List<Attributed> earlier) {
        Segmentation.Sentence sentence = segmentation.sentenceAt(span.openMark());
        Token verb = lastReportingVerb(sentence.start(), span.openMark());
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Attributed q = earlier.get(i);
            if (q.kind() == QuoteKind.DIRECT && q.span().openMark() >= sentence.start() && q.speaker() != null) {
                return q.with(span, QuoteKind.PARTIAL, verb != null ? verb : q.verb(), q.confidence());
            }
        }
        if (verb != null) {
            Speaker speaker = attribution.speakerBefore(sentence.start(), verb.start());
            if (speaker != null) {
                Attributed resolved = resolve(span, QuoteKind.PARTIAL, speaker, verb, null);
                if (!resolved.resolved().isEmpty() || speaker.description() != null) {
                    return resolved;
                }
            }
        }
        EntityIndex.Located subject = sentenceSubject(sentence.start(), span.openMark());
        if (subject == null) {
            return new Attributed(span, QuoteKind.PARTIAL, null, List.of(), verb, 0.0);
        }
        List<EntityIndex.Located> speakers = attribution.withJointPartner(subject, span.openMark());
        int end = speakers.get(speakers.size() - 1).mention().end();
        return new Attributed(
                span,
                QuoteKind.PARTIAL,
                Speaker.named(speakers, subject.mention().start(), end),
                speakers,
                verb,
                SUBJECT);
    }

    /** The first person outside a title before {@code to}, else the first organisation. */
    private EntityIndex.Located sentenceSubject(int from, int to) {
        EntityIndex.Located organization = null;
        for (EntityIndex.Located l : index.mentionsIn(from, to)) {
            if (attribution.insideRole(l.mention().start())) {
                continue;
            }
            if (l.entity().type() == EntityType.PERSON) {
                return l;
            }
            if (organization == null && l.entity().type() == EntityType.ORGANIZATION) {
                organization = l;
            }
        }
        return organization;
    }

    private Attributed resolve(QuoteSpan span, QuoteKind kind, Speaker speaker, Token verb, Attributed previous) {
        int at = span == null ? speaker.phraseStart() : span.openMark();
        List<EntityIndex.Located> resolved = resolveSpeaker(speaker, at, previous);
        double confidence = speaker.isNamed()
                ? ADJACENT
                : speaker.isPronoun()
                        ? (resolved.isEmpty() ? 0.0 : PRONOUN)
                        : resolved.isEmpty() ? ADJACENT_UNNAMED : ROLE;
        return new Attributed(span, kind, speaker, resolved, verb, onBehalfOf(speaker, verb, resolved), confidence);
    }

    private List<EntityIndex.Located> resolveSpeaker(Speaker speaker, int at, Attributed previous) {
        if (speaker.isNamed()) {
            return speaker.named();
        }
        if (!speaker.isPronoun()) {
            EntityIndex.Located byRole = attribution.byRoleNoun(speaker, at);
            return byRole == null ? List.of() : List.of(byRole);
        }
        String pronoun = Lexicon.lower(speaker.pronoun());
        if (pronoun.equals("he") || pronoun.equals("she") || pronoun.equals("it")) {
            EntityIndex.Located topic = topicBefore(
                    speaker.phraseStart(), pronoun.equals("it") ? EntityType.ORGANIZATION : EntityType.PERSON);
            if (topic != null) {
                return List.of(topic);
            }
        }
        if (previous != null && paragraphsBetween(previous.span().end(), at) <= PRONOUN_PARAGRAPHS) {
            return previous.resolved();
        }
        if (pronoun.equals("it")) {
            return List.of();
        }
        EntityIndex.Located person = index.lastPersonBefore(at);
        return person == null ? List.of() : List.of(person);
    }

    /**
     * The topic a pronoun at {@code at} refers to: the first entity of {@code type} named outside titles and
     * quotations in the nearest sentence before it that names one (the text before the pronoun in its own
     * sentence first), at most a few sentences back and never before the previous paragraph.
     */
    private EntityIndex.Located topicBefore(int at, EntityType type) {
        List<Segmentation.Sentence> sentences = segmentation.sentences();
        Segmentation.Sentence own = segmentation.sentenceAt(at);
        int ownIndex = sentences.indexOf(own);
        int floorParagraph = segmentation.paragraphIndexAt(at) - 1;
        for (int i = ownIndex, seen = 0; i >= 0 && seen <= TOPIC_SENTENCES; i--, seen++) {
            Segmentation.Sentence s = sentences.get(i);
            if (segmentation.paragraphIndexAt(s.start()) < floorParagraph) {
                break;
            }
            int to = i == ownIndex ? at : s.end();
            for (EntityIndex.Located l : index.mentionsIn(s.start(), to)) {
                int start = l.mention().start();
                if (l.entity().type() == type && !attribution.insideRole(start) && !insideQuoteMarks(start)) {
                    return l;
                }
            }
        }
        return null;
    }

    private boolean insideQuoteMarks(int offset) {
        for (QuoteSpan span : spans) {
            if (offset >= span.start() && offset < span.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The principal a spokesperson speaks for: "X said, quoting [Secretary-General] Y", "... on behalf of Y"
     * after the verb, or "a spokesman for [President] Y" as the speaker's own description.
     */
    private EntityIndex.Located onBehalfOf(Speaker speaker, Token verb, List<EntityIndex.Located> resolved) {
        if (speaker.description() != null && !speaker.isNamed()) {
            for (EntityIndex.Located l : index.mentionsIn(speaker.phraseStart(), speaker.phraseEnd())) {
                if (l.entity().type() == EntityType.PERSON
                        && text.substring(speaker.phraseStart(), l.mention().start())
                                .contains(" for ")) {
                    return l;
                }
            }
        }
        if (verb == null) {
            return null;
        }
        Segmentation.Sentence sentence = segmentation.sentenceAt(verb.start());
        Matcher m = ON_BEHALF.matcher(text).region(verb.end(), sentence.end());
        if (!m.find()) {
            return null;
        }
        for (EntityIndex.Located l : index.mentionsIn(m.end(), Math.min(sentence.end(), m.end() + 60))) {
            boolean self = resolved.stream().anyMatch(r -> r.entity() == l.entity());
            if (l.entity().type() == EntityType.PERSON && !self) {
                return l;
            }
        }
        return null;
    }

    private List<QuoteResult> reportedSpeech(List<Attributed> quotes) {
        List<QuoteResult> reported = new ArrayList<>();
        for (Segmentation.Sentence sentence : segmentation.sentences()) {
            if (containsDirectQuote(sentence, quotes)) {
                continue;
            }
            QuoteResult head = null;
            for (Token token : segmentation.tokensIn(sentence.start(), sentence.end())) {
                boolean reporting = lexicon.isReportingVerb(token.text())
                        || lexicon.isThatClauseVerb(token.text()) && thatFollows(token, sentence.end());
                if (!reporting || insideQuote(token.start(), quotes)) {
                    continue;
                }
                int regionStart = head != null ? head.start() : sentence.start();
                Speaker speaker = attribution.speakerBefore(regionStart, token.start());
                if (speaker == null) {
                    continue;
                }
                int comma = commaBefore(regionStart, speaker.phraseStart());
                if (comma >= 0
                        && (isShortTail(token.end(), sentence.end()) || participleTail(token.end(), sentence.end()))) {
                    if (head != null) {
                        reported.set(reported.size() - 1, trimmed(head, comma));
                    } else {
                        reported.add(reported(sentence.start(), comma, speaker, token));
                    }
                    break;
                }
                int clauseStart = clauseStart(token, sentence.end());
                int clauseEnd = clauseEnd(clauseStart, sentence.end());
                if (clauseEnd > clauseStart) {
                    head = reported(clauseStart, clauseEnd, speaker, token);
                    reported.add(head);
                }
            }
        }
        // A pronoun that resolves to nobody ("... that it claimed") is no attribution.
        reported.removeIf(q -> q.end() <= q.start() || q.speakerKey() == null && q.speakerDescription() == null);
        return reported;
    }

    private QuoteResult reported(int start, int end, Speaker speaker, Token verb) {
        Attributed a = resolve(null, QuoteKind.INDIRECT, speaker, verb, null);
        return toResult(start, end, text.substring(start, end), a);
    }

    private QuoteResult trimmed(QuoteResult q, int end) {
        int newEnd = Math.max(q.start(), end);
        return new QuoteResult(
                q.start(),
                newEnd,
                text.substring(q.start(), newEnd),
                q.speakerKey(),
                q.speakerKeys(),
                q.speakerSurface(),
                q.speakerDescription(),
                q.speakerRole(),
                q.verb(),
                q.kind(),
                q.onBehalfOfKey(),
                q.confidence());
    }

    /** "CLAUSE, X reported on Monday, citing people familiar with the matter": the tail opens with a participle. */
    private boolean participleTail(int from, int sentenceEnd) {
        int comma = text.indexOf(',', from);
        if (comma < 0 || comma >= sentenceEnd) {
            return false;
        }
        List<Token> tail = segmentation.tokensIn(comma + 1, sentenceEnd);
        return !tail.isEmpty()
                && tail.get(0).isWord()
                && Lexicon.lower(tail.get(0).text()).endsWith("ing")
                && segmentation.tokensIn(from, comma).stream()
                                .filter(Token::isWord)
                                .count()
                        <= MAX_TAIL_TOKENS;
    }

    /** "alleged that", "revealed on Monday that": "that" right after the verb and its time expression. */
    private boolean thatFollows(Token verb, int sentenceEnd) {
        List<Token> after = segmentation.tokensIn(verb.end(), sentenceEnd);
        int i = 0;
        DateResult date;
        while (i < after.size() && (date = dateAfter(after, i)) != null) {
            while (i < after.size() && after.get(i).start() < date.end()) {
                i++;
            }
        }
        return i < after.size() && after.get(i).text().equals("that");
    }

    /** After the verb: skips ", however,", a time expression right after it, and "that". */
    private int clauseStart(Token verb, int sentenceEnd) {
        List<Token> after = segmentation.tokensIn(verb.end(), sentenceEnd);
        int i = 0;
        boolean prepositionalLead = !after.isEmpty()
                && LEAD_PREPOSITIONS.contains(Lexicon.lower(after.get(0).text()));
        if (prepositionalLead || TELL_VERBS.contains(Lexicon.lower(verb.text()))) {
            for (int j = 0; j < after.size() && j < 10; j++) {
                if (after.get(j).text().equals("that")) {
                    i = j;
                    break;
                }
            }
        }
        while (i < after.size()) {
            String t = Lexicon.lower(after.get(i).text());
            if (t.equals(",") && i + 2 < after.size() && after.get(i + 2).text().equals(",")) {
                i += 3;
            } else if (t.equals("that") || t.equals(",")) {
                i++;
            } else if (dateAfter(after, i) != null) {
                int dateEnd = dateAfter(after, i).end();
                while (i < after.size() && after.get(i).start() < dateEnd) {
                    i++;
                }
            } else {
                break;
            }
        }
        return i < after.size() ? after.get(i).start() : sentenceEnd;
    }

    /** A date starting at token {@code i}, or right after it when it is a preposition ("on Sunday"). */
    private DateResult dateAfter(List<Token> tokens, int i) {
        boolean preposition = PREPOSITIONS.contains(Lexicon.lower(tokens.get(i).text())) && i + 1 < tokens.size();
        int next = preposition ? tokens.get(i + 1).start() : -1;
        for (DateResult d : dates) {
            if (d.start() == tokens.get(i).start() || d.start() == next) {
                return d;
            }
        }
        return null;
    }

    private int clauseEnd(int start, int sentenceEnd) {
        var m = CLAUSE_BREAK.matcher(text).region(start, sentenceEnd);
        int end = m.find() ? m.start() : sentenceEnd;
        while (end > start && ".!?\" ".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private boolean isShortTail(int from, int sentenceEnd) {
        long words = segmentation.tokensIn(from, sentenceEnd).stream()
                .filter(Token::isWord)
                .count();
        return words <= MAX_TAIL_TOKENS;
    }

    /** The comma before a speaker's phrase, over "the" and an owner ("CLAUSE, Qatar's Ministry of ... said"). */
    private int commaBefore(int floor, int phraseStart) {
        int p = phraseStart;
        while (true) {
            while (p > floor && Character.isWhitespace(text.charAt(p - 1))) {
                p--;
            }
            Token before = attribution.tokenEndingAt(p);
            if (before != null && (before.text().equals("'s") || before.text().equals("’s"))) {
                before = attribution.tokenEndingAt(before.start()); // the owner, tokenised apart: "Qatar" "'s"
                if (before == null || !before.isCapitalized()) {
                    break;
                }
            } else if (before == null
                    || !(before.text().equals("the")
                            || before.text().equals("The")
                            || before.isCapitalized()
                                    && (before.text().endsWith("'s")
                                            || before.text().endsWith("’s")))) {
                break;
            }
            if (before.start() < floor) {
                break;
            }
            p = before.start();
        }
        return p > floor && text.charAt(p - 1) == ',' ? p - 1 : -1;
    }

    private boolean containsDirectQuote(Segmentation.Sentence sentence, List<Attributed> quotes) {
        for (Attributed q : quotes) {
            if (q.kind() == QuoteKind.DIRECT
                    && q.span().openMark() < sentence.end()
                    && q.span().after() + 1 > sentence.start()) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideQuote(int offset, List<Attributed> quotes) {
        for (Attributed q : quotes) {
            if (offset >= q.span().start() && offset < q.span().end()) {
                return true;
            }
        }
        return false;
    }

    private Token lastReportingVerb(int from, int to) {
        Token found = null;
        for (Token t : segmentation.tokensIn(from, to)) {
            if (lexicon.isReportingVerb(t.text())) {
                found = t;
            }
        }
        return found;
    }

    /** End of the attribution clause after a quotation: the sentence end or the next quote mark. */
    private int clauseLimit(int from) {
        Segmentation.Sentence sentence = segmentation.sentenceAt(Math.max(0, from - 1));
        int limit = Math.max(sentence.end(), from);
        int nextMark = text.indexOf('"', from);
        return nextMark >= 0 && nextMark < limit ? nextMark : limit;
    }

    private int paragraphsBetween(int from, int to) {
        return segmentation.paragraphIndexAt(to) - segmentation.paragraphIndexAt(from);
    }

    private QuoteResult toResult(int start, int end, String quoted, Attributed a) {
        Speaker speaker = a.speaker();
        List<String> keys =
                a.resolved().stream().map(l -> l.entity().key()).distinct().toList();
        String surface = null;
        String description = null;
        String role = null;
        if (speaker != null) {
            surface = speaker.isPronoun()
                    ? speaker.pronoun()
                    : speaker.isNamed()
                            ? String.join(
                                    " and ",
                                    speaker.named().stream()
                                            .map(l -> l.mention().surface())
                                            .toList())
                            : speaker.description();
            description = a.resolved().isEmpty() ? speaker.description() : null;
            if (!a.resolved().isEmpty()) {
                role = speaker.isNamed() && speaker.description() != null
                        ? speaker.description()
                        : attribution.roleOf(a.resolved().get(0));
            }
        }
        String behalf = a.onBehalfOf() == null ? null : a.onBehalfOf().entity().key();
        double confidence = keys.isEmpty() && description == null ? 0.0 : a.confidence();
        return new QuoteResult(
                start,
                end,
                quoted,
                keys.isEmpty() ? null : keys.get(0),
                keys,
                surface,
                description,
                role,
                a.verb() == null ? null : Lexicon.lower(a.verb().text()),
                a.kind(),
                behalf,
                confidence);
    }
}
