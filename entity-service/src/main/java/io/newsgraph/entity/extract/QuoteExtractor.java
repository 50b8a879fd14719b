package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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
 * "CLAUSE, X reported".
 */
final class QuoteExtractor {

    private static final int MAX_ATTRIBUTION_TOKENS = 25;
    private static final int MAX_TAIL_TOKENS = 5;
    private static final int CONTINUATION_PARAGRAPHS = 1;
    private static final int PRONOUN_PARAGRAPHS = 3;
    /** "said in a joint statement on Tuesday that ...": the clause starts after "that". */
    private static final Set<String> LEAD_PREPOSITIONS = Set.of("in", "on", "at", "during", "after", "before", "to");
    private static final Set<String> PREPOSITIONS = Set.of("on", "in", "at", "by", "since", "until", "last", "this", "next");
    private static final Set<String> TELL_VERBS = Set.of("told", "tells", "tell", "telling");
    private static final Pattern PARAGRAPH_JOIN = Pattern.compile("\\s*\\n\\s*\"?");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(", (?:while|whereas|but|although) |; ");

    private final Segmentation segmentation;
    private final String text;
    private final EntityIndex index;
    private final AttributionFinder attribution;
    private final QuoteMarkScanner scanner;
    private final Lexicon lexicon;
    private final List<DateResult> dates;

    QuoteExtractor(Segmentation segmentation, String original, EntityIndex index, List<RoleSpan> roles,
                   List<DateResult> dates, Lexicon lexicon) {
        this.segmentation = segmentation;
        this.text = segmentation.text();
        this.index = index;
        this.lexicon = lexicon;
        this.dates = dates;
        this.attribution = new AttributionFinder(segmentation, index, roles, dates, lexicon);
        this.scanner = new QuoteMarkScanner(segmentation, original, attribution, lexicon);
    }

    /** An attributed quotation before conversion, kept to resolve pronouns and continuations. */
    private record Attributed(QuoteSpan span, QuoteKind kind, Speaker speaker, List<EntityIndex.Located> resolved, Token verb) {
    }

