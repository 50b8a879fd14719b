package io.newsgraph.article.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses plain-text wire copy: optional title line, byline block, then blank-line separated
 * paragraphs. Never throws; runs in time linear in the input.
 */
public final class WireCopyParser {

    /** Bylines appear within the first few blocks; deeper blocks are never read as bylines. */
    private static final int HEADER_BLOCKS = 4;

    private static final int MAX_TITLE_LENGTH = 200;

    /** Parses whole raw wire copy: title line, byline, body. */
    public ParsedArticle parse(String raw) {
        List<List<String>> blocks = blocks(TextNormalizer.normalize(raw));
        String title = takeTitle(blocks);
        Byline byline = takeHeaderByline(blocks, title != null);
        return collect(blocks, title != null).build(title, byline, null, null, null);
    }

    /** Parses a body only (title/author supplied elsewhere); a leading dateline still fills the byline. */
    public ParsedArticle parseBody(String body) {
        return collect(blocks(TextNormalizer.normalize(body)), false).build(null, Byline.NONE, null, null, null);
    }

    /** Blank-line separated blocks of lines (or lines, when there is no blank line), share markers dropped. */
    private static List<List<String>> blocks(String text) {
        List<List<String>> blocks = new ArrayList<>();
        if (text.isEmpty()) {
            return blocks;
        }
        // Text without any blank line (common in JSON bodies) puts one paragraph on each line.
        String[] parts = text.contains("\n\n") ? text.split("\n\n") : text.split("\n");
        for (String block : parts) {
            List<String> lines = new ArrayList<>();
            for (String line : block.split("\n")) {
                if (!NoiseRules.isShareMarker(line)) {
                    lines.add(line);
                }
            }
            if (!lines.isEmpty()) {
                blocks.add(lines);
            }
        }
        return blocks;
    }

    /** Removes and returns the title line, or returns {@code null} when the text starts with no title. */
    private static String takeTitle(List<List<String>> blocks) {
        if (blocks.isEmpty()) {
            return null;
        }
        List<String> first = blocks.get(0);
        String candidate = first.get(0);
        boolean restAreBylines = first.stream().skip(1).allMatch(line -> Bylines.parseLine(line, true) != null);
        // Hard-wrapped copy may run the body on right under the headline; a dateline opening it marks the title.
        boolean bodyFollows =
                first.size() > 1 && Datelines.match(String.join(" ", first.subList(1, first.size()))) != null;
        if (!(restAreBylines || bodyFollows) || !looksLikeTitle(candidate)) {
            return null;
        }
        first.remove(0);
        if (first.isEmpty()) {
            blocks.remove(0);
        }
        return candidate;
    }

    private static boolean looksLikeTitle(String line) {
        return line.length() <= MAX_TITLE_LENGTH
                && !line.endsWith(".")
                && !line.endsWith("。")
                && Bylines.parseLine(line, false) == null
                && Captions.parse(line) == null
                && !NoiseRules.isFooter(line)
                && Datelines.match(line) == null;
    }

    /**
     * Removes byline lines from the header blocks and returns their merged content. Scanning skips
     * over captions and stops at the first block that still holds body text.
     */
    private static Byline takeHeaderByline(List<List<String>> blocks, boolean afterTitle) {
        Byline byline = Byline.NONE;
        int index = 0;
        for (int examined = 0; examined < HEADER_BLOCKS && index < blocks.size(); examined++) {
            List<String> lines = blocks.get(index);
            for (int i = 0; i < lines.size(); ) {
                Byline found = Bylines.parseLine(lines.get(i), afterTitle);
                if (found == null) {
                    i++;
                } else {
                    byline = Bylines.merge(byline, found);
                    lines.remove(i);
                }
            }
            if (lines.isEmpty()) {
                blocks.remove(index);
            } else if (Captions.parse(String.join(" ", lines)) != null) {
                index++;
            } else {
                break;
            }
        }
        return byline;
    }

    /**
     * "Getty Images" alone on the line above a picture's description (the BBC's layout): a picture or news agency
     * credits the lines below it. Outlets are left out: a paper's name over a paragraph is more often a section.
     */
    private static Caption creditAbove(List<String> lines) {
        if (lines.size() < 2) {
            return null;
        }
        Agencies.Source source = Agencies.find(lines.get(0).strip());
        if (source == null || source.kind() != Agencies.Kind.PHOTO && source.kind() != Agencies.Kind.AGENCY) {
            return null;
        }
        return new Caption(
                String.join(" ", lines.subList(1, lines.size())), lines.get(0).strip());
    }

    private static BodyCollector collect(List<List<String>> blocks, boolean underTitle) {
        BodyCollector collector = new BodyCollector();
        collector.acceptBylineUnderStandfirst(underTitle);
        for (List<String> lines : blocks) {
            Caption credited = creditAbove(lines);
            if (credited != null) {
                collector.addCaption(credited);
            } else {
                collector.add(String.join(" ", lines));
            }
        }
        return collector;
    }
}
