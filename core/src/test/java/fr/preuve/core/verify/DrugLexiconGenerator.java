package fr.preuve.core.verify;

import fr.preuve.core.text.Folding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Rebuilds {@code core/src/main/resources/fr/preuve/core/verify/drugs.tsv} from the source files kept in the repository.
 * Run from the {@code core} directory ({@code main}), or through {@code DrugLexiconTest}, which checks that the shipped
 * file equals a fresh build.
 */
public final class DrugLexiconGenerator {

    static final Path BDPM = Path.of("../corpus-config/demo/bdpm/CIS_COMPO_bdpm.txt");
    static final Path PQAL = Path.of("../corpus-config/demo/pubmedqa/ori_pqal.json");
    static final Path TEST_DATA = Path.of("src/test/resources/fr/preuve/core/verify");
    static final Path MAIN_DATA = Path.of("src/main/resources/fr/preuve/core/verify");
    static final List<String> PUBMED = List.of("pubmed1.xml", "pubmed4.xml", "pubmed-29768149.xml",
            "pubmed20n1016.xml.gz", "pubmed26n1334.xml.gz", "pubmed26n1335.xml.gz");

    private static final Pattern HOMEOPATHIC = Pattern.compile("HOMÉOPATHI|POUR PRÉPARATION|\\b\\d+\\s*(?:CH|DH|K)\\b");
    /** Plant parts, extracts, vaccine and biological components: not names a clinician checks as a drug. */
    private static final Set<String> DROP_WORDS = Set.of("EXTRAIT", "EXTRAITS", "POUDRE", "FEUILLE", "FEUILLES",
            "RACINE", "RACINES", "HUILE", "TEINTURE", "FRUIT", "FRUITS", "FLEUR", "FLEURS", "ÉCORCE", "GRAINE",
            "GRAINES", "ESSENCE", "SOMMITÉ", "SOMMITÉS", "RHIZOME", "BULBE", "GOMME", "RÉSINE", "SUC", "MACÉRAT",
            "PARTIE", "PARTIES", "PLANTE", "BOURGEON", "TIGE", "TIGES", "HERBE", "VIRUS", "SOUCHE", "ANTIGÈNE",
            "ANATOXINE", "POLYOSIDE", "PROTÉINE", "ALLERGÈNE", "VACCIN", "CELLULES", "BACILLE", "HÉMAGGLUTININE",
            "TOXINE", "SÉRUM", "LYOPHILISAT", "SOLUTION", "CONCENTRÉ", "FRACTION", "MÉLANGE", "CULTURE", "SPORES",
            "COMPLEXE", "CRISTAL", "LACTOBACILLUS", "BIFIDOBACTERIUM", "LEPTOSPIRA", "SACCHAROMYCES", "BACILLUS",
            "MOUSSE", "CHÊNE", "BAUME", "ALCOOLAT");
    /** Counter-ions and ester groups: in "ALENDRONATE DE SODIUM" the drug is the first word. */
    private static final Set<String> CATIONS = Set.of("SODIUM", "DISODIUM", "POTASSIUM", "CALCIUM", "MAGNÉSIUM",
            "ZINC", "LITHIUM", "MÉTHYLE", "ÉTHYLE", "BUTYLE", "PROPYLE", "MÉGLUMINE", "DIMÉGLUMINE", "LYSINE",
            "ARGININE", "DIÉTHYLAMINE", "AMMONIUM", "ALUMINIUM", "FER", "CUIVRE");
    /** Salt and ester words: "CHLORHYDRATE DE X", "X CHLORHYDRATE". */
    private static final Set<String> SALTS = Set.of("CHLORHYDRATE", "DICHLORHYDRATE", "BROMHYDRATE", "SULFATE",
            "MALÉATE", "PHOSPHATE", "ACÉTATE", "BÉSILATE", "BÉSYLATE", "CITRATE", "MÉSILATE", "MÉSYLATE", "TARTRATE",
            "HÉMITARTRATE", "FUMARATE", "HÉMIFUMARATE", "SUCCINATE", "NITRATE", "LACTATE", "GLUCONATE", "BROMURE",
            "CHLORURE", "IODURE", "FLUORURE", "OXYDE", "HYDROXYDE", "CARBONATE", "BICARBONATE", "HYDROGÉNOCARBONATE",
            "VALÉRATE", "PROPIONATE", "DIPROPIONATE", "BUTYRATE", "FUROATE", "PAMOATE", "EMBONATE", "STÉARATE",
            "PALMITATE", "TOSILATE", "TOSYLATE", "ÉSILATE", "ISÉTHIONATE", "HYCLATE", "DÉCANOATE", "ÉNANTHATE",
            "OXALATE", "SALICYLATE", "BENZOATE", "MALATE", "ASPARTATE", "GLUTAMATE", "OROTATE",
            "GLYCÉROPHOSPHATE", "DIACÉTATE", "ACÉPONATE", "CAPROATE", "UNDÉCYLÉNATE", "DISULFATE");
    /** Words stripped from the end of a substance name: hydrates, counter-ions, forms. */
    private static final Pattern QUALIFIER = Pattern.compile("\\s+(?:\\p{L}*HYDRATÉE?|ANHYDRE|\\p{L}*SODIQUE|"
            + "\\p{L}*POTASSIQUE|CALCIQUE|MAGNÉSIQUE|BASE|CRISTALLISÉE?|MICRONISÉE?|STÉRILE|OLAMINE|MÉGLUMINE|"
            + "TROMÉTAMOL|AMMONIUM|ARGININE|LYSINE|ÉTHANOLATE|SOLVATÉE?|AMORPHE|HYDRATE|\\p{L}+ATE|HUMAINE?|"
            + "RECOMBINANTE?|SYNTHÉTIQUE|NATURELL?E?|LOURDE?|LÉGÈRE?|LIQUIDE|OFFICINALE|RACÉMIQUE|BIOGÉNÉTIQUE|"
            + "PLASMATIQUE|GLACIAL|DESSÉCHÉE?|MODIFIÉE?|ACTIFV?E?|ACTIVÉE?|ÉLÉMENT|DE|D'|PROPYLÈNE|PROPANEDIOL)$");
    private static final Pattern SALT_WORD = Pattern.compile("\\p{L}+(?:ATE|URE|YDE|ONIDE)");
    private static final Pattern PARENTHESIS = Pattern.compile("\\([^)]*\\)");
    private static final Pattern SALT_OF = Pattern.compile("^(\\p{L}+)\\s+D(?:E\\s+|['’]\\s*)(.+)$");
    private static final Pattern NAME_OF_SUBSTANCE = Pattern.compile("<NameOfSubstance UI=\"(D\\d+)\">([^<]+)<");
    private static final Set<String> ENGLISH_SALTS = Set.of("fumarate", "hydrochloride", "sulfate", "sodium",
            "potassium", "maleate", "citrate", "acetate", "phosphate", "mesylate", "tartrate", "succinate",
            "besylate", "bromide", "chloride", "dihydrate", "monohydrate", "hydrate", "calcium", "magnesium");
    /** INN stems of single drugs, to keep PubMed substance names that are drugs and not classes or proteins. */
    private static final Pattern INN_STEM = Pattern.compile(
            ".*(?:mab|pegol|ide|ine|one|ol|pril|sartan|statin|azole|cillin|mycin|vir|nib|afil|dipine|oxacin|"
            + "cycline|sone|lone|ate|pam|lam|tide|parin|profen|caine|cef\\p{L}+)$");

