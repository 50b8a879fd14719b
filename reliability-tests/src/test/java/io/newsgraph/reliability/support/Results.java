package io.newsgraph.reliability.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Measurements of a run, one tab-separated line each (test, metric, value, target), appended to
 * target/reliability/results.tsv; bench/reliability/run.sh turns them into RESULTS.md.
 */
public final class Results {
    private static final Path FILE = Path.of("target/reliability/results.tsv").toAbsolutePath();

    private Results() {}

    public static synchronized void record(String test, String metric, Object value, String target) {
        String v = value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(value);
        String line = String.join("\t", test, metric, v.replace('\t', ' ').replace('\n', ' '), target) + "\n";
        System.out.print("[result] " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
