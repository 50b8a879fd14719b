package io.newsgraph.article.query;

import io.newsgraph.article.query.QueryNode.And;
import io.newsgraph.article.query.QueryNode.Field;
import io.newsgraph.article.query.QueryNode.Not;
import io.newsgraph.article.query.QueryNode.Or;
import io.newsgraph.article.query.QueryNode.Phrase;
import io.newsgraph.article.query.QueryNode.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses search text. Syntax (docs/search.md): words (all must match), {@code "phrases"}, {@code "phrase"~N}
 * (within N positions), {@code OR} / {@code AND} / {@code NOT} (upper case; AND binds tighter than OR), {@code -word}
 * and {@code -"phrase"} (exclude), {@code prefix*} (at least 2 characters, star only at the end), parentheses, and
 * the field scopes {@code title:}, {@code body:}, {@code author:}, {@code source:} before a word, phrase or group.
 * Other punctuation separates words; a colon after any other word is punctuation too ("Update: talks").
 * Errors name the character where they are: an unclosed quote or parenthesis, an operator with nothing to apply to,
 * a star anywhere but at the end of a word, too many terms.
 */
public final class QueryParser {
    public static final int MAX_TERMS = 64;
    static final int MAX_SLOP = 50;
    static final int MIN_PREFIX = 2;

    private final String text;
    private int pos;
    private int terms;

    private QueryParser(String text) {
        this.text = text;
    }

