package io.newsgraph.article.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.article.service.ArticleDraft;
import io.newsgraph.article.service.ArticleDrafts;
import io.newsgraph.article.service.ArticleMetadata;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads a posted article in any of the accepted media types into a draft. Bytes are decoded strictly (invalid
 * UTF-8 is a 400, not silently replaced) because the original is stored exactly as posted.
 */
@ApplicationScoped
public class ArticleRequests {

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    ArticleDrafts drafts;

    public ArticleDraft draft(MediaType type, byte[] bytes, MetadataParams params) {
        String text = decode(bytes, type);
        if (text.isBlank()) {
            throw ProblemException.badRequest("The request body is empty", new FieldError("body", "must not be empty"));
        }
        if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return fromJson(text);
        }
        ArticleMetadata meta = params.toMetadata();
        return type.isCompatible(MediaType.TEXT_HTML_TYPE)
                ? drafts.fromHtml(text, meta)
                : drafts.fromWireCopy(text, meta);
    }

    /** One JSON article (also one NDJSON batch line). */
    public ArticleDraft fromJson(String text) {
        ArticleInput input;
        try {
            input = json.readValue(text, ArticleInput.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(
                    400,
                    "malformed-body",
                    "Request body is malformed",
                    "The body is not a valid article JSON object: " + e.getOriginalMessage());
        }
        if (input == null) {
            throw ProblemException.badRequest(
                    "The body must be a JSON object", new FieldError("body", "must be a JSON object"));
        }
        Set<ConstraintViolation<ArticleInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        ArticleMetadata meta = new ArticleMetadata(
                input.externalId(),
                input.title(),
                input.author(),
                input.source(),
                input.url(),
                input.language(),
                input.publishedAt() == null ? null : input.publishedAt().toInstant());
        return drafts.fromJson(text, meta, input.body());
    }

    static String decode(byte[] bytes, MediaType type) {
        Charset charset = StandardCharsets.UTF_8;
        String declared = type == null ? null : type.getParameters().get("charset");
        if (declared != null) {
            try {
                charset = Charset.forName(declared);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(
                        "Unknown charset " + declared, new FieldError("Content-Type", "names an unknown charset"));
            }
        }
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest(
                    "The body is not valid " + charset.name(),
                    new FieldError("body", "is not valid " + charset.name()));
        }
        if (text.indexOf('\0') >= 0) {
            throw ProblemException.badRequest(
                    "The body contains NUL characters", new FieldError("body", "must not contain NUL characters"));
        }
        return text;
    }
}