    List<QuoteResult> extract() {
        List<Attributed> quotes = new ArrayList<>();
        Attributed lastNamedDirect = null;
        for (QuoteSpan span : scanner.scan()) {
            if (span.end() <= span.start()) {
                continue;
            }
            Attributed quote = opensUtterance(span) ? attributeDirect(span, lastNamedDirect) : attributeEmbedded(span, lastNamedDirect, quotes);
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
        results.addAll(reportedSpeech(quotes));
        results.sort(Comparator.comparingInt(QuoteResult::start));
        return List.copyOf(results);
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
            return new Attributed(span, QuoteKind.DIRECT, previous.speaker(), previous.resolved(), previous.verb());
        }
        return new Attributed(span, QuoteKind.DIRECT, null, List.of(), null);
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
            if (speaker != null && (token.start() == first || speaker.phraseStart() == first)) {
                return resolve(span, QuoteKind.DIRECT, speaker, token, previous);
            }
            return null;
        }
        return null;
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
                return new Attributed(span, QuoteKind.PARTIAL, q.speaker(), q.resolved(), verb != null ? verb : q.verb());
            }
        }
        if (verb != null) {
            Speaker speaker = attribution.speakerBefore(sentence.start(), verb.start());
            if (speaker != null && !speaker.isPronoun()) {
                return new Attributed(span, QuoteKind.PARTIAL, speaker, speaker.named(), verb);
            }
        }
        EntityIndex.Located subject = sentenceSubject(sentence.start(), span.openMark());
        if (subject == null) {
            return new Attributed(span, QuoteKind.PARTIAL, null, List.of(), verb);
        }
        List<EntityIndex.Located> speakers = attribution.withJointPartner(subject, span.openMark());
        int end = speakers.get(speakers.size() - 1).mention().end();
        return new Attributed(span, QuoteKind.PARTIAL, Speaker.named(speakers, subject.mention().start(), end), speakers, verb);
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
        return new Attributed(span, kind, speaker, resolveSpeaker(speaker, span.openMark(), previous), verb);
    }

    private List<EntityIndex.Located> resolveSpeaker(Speaker speaker, int at, Attributed previous) {
        if (speaker.isNamed()) {
            return speaker.named();
        }
        if (!speaker.isPronoun()) {
            return List.of();
        }
        if (previous != null && paragraphsBetween(previous.span().end(), at) <= PRONOUN_PARAGRAPHS) {
            return previous.resolved();
        }
        EntityIndex.Located person = index.lastPersonBefore(at);
        return person == null ? List.of() : List.of(person);
    }

    private List<QuoteResult> reportedSpeech(List<Attributed> quotes) {
        List<QuoteResult> reported = new ArrayList<>();
        for (Segmentation.Sentence sentence : segmentation.sentences()) {
            if (containsDirectQuote(sentence, quotes)) {
                continue;
            }
            QuoteResult head = null;
            for (Token token : segmentation.tokensIn(sentence.start(), sentence.end())) {
                if (!lexicon.isReportingVerb(token.text()) || insideQuote(token.start(), quotes)) {
                    continue;
                }
                int regionStart = head != null ? head.start() : sentence.start();
                Speaker speaker = attribution.speakerBefore(regionStart, token.start());
                if (speaker == null) {
                    continue;
                }
                int comma = commaBefore(regionStart, speaker.phraseStart());
                if (comma >= 0 && isShortTail(token.end(), sentence.end())) {
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
        reported.removeIf(q -> q.end() <= q.start());
        return reported;
    }

    private QuoteResult reported(int start, int end, Speaker speaker, Token verb) {
        Attributed a = new Attributed(null, QuoteKind.REPORTED, speaker, resolveSpeaker(speaker, start, null), verb);
        return toResult(start, end, text.substring(start, end), a);
    }

    private QuoteResult trimmed(QuoteResult q, int end) {
        int newEnd = Math.max(q.start(), end);
        return new QuoteResult(q.start(), newEnd, text.substring(q.start(), newEnd), q.speakerKey(), q.speakerKeys(),
                q.speakerSurface(), q.speakerDescription(), q.speakerRole(), q.verb(), q.kind());
    }

    /** After the verb: skips ", however,", a time expression right after it, and "that". */
    private int clauseStart(Token verb, int sentenceEnd) {
        List<Token> after = segmentation.tokensIn(verb.end(), sentenceEnd);
        int i = 0;
        boolean prepositionalLead = !after.isEmpty() && LEAD_PREPOSITIONS.contains(Lexicon.lower(after.get(0).text()));
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
        long words = segmentation.tokensIn(from, sentenceEnd).stream().filter(Token::isWord).count();
        return words <= MAX_TAIL_TOKENS;
    }

    private int commaBefore(int floor, int phraseStart) {
        int p = phraseStart;
        while (p > floor && Character.isWhitespace(text.charAt(p - 1))) {
            p--;
        }
        return p > floor && text.charAt(p - 1) == ',' ? p - 1 : -1;
    }

    private boolean containsDirectQuote(Segmentation.Sentence sentence, List<Attributed> quotes) {
        for (Attributed q : quotes) {
            if (q.kind() == QuoteKind.DIRECT && q.span().openMark() < sentence.end() && q.span().after() + 1 > sentence.start()) {
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
        List<String> keys = a.resolved().stream().map(l -> l.entity().key()).distinct().toList();
        String surface = null;
        String description = null;
        String role = null;
        if (speaker != null) {
            surface = speaker.isPronoun() ? speaker.pronoun()
                    : speaker.isNamed() ? String.join(" and ", speaker.named().stream().map(l -> l.mention().surface()).toList())
                    : null;
            description = speaker.description();
            if (!a.resolved().isEmpty()) {
                role = attribution.roleOf(a.resolved().get(0));
            }
        }
        return new QuoteResult(start, end, quoted, keys.isEmpty() ? null : keys.get(0), keys, surface, description, role,
                a.verb() == null ? null : Lexicon.lower(a.verb().text()), a.kind());
    }
}
