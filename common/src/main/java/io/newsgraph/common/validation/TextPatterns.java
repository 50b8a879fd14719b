package io.newsgraph.common.validation;

/**
 * Regular expressions for {@code @Pattern} on request fields. They also become the {@code pattern}s of the OpenAPI
 * document, which JSON Schema reads as ECMA-262 (and generated clients run in Python, TypeScript, ...), so they use
 * only syntax that Java, ECMA-262 and Python read alike: explicit ranges instead of Java's {@code \p{Cntrl}} and
 * {@code \p{Cs}}, and {@code ^...$} anchors because JSON Schema patterns match anywhere while {@code @Pattern}
 * matches the whole value (for Java the anchors change nothing).
 *
 * <p>Java matches by code point: a surrogate pair is one supplementary code point outside {@code \uD800-\uDFFF}, so
 * only unpaired surrogates fall in that range, exactly what {@code \p{Cs}} matched. ECMA-262 reads it the same way
 * with the {@code u} flag, which JSON Schema validators use.
 */
public final class TextPatterns {
    /** Single-line text: no C0 control characters, DEL, or unpaired surrogates (they cannot be stored faithfully). */
    public static final String SINGLE_LINE = "^[^\\x00-\\x1F\\x7F\\uD800-\\uDFFF]*$";

    public static final String SINGLE_LINE_MESSAGE = "must not contain control characters or unpaired surrogates";
    /** Text that can be stored exactly: no NUL (PostgreSQL refuses it) and no unpaired UTF-16 surrogates. */
    public static final String STORABLE_TEXT = "^[^\\x00\\uD800-\\uDFFF]*$";

    public static final String STORABLE_TEXT_MESSAGE = "must not contain NUL characters or unpaired surrogates";
    /** An http(s) URL: no space, control character or DEL anywhere (spelled out: {@code \S} differs between engines). */
    public static final String HTTP_URL = "^https?://[^\\x00-\\x20\\x7F]+$";

    public static final String HTTP_URL_MESSAGE = "must be an http(s) URL";
    /** A BCP 47 language tag, loosely: a 2-3 letter language and optional subtags. */
    public static final String LANGUAGE_TAG = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

    public static final String LANGUAGE_TAG_MESSAGE = "must be a BCP 47 language tag such as en or en-GB";

    private TextPatterns() {}
}
