package io.newsgraph.article.rest;

import io.newsgraph.article.repository.SearchRepository;

/** Makes search snippets safe to render: article text is escaped, only our own <mark> tags remain. */
final class Snippets {
    private Snippets() {
    }

    static String toHtml(String marked) {
        if (marked == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(marked.length() + 32);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case SearchRepository.MARK_START -> out.append("<mark>");
                case SearchRepository.MARK_END -> out.append("</mark>");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
