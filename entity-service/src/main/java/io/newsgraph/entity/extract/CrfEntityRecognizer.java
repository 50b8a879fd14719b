package io.newsgraph.entity.extract;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.util.Index;
import edu.stanford.nlp.util.Triple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Stanford CRF named-entity recognizer, called directly rather than through a StanfordCoreNLP
 * pipeline (which adds tokenisation/ssplit/POS annotators and is far slower).
 *
 * <p>The model is deserialised once (~30 MB, a few seconds). Classification does not mutate the
 * classifier: {@code classifyToCharacterOffsets} builds a fresh tokenizer and clique tree per call,
 * which is also how CoreNLP's multi-threaded NER annotator shares one instance. The concurrency test
 * checks that shared use gives the same output as sequential use.
 */
public final class CrfEntityRecognizer implements EntityRecognizer {

    /** Classpath location of the model unpacked from the CoreNLP models jar at build time. */
    public static final String DEFAULT_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private final CRFClassifier<CoreLabel> classifier;
    private final Duration loadTime;

    private CrfEntityRecognizer(CRFClassifier<CoreLabel> classifier, Duration loadTime) {
        this.classifier = classifier;
        this.loadTime = loadTime;
    }

    /** Loads {@link #DEFAULT_MODEL} from the classpath. */
    public static CrfEntityRecognizer loadDefault() {
        return load(DEFAULT_MODEL);
    }

    /** Loads a gzipped serialized CRF model from the classpath, its lookup tables packed. */
    public static CrfEntityRecognizer load(String classpathResource) {
        return load(classpathResource, true);
    }

    static CrfEntityRecognizer load(String classpathResource, boolean packed) {
        Objects.requireNonNull(classpathResource, "classpathResource");
        long started = System.nanoTime();
        ClassLoader loader = CrfEntityRecognizer.class.getClassLoader();
        try (InputStream raw = loader.getResourceAsStream(classpathResource)) {
            if (raw == null) {
                throw new IllegalStateException("NER model not on classpath: " + classpathResource);
            }
            CRFClassifier<CoreLabel> classifier = CRFClassifier.getClassifier(new GZIPInputStream(raw, 1 << 16));
            if (packed) {
                packLookupTables(classifier);
            }
            return new CrfEntityRecognizer(classifier, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NER model " + classpathResource, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("NER model incompatible with this CoreNLP version", e);
        }
    }

    /** Fields of CoreNLP 4.5.10 that {@link #packLookupTables} replaces (the native image registers them for reflection). */
    public static final Map<Class<?>, String> PACKED_FIELDS =
            Map.of(CRFClassifier.class, "featureIndex", NERFeatureFactory.class, "lexicon");

    /**
     * Replaces the model's two big string tables - the feature index (~350,000 feature names) and the distsim lexicon
     * (~530,000 words) - by packed read-only copies with the same contents: about 80 MB less heap, and the same
     * labels (CrfEntityRecognizerTests compares against the unpacked model).
     */
    @SuppressWarnings("unchecked")
    static void packLookupTables(CRFClassifier<CoreLabel> classifier) {
        try {
            Field features = CRFClassifier.class.getDeclaredField(PACKED_FIELDS.get(CRFClassifier.class));
            features.setAccessible(true);
            features.set(classifier, new PackedIndex((Index<String>) features.get(classifier)));
            Field lexicon = NERFeatureFactory.class.getDeclaredField(PACKED_FIELDS.get(NERFeatureFactory.class));
            lexicon.setAccessible(true);
            for (FeatureFactory<CoreLabel> factory : classifier.featureFactories) {
                if (factory instanceof NERFeatureFactory<CoreLabel> ner && lexicon.get(ner) instanceof Map<?, ?> map) {
                    lexicon.set(ner, new PackedLexicon((Map<String, String>) map));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "CoreNLP's CRF classes changed: update CrfEntityRecognizer.packLookupTables", e);
        }
    }

    /** Wall-clock time spent deserialising the model. */
    public Duration loadTime() {
        return loadTime;
    }

    @Override
    public List<Mention> recognize(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Triple<String, Integer, Integer>> spans = classifier.classifyToCharacterOffsets(text);
        List<Mention> mentions = new ArrayList<>(spans.size());
        for (Triple<String, Integer, Integer> span : spans) {
            EntityType type = EntityType.fromLabel(span.first());
            int start = span.second();
            int end = span.third();
            if (type == null || end <= start) {
                continue;
            }
            Mention previous = mentions.isEmpty() ? null : mentions.get(mentions.size() - 1);
            if (type == EntityType.PERSON
                    && previous != null
                    && previous.type() == type
                    && previous.end() + 1 == start
                    && text.charAt(previous.end()) == '-') {
                // The tokenizer splits hyphenated surnames ("Halvorsen-Berg") into two spans: one person. Places
                // stay apart ("Ukraine-Russia war" names two).
                mentions.set(
                        mentions.size() - 1,
                        new Mention(previous.start(), end, type, text.substring(previous.start(), end)));
            } else {
                mentions.add(new Mention(start, end, type, text.substring(start, end)));
            }
        }
        return List.copyOf(mentions);
    }
}
