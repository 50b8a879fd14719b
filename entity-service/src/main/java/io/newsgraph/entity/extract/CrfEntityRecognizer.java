package io.newsgraph.entity.extract;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** Loads a gzipped serialized CRF model from the classpath. */
    public static CrfEntityRecognizer load(String classpathResource) {
        Objects.requireNonNull(classpathResource, "classpathResource");
        long started = System.nanoTime();
        ClassLoader loader = CrfEntityRecognizer.class.getClassLoader();
        try (InputStream raw = loader.getResourceAsStream(classpathResource)) {
            if (raw == null) {
                throw new IllegalStateException("NER model not on classpath: " + classpathResource);
            }
            CRFClassifier<CoreLabel> classifier = CRFClassifier.getClassifier(new GZIPInputStream(raw, 1 << 16));
            return new CrfEntityRecognizer(classifier, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NER model " + classpathResource, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("NER model incompatible with this CoreNLP version", e);
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
            if (type == EntityType.PERSON && previous != null && previous.type() == type && previous.end() + 1 == start
                    && text.charAt(previous.end()) == '-') {
                // The tokenizer splits hyphenated surnames ("Halvorsen-Berg") into two spans: one person. Places
                // stay apart ("Ukraine-Russia war" names two).
                mentions.set(mentions.size() - 1, new Mention(previous.start(), end, type, text.substring(previous.start(), end)));
            } else {
                mentions.add(new Mention(start, end, type, text.substring(start, end)));
            }
        }
        return List.copyOf(mentions);
    }
}
