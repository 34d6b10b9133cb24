package fr.preuve.indexer.source.bdpm;

import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.ReadOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opinions of the HAS transparency committee (Commission de la transparence, CT) on drugs, from the BDPM files:
 * {@code CIS_HAS_SMR_bdpm.txt} and {@code CIS_HAS_ASMR_bdpm.txt} (CIS, CT id, motive, date yyyymmdd, level, text),
 * {@code HAS_LiensPageCT_bdpm.txt} (CT id → HAS page), {@code CIS_bdpm.txt} (CIS → product name) and, when present,
 * {@code CIS_COMPO_bdpm.txt} (CIS → active substances, for the title).
 *
 * <p>The rows of one CT id make one document {@code has:CT-19691}: title "Avis de la Commission de la transparence :
 * GLIMEZIT (metformine) – Inscription (CT), 9 février 2022", date = the opinion date, url = the HAS page (null when
 * not listed), language "fr", one section per SMR level then one per ASMR level, each holding the distinct texts of
 * that level (the same text repeated for several CIS codes is kept once). Metadata: "type" = "AvisCT", "motif",
 * "cis" (codes, "; "-joined), "smr" and "asmr" (levels).
 *
 * <p>Order: newest opinion first, then order of first appearance in the files, so that {@link Options#limit()} keeps
 * the newest. Malformed lines (column count, date, CT id, empty text) are reported with file and line number and
 * skipped; a missing SMR, ASMR, links or product file is reported once and reading goes on with the others.
 */
public final class BdpmOpinionSource implements DocumentSource {

    public static final String SMR_FILE = "CIS_HAS_SMR_bdpm.txt";
    public static final String ASMR_FILE = "CIS_HAS_ASMR_bdpm.txt";
    public static final String LINKS_FILE = "HAS_LiensPageCT_bdpm.txt";
    public static final String PRODUCTS_FILE = "CIS_bdpm.txt";
    public static final String COMPOSITION_FILE = "CIS_COMPO_bdpm.txt";

    static final String TITLE_PREFIX = "Avis de la Commission de la transparence";
    static final String SMR_HEADING = "Service médical rendu (SMR)";
    static final String ASMR_HEADING = "Amélioration du service médical rendu (ASMR)";

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern CT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]*");
    private static final Pattern CIS = Pattern.compile("\\d{6,9}");
    private static final Pattern PARENTHESES = Pattern.compile("\\s*\\([^)]*\\)");
    /** "Le service médical rendu par GLIMEZIT (metformine) est important…": the product, when CIS_bdpm lacks it. */
    private static final Pattern PRODUCT_IN_TEXT = Pattern.compile(
            "rendu (?:\\(SMR\\) )?par (?:la spécialité |les spécialités )?(.{2,100}?),?\\s+"
                    + "(?:est|sont|reste|restent|demeure|demeurent|était|serait)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPITAL_WORD = Pattern.compile("\\p{Lu}{3,}");
    private static final int MAX_PRODUCTS = 3;
    private static final int MAX_SUBSTANCES = 3;
    private static final int MAX_LABEL = 90;
    private static final String[] MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"};

    /**
     * @param since keep opinions dated on or after this day; null = all
     * @param limit keep at most this many opinions, the newest; null = all
     */
    public record Options(LocalDate since, Integer limit) {
        public Options {
            if (limit != null && limit < 0) {
                throw new IllegalArgumentException("limit must be >= 0, got " + limit);
            }
        }

        public static Options all() {
            return new Options(null, null);
        }
    }

    private final Path dir;
    private final Options opts;

    public BdpmOpinionSource(Path dir, Options opts) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.opts = opts == null ? Options.all() : opts;
    }

    @Override
    public void read(Consumer<ReadOutcome> sink) {
        try {
            readAll(sink);
        } catch (RuntimeException e) {
            sink.accept(new ReadOutcome.Failed(String.valueOf(dir.getFileName()), "cannot read the BDPM files: " + e));
        }
    }

    private void readAll(Consumer<ReadOutcome> sink) {
        if (!Files.isDirectory(dir)) {
            sink.accept(new ReadOutcome.Failed(String.valueOf(dir), "BDPM directory not found"));
            return;
        }
        Consumer<ReadOutcome.Failed> failures = sink::accept;

        Map<String, Opinion> opinions = new LinkedHashMap<>();
        boolean smr = BdpmFiles.forEachRow(dir.resolve(SMR_FILE), 6, false,
                row -> addRow(opinions, row, true, failures), failures);
        boolean asmr = BdpmFiles.forEachRow(dir.resolve(ASMR_FILE), 6, false,
                row -> addRow(opinions, row, false, failures), failures);
        if (!smr && !asmr) {
            return;
        }
        Map<String, String> links = new HashMap<>();
        BdpmFiles.forEachRow(dir.resolve(LINKS_FILE), 2, false, row -> {
            String url = row.get(1);
            if (url.startsWith("http://") || url.startsWith("https://")) {
                links.putIfAbsent(row.get(0), url);
            } else {
                failures.accept(new ReadOutcome.Failed(row.location(), "not a URL: '" + url + "'"));
            }
        }, failures);
        Map<String, String> products = new HashMap<>();
        BdpmFiles.forEachRow(dir.resolve(PRODUCTS_FILE), 2, true,
                row -> products.putIfAbsent(row.get(0), row.get(1)), failures);
        Map<String, List<String>> substances = new HashMap<>();
        Path compo = dir.resolve(COMPOSITION_FILE);
        if (Files.exists(compo)) { // optional: only refines titles
            Map<String, Map<String, String[]>> byLink = new HashMap<>();
            BdpmFiles.forEachRow(compo, 8, true, row -> {
                String[] pair = byLink.computeIfAbsent(row.get(0), k -> new LinkedHashMap<>())
                        .computeIfAbsent(row.get(7), k -> new String[2]);
                int slot = "FT".equals(row.get(6)) ? 0 : 1;
                if (pair[slot] == null && !row.get(3).isBlank()) {
                    pair[slot] = row.get(3);
                }
            }, failures);
            byLink.forEach((cis, components) -> {
                List<String> names = new ArrayList<>();
                for (String[] pair : components.values()) {
                    String name = pair[0] != null ? pair[0] : pair[1];
                    if (name != null) {
                        name = PARENTHESES.matcher(name).replaceAll("").strip().toLowerCase(Locale.FRENCH);
                        if (!name.isEmpty() && !names.contains(name)) {
                            names.add(name);
                        }
                    }
                }
                substances.put(cis, names);
            });
        }

        List<Opinion> selected = new ArrayList<>(opinions.values());
        if (opts.since() != null) {
            selected.removeIf(o -> o.date.isBefore(opts.since()));
        }
        selected.sort(Comparator.comparing((Opinion o) -> o.date).reversed().thenComparingInt(o -> o.order));
        if (opts.limit() != null && selected.size() > opts.limit()) {
            selected = selected.subList(0, opts.limit());
        }
        for (Opinion o : selected) {
            try {
                sink.accept(new ReadOutcome.Read(o.toDocument(links, products, substances)));
            } catch (RuntimeException e) {
                sink.accept(new ReadOutcome.Failed(o.firstLocation, "cannot build opinion " + o.ct + ": " + e.getMessage()));
            }
        }
    }

    private static void addRow(Map<String, Opinion> opinions, BdpmFiles.Row row, boolean smr,
                               Consumer<ReadOutcome.Failed> failures) {
        String cis = row.get(0);
        String ct = row.get(1);
        String motif = row.get(2);
        String rawDate = row.get(3);
        String level = row.get(4);
        String text = BdpmFiles.cleanText(row.get(5));
        if (!CIS.matcher(cis).matches()) {
            failures.accept(new ReadOutcome.Failed(row.location(), "bad CIS code '" + cis + "'"));
            return;
        }
        if (!CT_ID.matcher(ct).matches()) {
            failures.accept(new ReadOutcome.Failed(row.location(), "bad CT id '" + ct + "'"));
            return;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(rawDate, YYYYMMDD);
        } catch (DateTimeParseException e) {
            failures.accept(new ReadOutcome.Failed(row.location(), "bad date '" + rawDate + "' (expected yyyymmdd)"));
            return;
        }
        if (text.isEmpty()) {
            failures.accept(new ReadOutcome.Failed(row.location(), "empty opinion text"));
            return;
        }
        Opinion o = opinions.computeIfAbsent(ct, k -> new Opinion(ct, motif, date, opinions.size(), row.location()));
        o.cis.add(cis);
        (smr ? o.smr : o.asmr).computeIfAbsent(level, k -> new LinkedHashSet<>()).add(text);
    }

    /** The rows of one CT id. The motive and date of its first row are kept (all rows agree in the BDPM). */
    private static final class Opinion {
        final String ct;
        final String motif;
        final LocalDate date;
        final int order;
        final String firstLocation;
        final Set<String> cis = new LinkedHashSet<>();
        final Map<String, Set<String>> smr = new LinkedHashMap<>();
        final Map<String, Set<String>> asmr = new LinkedHashMap<>();

        Opinion(String ct, String motif, LocalDate date, int order, String firstLocation) {
            this.ct = ct;
            this.motif = motif;
            this.date = date;
            this.order = order;
            this.firstLocation = firstLocation;
        }

        SourceDocument toDocument(Map<String, String> links, Map<String, String> products,
                                  Map<String, List<String>> substances) {
            List<Section> sections = new ArrayList<>();
            smr.forEach((level, texts) -> sections.add(Section.of(heading(SMR_HEADING, level), String.join("\n", texts))));
            asmr.forEach((level, texts) -> sections.add(Section.of(heading(ASMR_HEADING, level), String.join("\n", texts))));
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("type", "AvisCT");
            if (!motif.isBlank()) {
                metadata.put("motif", motif);
            }
            metadata.put("cis", String.join("; ", cis));
            if (!smr.isEmpty()) {
                metadata.put("smr", levels(smr));
            }
            if (!asmr.isEmpty()) {
                metadata.put("asmr", levels(asmr));
            }
            return new SourceDocument(DocumentId.of(SourceKind.HAS, ct), title(products, substances), "fr",
                    date.toString(), links.get(ct), sections, metadata);
        }

        private static String levels(Map<String, Set<String>> byLevel) {
            return String.join("; ", byLevel.keySet().stream().filter(l -> !l.isBlank()).toList());
        }

        private static String heading(String base, String level) {
            return level.isBlank() ? base : base + " : " + level;
        }

        String title(Map<String, String> products, Map<String, List<String>> substances) {
            String label = productLabel(products, substances);
            StringBuilder t = new StringBuilder(TITLE_PREFIX);
            t.append(label == null ? " " + ct : " : " + label);
            t.append(" – ");
            if (!motif.isBlank()) {
                t.append(motif).append(", ");
            }
            t.append(frenchDate(date));
            return t.toString();
        }

        private String productLabel(Map<String, String> products, Map<String, List<String>> substances) {
            List<String> brands = new ArrayList<>();
            List<String> dci = new ArrayList<>();
            for (String code : cis) {
                String name = products.get(code);
                if (name == null) {
                    continue;
                }
                String brand = brand(name);
                if (!brand.isEmpty() && !brands.contains(brand)) {
                    brands.add(brand);
                }
                for (String s : substances.getOrDefault(code, List.of())) {
                    if (!dci.contains(s)) {
                        dci.add(s);
                    }
                }
            }
            if (brands.isEmpty()) {
                return productFromText();
            }
            StringBuilder sb = new StringBuilder(String.join(", ", brands.subList(0, Math.min(MAX_PRODUCTS, brands.size()))));
            if (brands.size() > MAX_PRODUCTS) {
                int more = brands.size() - MAX_PRODUCTS;
                sb.append(" et ").append(more).append(more == 1 ? " autre" : " autres");
            }
            if (!dci.isEmpty() && dci.size() <= MAX_SUBSTANCES) {
                sb.append(" (").append(String.join(", ", dci)).append(')');
            }
            return shorten(sb.toString());
        }

        private String productFromText() {
            for (Map<String, Set<String>> byLevel : List.of(smr, asmr)) {
                for (Set<String> texts : byLevel.values()) {
                    for (String text : texts) {
                        Matcher m = PRODUCT_IN_TEXT.matcher(text);
                        if (m.find() && CAPITAL_WORD.matcher(m.group(1)).find()) {
                            String label = m.group(1);
                            int comma = label.indexOf(", ");
                            if (comma > 0 && label.lastIndexOf('(', comma) <= label.lastIndexOf(')', comma)) {
                                label = label.substring(0, comma);
                            }
                            return shorten(label.strip());
                        }
                    }
                }
            }
            return null;
        }
    }

    /** "DOLIPRANE 1000 mg, comprimé" → "DOLIPRANE": the name before the form, without strength. */
    static String brand(String productName) {
        String s = productName.strip();
        int comma = s.indexOf(',');
        String beforeComma = comma > 0 ? s.substring(0, comma).strip() : s;
        StringBuilder sb = new StringBuilder();
        for (String token : beforeComma.split("\\s+")) {
            if (!token.isEmpty() && (Character.isDigit(token.charAt(0)) || token.startsWith("\""))) {
                break;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(token);
        }
        String brand = sb.toString();
        return brand.length() >= 2 ? brand : beforeComma;
    }

    static String frenchDate(LocalDate d) {
        return (d.getDayOfMonth() == 1 ? "1er" : String.valueOf(d.getDayOfMonth())) + " "
                + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }

    private static String shorten(String label) {
        if (label.length() <= MAX_LABEL) {
            return label;
        }
        int cut = label.lastIndexOf(' ', MAX_LABEL - 1);
        return label.substring(0, cut > MAX_LABEL / 2 ? cut : MAX_LABEL - 1).strip() + "…";
    }
}