    /** The parsed query, or null when the text holds no searchable word (only punctuation). */
    public static QueryNode parse(String text) {
        QueryParser parser = new QueryParser(text);
        QueryNode node = parser.or(0);
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw new QuerySyntaxException("')' without a matching '('", parser.pos);
        }
        return node;
    }

    private QueryNode or(int depth) {
        List<QueryNode> any = new ArrayList<>();
        skipSpace();
        int start = pos;
        QueryNode first = and(depth);
        if (first != null) {
            any.add(first);
        }
        boolean leftEmpty = pos == start;
        while (keyword("OR")) {
            int at = pos - 2;
            skipSpace();
            int from = pos;
            QueryNode next = and(depth);
            // Nothing at all on a side is an error; punctuation only (' OR x) just adds no term.
            if (leftEmpty || pos == from) {
                throw new QuerySyntaxException("OR needs a term on both sides", at);
            }
            if (next != null) {
                any.add(next);
            }
            leftEmpty = false;
        }
        return any.isEmpty() ? null : any.size() == 1 ? any.get(0) : new Or(any);
    }

    private QueryNode and(int depth) {
        List<QueryNode> all = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) == ')' || peekKeyword("OR")) {
                break;
            }
            if (keyword("AND")) {
                int at = pos - 3;
                skipSpace();
                if (all.isEmpty()
                        || pos >= text.length()
                        || text.charAt(pos) == ')'
                        || peekKeyword("OR")
                        || peekKeyword("AND")) {
                    throw new QuerySyntaxException("AND needs a term on both sides", at);
                }
                continue;
            }
            QueryNode unary = unary(depth);
            if (unary != null) {
                all.add(unary);
            }
        }
        return all.isEmpty() ? null : all.size() == 1 ? all.get(0) : new And(all);
    }

    private QueryNode unary(int depth) {
        int at = pos;
        if (keyword("NOT")) {
            return negate(at, "NOT", depth);
        }
        if (text.charAt(pos) == '-' && pos + 1 < text.length() && startsTerm(text.charAt(pos + 1))) {
            pos++;
            return negate(at, "-", depth);
        }
        return primary(null, depth);
    }

    private QueryNode negate(int at, String operator, int depth) {
        skipSpace();
        QueryNode excluded = pos < text.length() ? primary(null, depth) : null;
        if (excluded == null) {
            throw new QuerySyntaxException(operator + " needs a term after it", at);
        }
        return new Not(excluded);
    }

    private QueryNode primary(Field field, int depth) {
        skipSpace();
        if (pos >= text.length()) {
            return null;
        }
        char c = text.charAt(pos);
        if (c == '(') {
            if (depth >= 8) {
                throw new QuerySyntaxException("parentheses nest deeper than 8 levels", pos);
            }
            int open = pos++;
            QueryNode inner = or(depth + 1);
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw new QuerySyntaxException("'(' is never closed", open);
            }
            pos++;
            return field == null || inner == null ? inner : scoped(inner, field, open);
        }
        if (c == '"') {
            return phrase(field);
        }
        int start = pos;
        while (pos < text.length()
                && !Character.isWhitespace(text.charAt(pos))
                && "()\"".indexOf(text.charAt(pos)) < 0) {
            if (text.charAt(pos) == ':' && field == null) {
                Field scope = scope(text.substring(start, pos));
                if (scope != null) {
                    pos++;
                    if (pos >= text.length() || Character.isWhitespace(text.charAt(pos))) {
                        throw new QuerySyntaxException(
                                text.substring(start, pos) + " needs a word, phrase or group right after it", start);
                    }
                    return primary(scope, depth);
                }
            }
            pos++;
        }
        return word(text.substring(start, pos), start, field);
    }

    private QueryNode phrase(Field field) {
        int open = pos++;
        int close = text.indexOf('"', pos);
        if (close < 0) {
            throw new QuerySyntaxException("quote is never closed", open);
        }
        String words = text.substring(pos, close).strip();
        pos = close + 1;
        int slop = 0;
        if (pos < text.length() && text.charAt(pos) == '~') {
            int start = ++pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos == start || pos - start > 3 || Integer.parseInt(text.substring(start, pos)) > MAX_SLOP) {
                throw new QuerySyntaxException("~ after a phrase takes a distance from 0 to " + MAX_SLOP, start - 1);
            }
            slop = Integer.parseInt(text.substring(start, pos));
        }
        if (!searchable(words)) {
            return null;
        }
        count(open);
        return new Phrase(words, slop, field);
    }

    private QueryNode word(String raw, int start, Field field) {
        int star = raw.indexOf('*');
        boolean prefix = star >= 0;
        if (prefix && star != raw.length() - 1) {
            throw new QuerySyntaxException("'*' may only end a word (prefix search)", start + star);
        }
        String word = prefix ? raw.substring(0, star) : raw;
        if (!searchable(word)) {
            if (prefix && !word.isEmpty()) {
                throw new QuerySyntaxException("a prefix needs at least " + MIN_PREFIX + " letters or digits", start);
            }
            return null; // punctuation only: nothing to search for
        }
        if (prefix && word.codePoints().filter(Character::isLetterOrDigit).count() < MIN_PREFIX) {
            throw new QuerySyntaxException("a prefix needs at least " + MIN_PREFIX + " letters or digits", start);
        }
        count(start);
        return new Word(word, prefix, field);
    }

    private static QueryNode scoped(QueryNode node, Field field, int at) {
        return switch (node) {
            case Word w -> new Word(w.text(), w.prefix(), w.field() == null ? field : w.field());
            case Phrase p -> new Phrase(p.text(), p.slop(), p.field() == null ? field : p.field());
            case And a ->
                new And(a.all().stream().map(n -> scoped(n, field, at)).toList());
            case Or o -> new Or(o.any().stream().map(n -> scoped(n, field, at)).toList());
            case Not n -> new Not(scoped(n.excluded(), field, at));
        };
    }

    private void count(int at) {
        if (++terms > MAX_TERMS) {
            throw new QuerySyntaxException("more than " + MAX_TERMS + " terms", at);
        }
    }

    private static Field scope(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "title" -> Field.TITLE;
            case "body" -> Field.BODY;
            case "author" -> Field.AUTHOR;
            case "source" -> Field.SOURCE;
            default -> null;
        };
    }

    /** What may follow a minus for it to exclude: "-word", "-\"phrase\"", "-(group)"; "--" or "- " is punctuation. */
    private static boolean startsTerm(char c) {
        return Character.isLetterOrDigit(c) || c == '"' || c == '(';
    }

    private static boolean searchable(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private boolean keyword(String word) {
        skipSpace();
        if (peekKeyword(word)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private boolean peekKeyword(String word) {
        int end = pos + word.length();
        return text.startsWith(word, pos)
                && (end == text.length()
                        || Character.isWhitespace(text.charAt(end))
                        || text.charAt(end) == '('
                        || text.charAt(end) == '"');
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
