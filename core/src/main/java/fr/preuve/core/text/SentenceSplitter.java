package fr.preuve.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based sentence splitter for French and English clinical text, returning character spans so that callers can
 * cite exact ranges.
 *
 * <p>One left-to-right pass over the text; every look-around is bounded (tokens of at most {@value #MAX_TOKEN}
 * characters, a bracket look-ahead of {@value #BRACKET_LOOKAHEAD} characters), so the cost is linear in the text
 * length. No dictionary beyond a few small word sets, no external library. A sentence ends:
 * <ul>
 *   <li>at {@code . ! ? … ...}, followed by optional closing quotes and brackets ({@code ) ] " ” ’ »}, a spaced French
 *       {@code  »}, a citation such as {@code [12]}) and then white space or the end of the text, when what follows
 *       looks like a sentence start (rules below);</li>
 *   <li>before a line that starts with a list marker ({@code • - – — * ? 1. 1) (1) a) ii)}), at a blank line, a form
 *       feed or a Unicode paragraph separator, and before an in-line bullet ({@code •}, {@code ▪}...) surrounded by
 *       spaces. A single line break inside a sentence (a wrapped line) does not end it.</li>
 * </ul>
 * A full stop does <em>not</em> end a sentence:
 * <ul>
 *   <li>inside a number ({@code 0.92}, {@code 0,92 g/L}, {@code 1.5 mg/kg}, {@code p < .05}) — no white space follows;</li>
 *   <li>after a non-terminal abbreviation ({@code e.g. i.e. cf. vs. Fig. Dr. Pr. Mme. approx. ref. env. c.-à-d.
 *       p. ex.}), or {@code No. n. p. vol.} before a number;</li>
 *   <li>after an ambiguous abbreviation ({@code etc. et al. resp. min. spp. Jan.}) unless a capitalised word (or,
 *       for most, a number) follows;</li>
 *   <li>after an initial or dotted abbreviation ({@code J. Smith}, {@code A. madagascariensis}, {@code d’E. coli},
 *       {@code U.S.}, {@code n.s.}) unless a typical sentence-opening word follows ({@code The}, {@code Les}...);
 *       an upper-case letter after a plain lower-case word ({@code hepatitis B. Controls}) ends the sentence;</li>
 *   <li>after a list number ({@code 1. Prendre} at the start, {@code : 1. Prendre}, {@code and 2. to compare});</li>
 *   <li>inside brackets that close within the look-ahead ({@code (cf. 010. Autres recommandations)});</li>
 *   <li>before {@code , ; : ) ] » %}.</li>
 * </ul>
 * All-capital words ({@code ART.}, {@code PR.}) are never taken for abbreviations. A full stop after an ordinary word
 * ends the sentence even before a lower-case letter (real BDPM text has {@code "en France. il sera réévalué"});
 * {@code ?}, {@code !} and ellipses do not end it before a lower-case word ({@code ?} not before a digit either:
 * in BDPM text it is often a lost {@code ≥}).
 *
 * <p>Returned spans are trimmed of surrounding white space, in order, non-overlapping, and together cover every
 * non-blank character of the text; a fragment with neither letter nor digit (a stray quote or bullet) is attached to
 * the previous sentence (to the next one at the start of the text).
 */
public final class SentenceSplitter {

    static final int MAX_TOKEN = 64;
    static final int BRACKET_LOOKAHEAD = 150;