    private DrugLexiconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = MAIN_DATA.resolve(DrugLexicon.RESOURCE);
        Files.writeString(out, generate(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** The lexicon file built from the repository's source files. */
    static String generate() throws IOException {
        Set<String> stop = new HashSet<>();
        for (String line : Files.readAllLines(MAIN_DATA.resolve("drug-stoplist.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                stop.add(Folding.fold(line.strip()));
            }
        }
        Map<String, Entry> byKey = new TreeMap<>();
        for (String line : Files.readAllLines(BDPM, Charset.forName("windows-1252"))) {
            String[] cols = line.split("\t", -1);
            if (cols.length < 7) {
                throw new IllegalArgumentException("BDPM line with " + cols.length + " columns: '" + line + "'");
            }
            String name = clean(cols[3]);
            if (name != null && !stopped(stop, Folding.fold(name))) {
                add(byKey, Folding.fold(name), "bdpm");
            }
        }
        Set<String> french = new HashSet<>(byKey.keySet());
        for (String line : Files.readAllLines(MAIN_DATA.resolve("drug-synonyms.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            Entry e = add(byKey, Folding.fold(cols[0]), "synonyms");
            for (String other : cols.length > 1 ? cols[1].split("\\|") : new String[0]) {
                e.spellings.add(Folding.fold(other));
            }
        }
        for (String file : PUBMED) {
            Matcher m = NAME_OF_SUBSTANCE.matcher(read(TEST_DATA.resolve(file)));
            while (m.find()) {
                String name = englishName(m.group(2));
                if (name != null && !stop.contains(name) && (french.contains(DrugNames.key(name))
                        || INN_STEM.matcher(name).matches())) {
                    add(byKey, name, "pubmed");
                }
            }
        }
        JsonNode pqal = new ObjectMapper().readTree(PQAL.toFile());
        for (JsonNode article : pqal) {
            for (JsonNode mesh : article.path("MESHES")) {
                String name = englishName(mesh.asText());
                if (name != null && french.contains(DrugNames.key(name))) {
                    add(byKey, name, "mesh"); // a French substance: confirms the English spelling
                }
            }
        }
        StringBuilder sb = new StringBuilder(HEADER);
        for (Map.Entry<String, Entry> e : byKey.entrySet()) {
            sb.append(e.getKey()).append('\t').append(String.join("|", e.getValue().spellings)).append('\t')
                    .append(String.join(",", e.getValue().sources)).append('\n');
        }
        return sb.toString();
    }

    /** A stop-listed name, or one whose first word is stop-listed ("vitamine d", "alcool benzylique"). */
    private static boolean stopped(Set<String> stop, String folded) {
        return stop.contains(folded) || stop.contains(folded.split(" ")[0]);
    }

    private record Entry(Set<String> spellings, Set<String> sources) {
    }

    private static Entry add(Map<String, Entry> byKey, String folded, String source) {
        Entry e = byKey.computeIfAbsent(DrugNames.key(folded), k -> new Entry(new TreeSet<>(), new TreeSet<>()));
        e.spellings.addAll(DrugNames.spellings(folded));
        e.sources.add(source);
        return e;
    }

    /** The base substance of a BDPM name, upper-case, or null when it is not a drug name worth checking. */
    static String clean(String raw) {
        String s = raw.strip().replace('’', '\'').toUpperCase(Locale.ROOT);
        if (HOMEOPATHIC.matcher(s).find()) {
            return null;
        }
        for (String w : s.split("[^\\p{L}]+")) {
            if (DROP_WORDS.contains(w)) {
                return null;
            }
        }
        s = PARENTHESIS.matcher(s).replaceAll(" ").replaceAll("\\s+", " ").strip();
        s = s.replaceAll("^(?:DL|L|D)-|(?<=\\s)(?:DL|L|D)-|(?:^|\\s)(?:DL|L|D)(?=\\s)", " ").strip();
        s = s.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "").replaceAll("\\s+", " ");
        for (String previous = ""; !previous.equals(s); ) {
            previous = s;
            Matcher q = QUALIFIER.matcher(s);
            if (q.find() && !s.substring(0, q.start()).strip().equals("ACIDE")) {
                s = s.substring(0, q.start()).strip();
            }
            Matcher salt = SALT_OF.matcher(s);
            if (salt.matches() && CATIONS.contains(salt.group(2))) {
                s = salt.group(1); // "ALENDRONATE DE SODIUM"
            } else if (salt.matches() && !salt.group(2).contains(" ")
                    && (SALTS.contains(salt.group(1)) || SALT_WORD.matcher(salt.group(1)).matches())) {
                s = salt.group(2); // "MÉSYLATE D'OSIMERTINIB", "HYDROGÉNOSULFATE DE CLOPIDOGREL"
            }
        }
        if (s.matches(".*[\\d:,+/;%].*") || s.split(" ").length > 3 || s.replaceAll("[^\\p{L}]", "").length() < 4
                || s.split("[ '-]")[0].length() < 3) {
            return null;
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** A MeSH substance name as a folded single-drug name ("Formoterol Fumarate" → "formoterol"), or null. */
    static String englishName(String mesh) {
        String s = Folding.fold(mesh.replace("&amp;", "&").strip());
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash).strip(); // "Amoxicillin/therapeutic use"
        }
        if (!s.matches("[a-z]+(?: [a-z]+)?")) {
            return null; // classes ("Receptors, Opioid, mu"), digits, three words or more
        }
        List<String> words = new ArrayList<>(Arrays.asList(s.split(" ")));
        if (words.size() == 2 && ENGLISH_SALTS.contains(words.get(1))) {
            words.remove(1);
        }
        String name = String.join(" ", words);
        return name.endsWith("s") ? null : name; // plural: a class ("Glucocorticoids", "Indoles")
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            InputStream body = file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final String HEADER = """
            # Preuve drug lexicon: canonical key<TAB>spellings (folded: lower-case, accent-free)<TAB>sources.
            # GENERATED by DrugLexiconGenerator (core/src/test/java/fr/preuve/core/verify), do not edit: change the
            # sources, drug-stoplist.txt or drug-synonyms.tsv and regenerate; DrugLexiconTest fails when they differ.
            # Sources:
            #  bdpm     French substance names (column 4) of CIS_COMPO_bdpm.txt, BDPM - Base de donnees publique des
            #           medicaments, ANSM/HAS, June 2022 (corpus-config/demo/bdpm/SOURCE.txt), Licence Ouverte / Etalab,
            #           attribution "ANSM / HAS, base de donnees publique des medicaments". Salts, hydrates,
            #           homeopathic, plant and vaccine entries removed; English spellings derived by rule (DrugNames).
            #  pubmed   MeSH <NameOfSubstance> of single drugs in real PubMed XML (NLM data, courtesy of the U.S.
            #           National Library of Medicine), see core/src/test/resources/fr/preuve/core/verify/README.md.
            #  mesh     MeSH terms of PubMedQA (corpus-config/demo/pubmedqa, MIT) confirming a derived English spelling.
            #  synonyms drug-synonyms.tsv: hand-curated INN/USAN pairs no rule derives (paracetamol/acetaminophen),
            #           and WHO antimalarials absent from the BDPM (artesunate, primaquine...).
            # Left out: drug-stoplist.txt (electrolytes, nutrients, body constituents, excipients, common words).
            """;
}
