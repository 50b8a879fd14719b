package io.newsgraph.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * What a native image of entity-service must register for CoreNLP, measured on the JVM: the NER model is read with a
 * recording {@link ObjectInputFilter}, which sees every class the stream names (the serialization registrations),
 * and the classifier's flags name the classes CoreNLP then instantiates by reflection (reader/writers, feature
 * factories). Both lists must be contained in entity-service's META-INF/native-image/io.newsgraph/entity-service/
 * {serialization,reflect}-config.json. `-Dnewsgraph.native.write=true` rewrites those files from the measurement.
 */
class NativeRegistrationTests {
    private static final String MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    private static final Path CONFIG =
            Path.of("entity-service/src/main/resources/META-INF/native-image/io.newsgraph/entity-service");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Fields entity-service's CrfEntityRecognizer.packLookupTables replaces by reflection (its PACKED_FIELDS). */
    private static final Map<String, String> PACKED_FIELDS = Map.of(
            "edu.stanford.nlp.ie.crf.CRFClassifier",
            "featureIndex",
            "edu.stanford.nlp.ie.NERFeatureFactory",
            "lexicon");

    @Test
    void everyClassTheNerModelNeedsIsRegisteredForTheNativeImage() throws Exception {
        Path model = Rendered.root().resolve("entity-service/target/classes").resolve(MODEL);
        assertTrue(Files.isRegularFile(model), model + " missing: build entity-service first");
        Set<String> serialized = new ConcurrentSkipListSet<>();
        ObjectInputFilter recorder = info -> {
            Class<?> c = info.serialClass();
            while (c != null && c.isArray()) {
                serialized.add(c.getName());
                c = c.getComponentType();
            }
            if (c != null && !c.isPrimitive()) {
                serialized.add(c.getName());
            }
            return ObjectInputFilter.Status.UNDECIDED;
        };
        CRFClassifier<CoreLabel> classifier;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(model), 1 << 16);
                java.io.ObjectInputStream ois = new java.io.ObjectInputStream(in)) {
            ois.setObjectInputFilter(recorder);
            classifier = CRFClassifier.getClassifier(ois);
        }
        // the classifier works after loading: what the service does with it
        assertTrue(classifier
                        .classifyToCharacterOffsets("Angela Merkel visited Paris.")
                        .size()
                >= 2);
        Set<String> reflective = new TreeSet<>();
        for (Field f : classifier.flags.getClass().getFields()) {
            if (f.getType() == String.class
                    && !Modifier.isStatic(f.getModifiers())
                    && f.get(classifier.flags) instanceof String v
                    && v.matches("edu\\.stanford\\.nlp\\.[\\w.$]+")) {
                try {
                    Class.forName(v, false, getClass().getClassLoader());
                    reflective.add(v);
                } catch (ClassNotFoundException e) {
                    // a flag that merely looks like a class name
                }
            }
        }
        for (Map.Entry<String, String> packed : PACKED_FIELDS.entrySet()) {
            Class.forName(packed.getKey()).getDeclaredField(packed.getValue()); // still there in this CoreNLP version
            reflective.add(packed.getKey());
        }
        Path config = Rendered.root().resolve(CONFIG);
        if (Boolean.getBoolean("newsgraph.native.write")) {
            Files.createDirectories(config);
            List<Map<String, Object>> ser = new ArrayList<>();
            serialized.forEach(n -> ser.add(Map.of("name", n)));
            JSON.writeValue(config.resolve("serialization-config.json").toFile(), ser);
            List<Map<String, Object>> refl = new ArrayList<>();
            for (String n : reflective) {
                Map<String, Object> entry = new java.util.TreeMap<>(Map.of(
                        "name",
                        n,
                        "allDeclaredConstructors",
                        true,
                        "allPublicConstructors",
                        true,
                        "allPublicMethods",
                        true));
                if (PACKED_FIELDS.containsKey(n)) {
                    entry.put("fields", List.of(Map.of("name", PACKED_FIELDS.get(n), "allowWrite", true)));
                }
                refl.add(entry);
            }
            JSON.writeValue(config.resolve("reflect-config.json").toFile(), refl);
        }
        assertTrue(serialized.size() > 10, "the model names its classes: " + serialized);
        assertEquals(
                Set.of(),
                missing(serialized, config.resolve("serialization-config.json")),
                "not registered for serialization");
        assertEquals(
                Set.of(), missing(reflective, config.resolve("reflect-config.json")), "not registered for reflection");
        List<Map<String, Object>> entries =
                JSON.readValue(config.resolve("reflect-config.json").toFile(), new TypeReference<>() {});
        for (Map.Entry<String, String> packed : PACKED_FIELDS.entrySet()) {
            assertTrue(
                    entries.stream()
                            .anyMatch(e -> packed.getKey().equals(e.get("name"))
                                    && e.get("fields") instanceof List<?> fields
                                    && fields.contains(Map.of("name", packed.getValue(), "allowWrite", true))),
                    packed + " must be registered as a writable field");
        }
    }

    private static Set<String> missing(Set<String> needed, Path file) throws Exception {
        assertTrue(Files.isRegularFile(file), file + " missing (write it with -Dnewsgraph.native.write=true)");
        List<Map<String, Object>> entries = JSON.readValue(file.toFile(), new TypeReference<>() {});
        Set<String> registered = new TreeSet<>();
        entries.forEach(e -> registered.add((String) e.get("name")));
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(registered);
        return missing;
    }
}