    /** A list marker at the start of a line, followed by white space. */
    private static final Pattern LIST_MARKER = Pattern.compile(
            "(?:[•●▪■◦‣○□➢►▶✓✔*·?\\-–—]|\\d{1,3}[.)]|\\(\\d{1,3}\\)|\\(?[a-zA-Z]\\)|[ivxIVX]{1,5}[.)])"
                    + "(?=[\\s\\u00A0\\u202F])");
    /** A numeric citation right after a full stop: {@code .[12]}, {@code .[3, 4]}, {@code .[5-7]}. */
    private static final Pattern CITATION = Pattern.compile("\\[\\d{1,3}(?:\\s?[,\\u2013-]\\s?\\d{1,3})*]");
    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern NUMBER = Pattern.compile("[-+±<>≤≥~]?\\d+(?:[.,]\\d+)?");
    /** All-capital acronyms ({@code ART}, {@code PR}) are words, not abbreviations. */
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,}");
    /** French elision before a token: {@code d’E. coli}, {@code l’AMM}. */
    private static final Pattern ELISION = Pattern.compile("\\p{L}{1,2}['’](?=\\p{L})");
    private static final Pattern ROMAN = Pattern.compile("[ivxIVX]{1,5}");
    /** Dotted abbreviations and initials: {@code U.S}, {@code n.s}, {@code J.-P}, {@code b.i.d}. */
    private static final Pattern DOTTED = Pattern.compile("\\p{L}{1,4}(?:\\.-?\\p{L}{1,4})+");

    private static final String TERMINALS = ".!?…";
    private static final String CLOSERS = ")]}\"'”’»›";
    private static final String OPENERS = "([{\"'“‘«‹¿¡";
    private static final String INLINE_BULLETS = "•●▪■◦‣➢►▶";
    /** A sentence never starts with these: a full stop before them is inside the sentence. */
    private static final String NO_START = ",;:)]}»%";

    /** Abbreviations after which a full stop never ends a sentence (lower-cased, without the final dot). */
    private static final Set<String> NON_TERMINAL = setOf(
            // Latin and English
            "e.g", "eg", "i.e", "ie", "cf", "vs", "viz", "approx", "ca", "fig", "figs", "tab", "tbl", "eq",
            "eqs", "ref", "refs", "vol", "vols", "pp", "ch", "chap", "sect", "art", "dr", "drs", "prof", "mr", "mrs",
            "ms", "st", "mt",
            // French
            "pr", "mme", "mmes", "mlle", "mlles", "env", "réf", "éd", "ex", "c.-à-d", "c-à-d", "càd", "ibid",
            "op", "coll", "cit");
    /** Case-sensitive non-terminal abbreviations (their lower-case form is a common word or unit). */
    private static final Set<String> NON_TERMINAL_CASED = setOf("MM", "Me", "Mgr");
    /** Abbreviations that are non-terminal before a number: {@code No. 5}, {@code p. 12}, {@code n. 3}. */
    private static final Set<String> BEFORE_NUMBER = setOf("no", "nos", "nr", "n", "p", "pp", "num", "vol");
    /** Abbreviations that often end a sentence: the sentence ends only if a capitalised word follows. */
    private static final Set<String> AMBIGUOUS = setOf(
            "etc", "al", "resp", "inc", "ltd", "co", "corp", "jr", "sr", "dept", "univ", "incl", "excl", "max",
            "min", "avg", "sec", "hr", "hrs", "wk", "wks", "mo", "mos", "yr", "yrs", "sp", "spp", "subsp", "var",
            "cv", "ed", "eds", "suppl", "ns", "esp", "cp", "cpr", "gél", "inj", "sol", "susp", "amp", "conc",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "janv", "févr",
            "avr", "juil", "déc");
    /** Ambiguous abbreviations usually followed by a number inside the sentence: {@code et al. 2005}, {@code Jan. 1}. */
    private static final Set<String> AMBIGUOUS_BEFORE_NUMBER = setOf(
            "al", "ed", "eds", "suppl", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "janv", "févr", "avr", "juil", "déc");
    /** Words that open sentences and are not names: a capitalised one after an initial means a new sentence. */
    private static final Set<String> STARTERS = setOf(
            // English
            "An", "The", "This", "These", "That", "Those", "There", "Here", "It", "Its", "We", "Our", "They",
            "Their", "He", "She", "His", "Her", "In", "On", "At", "For", "From", "With", "Without", "Within",
            "By", "Of", "To", "As", "If", "When", "While", "Where", "Whether", "What", "Which", "Who", "How", "Why",
            "After", "Before", "During", "Since", "Because", "Although", "Though", "However", "Moreover",
            "Furthermore", "Therefore", "Thus", "Hence", "Also", "But", "And", "Or", "Nor", "Not", "No", "Yes",
            "All", "Among", "Both", "Each", "Every", "Other", "Others", "Overall", "Most", "Many", "Some", "Several",
            "Few", "One", "Two", "Three", "Patients", "Results", "Conclusion", "Conclusions", "Methods",
            "Background", "Objective", "Objectives", "Further", "Finally", "First", "Second", "Mean", "Median",
            "Data", "Only", "Is", "Are", "Was", "Were", "Do", "Does", "Did", "Can", "Could", "Should", "Compared",
            "Using", "Based", "Despite", "Following", "Given", "Between", "Over", "Under", "Such", "Then", "Thereafter",
            // French
            "Le", "La", "Les", "Un", "Une", "Des", "Du", "De", "Au", "Aux", "Ce", "Cet", "Cette", "Ces", "Cela", "Ceci",
            "Il", "Elle", "Ils", "Elles", "On", "Nous", "Vous", "Je", "Dans", "En", "Pour", "Par", "Sur", "Avec",
            "Sans", "Chez", "Après", "Avant", "Pendant", "Lors", "Selon", "Mais", "Et", "Ou", "Donc", "Or", "Car",
            "Cependant", "Toutefois", "Néanmoins", "Ainsi", "Enfin", "Puis", "Si", "Quand", "Lorsque", "Aucun",
            "Aucune", "Chaque", "Tous", "Toutes", "Plusieurs", "Son", "Sa", "Ses", "Leur", "Leurs", "Notre", "Est",
            "Sont", "Quel", "Quelle", "Quels", "Quelles", "Compte", "Pour", "Chez", "Depuis", "Entre", "Outre",
            "Oui", "Non");
    /** Lower-case words after which an upper-case letter with a full stop is an initial: "by J. Smith". */
    private static final Set<String> INITIAL_PRECEDERS = setOf(
            "by", "and", "with", "from", "of", "to", "et", "par", "de", "du", "des", "avec", "selon", "pour", "chez",
            "dr", "pr", "prof", "mr", "mrs", "ms", "mme", "mlle");

    /** Words a heading never ends with: a line ending with one continues on the next line. */
    private static final Set<String> CONTINUING = setOf(
            "a", "an", "the", "of", "with", "and", "or", "to", "in", "on", "for", "by", "at", "from", "as", "than",
            "that", "is", "are", "was", "were", "be", "been", "into", "versus", "vs",
            "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "à", "au", "aux", "en", "par",
            "pour", "avec", "sur", "dans", "que", "qui", "est", "sont", "chez", "sans", "entre");

    /** A line of at most this many words, without terminal punctuation, before a capitalised line is a heading. */
    private static final int MAX_HEADING_WORDS = 12;

    /** An upper-case section label and its colon, as PubMed glues them to the previous sentence ("care.AIM:"). */
    private static final Pattern GLUED_LABEL = Pattern.compile("\\p{Lu}{3,}(?:[ /]\\p{Lu}{2,})*:");

    private SentenceSplitter() {
    }

    private static Set<String> setOf(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }

    /** The sentences of {@code text} as trimmed, ordered, non-overlapping spans; empty for a blank text. */
    public static List<TextSpan> split(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        int n = text.length();
        Matcher marker = LIST_MARKER.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher citation = CITATION.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher glued = GLUED_LABEL.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        IntList cuts = new IntList();
        int sentStart = -1;
        boolean content = false; // a letter or digit since the last cut
        int depth = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (sentStart < 0 && !isSpace(c)) {
                sentStart = i;
            }
            if (!content && Character.isLetterOrDigit(c)) {
                content = true;
            }
            if (isLineBreak(c)) {
                if (lineBreakEnds(text, i, marker)) {
                    cuts.add(i);
                    sentStart = -1;
                    content = false;
                    depth = 0;
                }
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
                continue;
            }
            if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (INLINE_BULLETS.indexOf(c) >= 0) {
                if (i > 0 && isSpace(text.charAt(i - 1)) && i + 1 < n && isSpace(text.charAt(i + 1)) && sentStart < i) {
                    cuts.add(i);
                    sentStart = i;
                    content = false;
                    depth = 0;
                }
                continue;
            }
            if (TERMINALS.indexOf(c) < 0) {
                continue;
            }
            // a run of terminal punctuation: "." "?!" "..." "…"
            int j = i + 1;
            while (j < n && TERMINALS.indexOf(text.charAt(j)) >= 0) {
                j++;
            }
            // closing quotes and brackets, a spaced French guillemet, a numeric citation
            int k = j;
            int d = depth;
            while (k < n) {
                char ck = text.charAt(k);
                if (CLOSERS.indexOf(ck) >= 0) {
                    if (ck == ')' || ck == ']' || ck == '}') {
                        d = Math.max(0, d - 1);
                    }
                    k++;
                } else if (ck == '[' && citation.region(k, Math.min(n, k + 40)).lookingAt()) {
                    k = citation.end();
                } else if (isHorizontalSpace(ck) && k + 1 < n
                        && (text.charAt(k + 1) == '»' || isHorizontalSpace(text.charAt(k + 1)) && k + 2 < n
                        && text.charAt(k + 2) == '»')) {
                    k = text.indexOf('»', k) + 1;
                } else {
                    break;
                }
            }
            if (k < n && content && c == '.' && j == i + 1 && i > 0 && Character.isLowerCase(text.charAt(i - 1))
                    && (glued.region(k, Math.min(n, k + 40)).lookingAt() || gluedSentence(text, i, k))) {
                // "health care.AIM: To test", "high transmission.Thus broad": no space after the full stop
                cuts.add(k);
                sentStart = -1;
                content = false;
                depth = 0;
                i = k - 1;
                continue;
            }
            if (k < n && !isSpace(text.charAt(k))) {
                i = j - 1; // "e.g.," "3.4" "U.S.A" "n.s.)." : not a boundary here; closers are scanned next
                continue;
            }
            int next = k;
            while (next < n && isSpace(text.charAt(next))) {
                next++;
            }
            // a terminal run before any letter or digit ("? Traitement", "... and") ends nothing
            boolean ends = content && (next >= n || endsBefore(text, i, j, k, next, d, sentStart));
            if (ends) {
                cuts.add(k);
                sentStart = -1;
                content = false;
                depth = 0;
                i = k - 1;
            } else {
                i = j - 1;
            }
        }
        return spans(text, cuts);
    }

    /** The sentences of {@code text} as strings. */
    public static List<String> sentences(String text) {
        List<TextSpan> spans = split(text);
        List<String> out = new ArrayList<>(spans.size());
        for (TextSpan s : spans) {
            out.add(s.of(text));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static boolean lineBreakEnds(String text, int i, Matcher marker) {
        char c = text.charAt(i);
        if (c == '\f' || c == '\u2029') {
            return true;
        }
        int n = text.length();
        int k = i + 1;
        if (c == '\r' && k < n && text.charAt(k) == '\n') {
            k++;
        }
        while (k < n && isHorizontalSpace(text.charAt(k))) {
            k++;
        }
        if (k >= n) {
            return false;
        }
        if (isLineBreak(text.charAt(k))) {
            return true; // blank line: paragraph break
        }
        return marker.region(k, Math.min(n, k + 8)).lookingAt() || headingBefore(text, i, k);
    }

    /**
     * Whether the line ending at {@code lineEnd} is a heading: short, no terminal punctuation, and the next line (at
     * {@code next}) opens with a capital or a digit. Sources unwrap their lines, so such a line is not a wrapped one:
     * "Concomitant use of antibiotics\nThe threshold for administering…".
     */
    private static boolean headingBefore(String text, int lineEnd, int next) {
        char nc = text.charAt(next);
        if (!Character.isUpperCase(nc) && !Character.isDigit(nc)) {
            return false;
        }
        int start = lineEnd;
        while (start > 0 && !isLineBreak(text.charAt(start - 1))) {
            start--;
        }
        int end = lineEnd;
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (end == start || TERMINALS.indexOf(text.charAt(end - 1)) >= 0 || ",;:".indexOf(text.charAt(end - 1)) >= 0) {
            return false;
        }
        if (!Character.isUpperCase(text.charAt(start)) && !Character.isDigit(text.charAt(start))) {
            return false;
        }
        int lastWord = end;
        while (lastWord > start && Character.isLetter(text.charAt(lastWord - 1))) {
            lastWord--;
        }
        if (CONTINUING.contains(text.substring(lastWord, end).toLowerCase(Locale.ROOT))) {
            return false; // "Patients were treated with\nArtesunate": the sentence goes on
        }
        return Chunker.countWords(text.subSequence(start, end)) <= MAX_HEADING_WORDS;
    }

    /**
     * Whether the full stop at {@code dot}, directly followed at {@code next} by a capitalised word ("transmission.Thus"),
     * ends a sentence: the word before is at least three lower-case letters, so initials, abbreviations with capitals
     * and "e.g." are left alone.
     */
    private static boolean gluedSentence(String text, int dot, int next) {
        if (next + 1 >= text.length() || !Character.isUpperCase(text.charAt(next))
                || !Character.isLowerCase(text.charAt(next + 1))) {
            return false;
        }
        int start = dot;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        if (dot - start < 3 || (start > 0 && text.charAt(start - 1) == '.')) {
            return false;
        }
        for (int p = start; p < dot; p++) {
            if (!Character.isLowerCase(text.charAt(p))) {
                return false;
            }
        }
        return !NON_TERMINAL.contains(text.substring(start, dot).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the terminal run {@code text[i, j)}, followed by closers up to {@code k} and white space up to
     * {@code next} (a non-space character), ends the sentence.
     */
    private static boolean endsBefore(String text, int i, int j, int k, int next, int depth, int sentStart) {
        char nc = text.charAt(next);
        if (NO_START.indexOf(nc) >= 0) {
            return false;
        }
        if (depth > 0 && closesSoon(text, k)) {
            return false; // "(cf. 010. Autres recommandations de la Commission)."
        }
        boolean question = false;
        for (int p = i; p < j; p++) {
            char c = text.charAt(p);
            question |= c == '?' || c == '!';
        }
        if (question) {
            return !Character.isLowerCase(nc) && !Character.isDigit(nc); // "TPS ? 1 %": a lost "≥", not an end
        }
        if (j - i > 1 || text.charAt(i) == '…') {
            return !Character.isLowerCase(nc);
        }
        return fullStopEnds(text, i, next, sentStart);
    }

    private static boolean fullStopEnds(String text, int dot, int next, int sentStart) {
        int ts = tokenStart(text, dot);
        if (ts < 0) {
            return true;
        }
        int a = ts;
        while (a < dot && OPENERS.indexOf(text.charAt(a)) >= 0) {
            a++;
        }
        if (a == dot) {
            return true; // "biliaires ." or "». "
        }
        Matcher elision = ELISION.matcher(text).region(a, dot);
        if (elision.lookingAt()) {
            a = elision.end(); // "d’E. coli" is about "E."
        }
        String tok = text.substring(a, dot);
        char nc = text.charAt(next);
        boolean atSentenceStart = ts == sentStart || a == sentStart;
        boolean singleLetter = tok.length() == 1 && Character.isLetter(tok.charAt(0));
        if (atSentenceStart && (singleLetter || SMALL_NUMBER.matcher(tok).matches() || ROMAN.matcher(tok).matches())) {
            return false; // list or heading number: "1. Prendre", "II. Résultats", "a. ..."
        }
        if (SMALL_NUMBER.matcher(tok).matches()
                && (Character.isLowerCase(nc) || previousToken(text, ts).endsWith(":"))) {
            return false; // enumerations: "Posologie : 1. Prendre", "twofold: 1. to assess ... and 2. to compare"
        }
        if (NON_TERMINAL_CASED.contains(tok)) {
            return false;
        }
        String lower = ACRONYM.matcher(tok).matches() ? "" : tok.toLowerCase(Locale.ROOT); // "ART." is a word
        if (NON_TERMINAL.contains(lower)) {
            return false;
        }
        if (BEFORE_NUMBER.contains(lower) && Character.isDigit(nc)) {
            return false;
        }
        if (AMBIGUOUS.contains(lower)) {
            if (Character.isDigit(nc)) {
                return !AMBIGUOUS_BEFORE_NUMBER.contains(lower); // "20-40 min. 244 parents" vs "Smith et al. 2005"
            }
            return startsCapitalisedWord(text, next);
        }
        if (singleLetter) {
            return singleLetterEnds(text, ts, tok.charAt(0), next);
        }
        if (DOTTED.matcher(tok).matches()) {
            if (Character.isLowerCase(nc) || Character.isDigit(nc)) {
                return false;
            }
            return !Character.isUpperCase(nc) || isStarter(text, next);
        }
        return true;
    }

    private static boolean singleLetterEnds(String text, int ts, char letter, int next) {
        char nc = text.charAt(next);
        String prev = previousToken(text, ts);
        if (NUMBER.matcher(prev).matches()) {
            // a unit: "24 h. The" and "-0.5 D. Cycloplegic" end, "24 h. after" does not
            return Character.isDigit(nc) || startsCapitalisedWord(text, next);
        }
        if (Character.isLowerCase(nc) || Character.isDigit(nc)) {
            return false; // "A. madagascariensis", "p. ex.", "p. 12"
        }
        if (!Character.isUpperCase(nc)) {
            return true;
        }
        if (isStarter(text, next)) {
            return true; // "vitamin C. The ..."
        }
        if (letter == 'M' || Character.isLowerCase(letter)) {
            return false; // French title "M. Dupont"
        }
        // "J. Smith" is an initial unless the letter follows an ordinary lower-case word ("hepatitis B. Patients")
        boolean plainLowerWord = !prev.isEmpty() && Character.isLowerCase(prev.charAt(0)) && allLetters(prev);
        return plainLowerWord && !INITIAL_PRECEDERS.contains(prev);
    }

    /** A closing bracket comes within {@value #BRACKET_LOOKAHEAD} characters, before any opening one or line break. */
    private static boolean closesSoon(String text, int from) {
        int end = Math.min(text.length(), from + BRACKET_LOOKAHEAD);
        for (int p = from; p < end; p++) {
            char c = text.charAt(p);
            if (c == ')' || c == ']' || c == '}') {
                return true;
            }
            if (c == '(' || c == '[' || c == '{' || isLineBreak(c)) {
                return false;
            }
        }
        return false;
    }

    /** Start of the white-space-delimited token ending just before {@code end}, or -1 if longer than the cap. */
    private static int tokenStart(String text, int end) {
        int p = end;
        while (p > 0 && !isSpace(text.charAt(p - 1))) {
            p--;
            if (end - p > MAX_TOKEN) {
                return -1;
            }
        }
        return p;
    }

    /** The token before the one starting at {@code ts}, or "" (at the start, or after a line break). */
    private static String previousToken(String text, int ts) {
        int p = ts;
        int limit = Math.max(0, ts - MAX_TOKEN);
        while (p > limit && isHorizontalSpace(text.charAt(p - 1))) {
            p--;
        }
        if (p == ts || p <= limit) {
            return "";
        }
        int e = p;
        while (p > limit && !isSpace(text.charAt(p - 1))) {
            p--;
        }
        return text.substring(p, e);
    }

    private static boolean startsCapitalisedWord(String text, int at) {
        if (isStarter(text, at)) {
            return true;
        }
        if (!Character.isUpperCase(text.charAt(at)) || at + 1 >= text.length()) {
            return false;
        }
        char c1 = text.charAt(at);
        char c2 = text.charAt(at + 1);
        // "Overall", "L’ivabradine", or the one-letter words "A ..." / "I ..."
        return Character.isLowerCase(c2) || c2 == '’' || c2 == '\'' || (c1 == 'A' || c1 == 'I') && isSpace(c2);
    }

    private static boolean isStarter(String text, int at) {
        int n = text.length();
        int e = at;
        while (e < n && e - at < 32 && Character.isLetter(text.charAt(e))) {
            e++;
        }
        if (e == at || !Character.isUpperCase(text.charAt(at))) {
            return false;
        }
        if (e < n && e - at <= 2 && (text.charAt(e) == '’' || text.charAt(e) == '\'')) {
            return true; // elided French article or pronoun: "L’ivabradine", "D’autres", "Qu’il"
        }
        return STARTERS.contains(text.substring(at, e));
    }

    private static boolean allLetters(String s) {
        for (int p = 0; p < s.length(); p++) {
            if (!Character.isLetter(s.charAt(p))) {
                return false;
            }
        }
        return true;
    }

    private static List<TextSpan> spans(String text, IntList cuts) {
        List<TextSpan> out = new ArrayList<>();
        int n = text.length();
        int from = 0;
        int pendingStart = -1; // start of leading fragments with no letter or digit
        for (int idx = 0; idx <= cuts.size(); idx++) {
            int to = idx < cuts.size() ? cuts.get(idx) : n;
            if (to <= from) {
                continue;
            }
            int s = from;
            int e = to;
            from = to;
            while (s < e && isSpace(text.charAt(s))) {
                s++;
            }
            while (e > s && isSpace(text.charAt(e - 1))) {
                e--;
            }
            if (s == e) {
                continue;
            }
            if (!hasLetterOrDigit(text, s, e)) {
                if (!out.isEmpty()) {
                    TextSpan last = out.removeLast();
                    out.add(new TextSpan(last.start(), e));
                } else if (pendingStart < 0) {
                    pendingStart = s;
                }
                continue;
            }
            if (pendingStart >= 0) {
                s = pendingStart;
                pendingStart = -1;
            }
            out.add(new TextSpan(s, e));
        }
        if (pendingStart >= 0) {
            // the whole text has neither letter nor digit: one span over its non-blank part
            int e = n;
            while (e > pendingStart && isSpace(text.charAt(e - 1))) {
                e--;
            }
            out.add(new TextSpan(pendingStart, e));
        }
        return out;
    }

    private static boolean hasLetterOrDigit(String text, int s, int e) {
        for (int p = s; p < e; p++) {
            if (Character.isLetterOrDigit(text.charAt(p))) {
                return true;
            }
        }
        return false;
    }

    /** White space, including no-break spaces (French typography puts U+00A0 / U+202F before {@code ? ! : ;}). */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isHorizontalSpace(char c) {
        return isSpace(c) && !isLineBreak(c);
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u0085' || c == '\u2028'
                || c == '\u2029';
    }

    /** A growable int array, to avoid boxing. */
    private static final class IntList {
        private int[] a = new int[16];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int get(int idx) {
            return a[idx];
        }

        int size() {
            return size;
        }
    }
}
