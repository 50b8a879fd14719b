package io.newsgraph.entity.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Article analysis: normalise → blank out wire markup (dateline, bylines, credited captions, agency tags:
 * {@link WireMarkup}) → choose the reference date → segment → recognise entities → repair spans and types
 * ({@link SpanRepair}) → short names ({@link ShortNames}) → canonicalise → roles → dates →
 * quotes → numeric claims → salience → place links ({@link PlaceLinker}). Dates run before quotes so attribution can skip time
 * expressions ("Hegseth a day earlier had told ..."); claims run last to pick up their claimants.
 *
 * <p>Only the recognizer is expensive; every other stage is a linear pass over the text. Instances
 * are immutable and thread-safe when the recognizer and alias table are.
 */
public final class ExtractionPipeline {

    private final EntityRecognizer recognizer;
    private final Lexicon lexicon = Lexicon.standard();
    private final TextSegmenter segmenter = new TextSegmenter(lexicon);
    private final EntityCanonicalizer canonicalizer;
    private final RoleExtractor roles = new RoleExtractor(lexicon);
    private final DateExtractor dates = new DateExtractor(lexicon);
    private final ClaimExtractor claims = new ClaimExtractor();
    private final SalienceScorer salience = new SalienceScorer();
    private final SpanRepair spans = new SpanRepair();
    private final PlaceLinker places = PlaceLinker.standard();

    public ExtractionPipeline(EntityRecognizer recognizer, AliasTable aliases) {
        this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
        this.canonicalizer = new EntityCanonicalizer(Objects.requireNonNull(aliases, "aliases"), lexicon);
    }

    /**
     * The standard setup: gazetteer before CRF (so dictionary types win ties), the default aliases,
     * then the gazetteer's own canonical names. {@code userAliases} take precedence over both.
     */
    public static ExtractionPipeline standard(CrfEntityRecognizer crf, AliasTable userAliases) {
        GazetteerRecognizer gazetteer = GazetteerRecognizer.loadDefault();
        AliasTable aliases = userAliases.orElse(AliasTable.defaults()).orElse(gazetteer.aliases());
        return new ExtractionPipeline(new CompositeRecognizer(gazetteer, crf), aliases);
    }

    public Analysis analyse(ExtractionInput input) {
        Objects.requireNonNull(input, "input");
        String body = input.body();
        if (body.isBlank()) {
            return Analysis.empty();
        }
        String normalized = TextNormalizer.normalize(body);
        WireMarkup.Markup markup = WireMarkup.find(normalized);
        String text = markup.blank(normalized);
        ReferenceDate reference = ReferenceDates.choose(input, markup, text);
        WireMarkup.Dateline dateline = WireMarkup.dateline(input.datelineText());
        if (dateline == null) {
            dateline = markup.dateline();
        }
        LocalDate published = reference == null ? null : reference.value();
        Segmentation segmentation = segmenter.segment(text);
        ShortNames.Defined named = ShortNames.find(text, spans.repair(text, recognizer.recognize(text)));
        EntityIndex index = canonicalizer.canonicalize(text, named.mentions(), named.fullNames());
        List<RoleSpan> roleSpans = roles.extract(segmentation, index);
        List<DateResult> dateResults = dates.extract(segmentation, published);
        List<QuoteResult> quotes =
                new QuoteExtractor(segmentation, body, index, roleSpans, dateResults, lexicon).extract();
        List<ClaimResult> claimResults = claims.extract(segmentation, dateResults, quotes);
        List<EntityResult> entities = places.link(
                salience.score(index, input.title(), segmentation), dateline == null ? null : dateline.place());
        return new Analysis(entities, quotes, claimResults, dateResults, reference);
    }
}
