package fr.preuve.core.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names that designate a patient. Reported (without the civility):
 * <ul>
 * <li>after a civility: {@code M.}, {@code Mr}, {@code Mme}, {@code Mlle}, {@code Monsieur}, {@code Madame},
 * {@code Mrs}, {@code Ms}, {@code Miss} followed by capitalised words or initials;</li>
 * <li>after {@code Dr}, {@code Pr}, {@code Docteur}, {@code Professeur} only when the person is the patient: an age
 * follows ({@code le Dr Martin, 54 ans}) or a patient word precedes ({@code le patient Dr Martin}); a treating
 * physician or a quoted expert is not patient data;</li>
 * <li>a known first name next to a surname or an initial ({@code Jean Dupont}, {@code Jean DUPONT},
 * {@code DUPONT Jean}, {@code Yasmine B.});</li>
 * <li>a capitalised word right after {@code patient}, {@code patiente}, {@code malade}, {@code enfant};</li>
 * <li>initials ({@code J.D.}) or a capitalised word mid-sentence followed by an age ({@code , 45 ans}).</li>
 * </ul>
 * Not reported: eponyms ({@code maladie de Crohn}), acronyms and terms, authors ({@code Smith et al.},
 * {@code selon Dupont}), institutions and streets named after people, anonymised {@code Mme X}.
 */
final class NameDetector implements Detector {
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
    private static final String SP = "[ \\u00A0]+";
    private static final String WORD = "[\\p{Lu}][\\p{L}'’]*(?:-[\\p{Lu}][\\p{L}'’]*)*";
    private static final String INITIALS = "[\\p{Lu}]\\.(?:[ \\u00A0]?-?[\\p{Lu}]\\.)*";
    private static final String PARTICLE = "(?:(?:de|du|des|van|von|der|den|di|da|del|dos|ben|el|al)" + SP + "|d['’])";
    private static final String NAME = "(?:" + PARTICLE + ")?(?:" + INITIALS + "|" + WORD + ")(?:" + SP + "(?:" + PARTICLE
            + ")?(?:" + INITIALS + "|" + WORD + ")){0,3}";
    private static final Pattern CIVILITY = Pattern.compile("(?<![\\p{L}])(?:M\\.|MM\\.|Mr\\.?|Mrs\\.?|Ms\\.?|Miss"
            + "|(?i:monsieur|madame|mademoiselle|mmes|mme|mlles|mlle)\\.?)" + SP + "(" + NAME + ")", FLAGS);
    private static final Pattern DOCTOR = Pattern.compile("(?<![\\p{L}])(?:Dr\\.?|Dre|Pr\\.?|Pre|Prof\\.?"
            + "|(?i:docteure?|professeure?))" + SP + "(" + NAME + ")", FLAGS);
    private static final Pattern INITIALS_ALONE = Pattern.compile("(?<![\\p{L}.])([\\p{Lu}]\\.[ \\u00A0]?-?[\\p{Lu}]\\."
            + "(?:[ \\u00A0]?[\\p{Lu}]\\.)?)", FLAGS);
    private static final Pattern CAPITALISED = Pattern.compile("(?<![\\p{L}0-9'’\\-])" + WORD, FLAGS);
    private static final Pattern ALL_CAPS = Pattern.compile("[\\p{Lu}'’\\-]{2,}", FLAGS);
    private static final Pattern SPACES = Pattern.compile(SP);
    /** A surname initial after a first name ({@code Yasmine B.}). */
    private static final Pattern INITIAL_AFTER = Pattern.compile("^" + SP + "[\\p{Lu}]\\.(?![\\p{L}])", FLAGS);

    private static final Pattern AGE_AFTER = Pattern.compile("^[ \\u00A0]*(?:,[ \\u00A0]*|\\([ \\u00A0]*)?(?:[0-9]{1,3}"
            + "(?:[ \\u00A0]*(?:ans|an|years?(?:[ \\u00A0\\-]old)?|yo|y/o)|-year-old)|âgée?" + SP + "de|aged" + SP + "[0-9])"
            + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PATIENT_BEFORE = Pattern.compile("(?<![\\p{L}])(?:patient|patiente|malade|enfant|bébé"
            + "|nourrisson)" + SP + "(?:(?:le|la)" + SP + ")?$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Placeholders of already anonymised text ({@code Mme X}). */
    private static final Set<String> ANONYMOUS = Set.of("X", "Y", "Z", "XX", "XXX", "X.", "Y.", "Z.");
    private static final String SENTENCE_STARTS = ".!?:;\n«\"“(–—";
    private static final int CONTEXT = 60;

    private record Token(String text, int start, int end) {
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> out = new ArrayList<>();
        Matcher m = CIVILITY.matcher(text);
        while (m.find()) {
            if (!ANONYMOUS.contains(m.group(1)) && !authorAfter(text, m.end(1))) {
                out.add(Finding.of(FindingType.NAME, text, m.start(1), m.end(1)));
            }
        }
        m = DOCTOR.matcher(text);
        while (m.find()) {
            if (AGE_AFTER.matcher(after(text, m.end(1))).find()
                    || PATIENT_BEFORE.matcher(before(text, m.start())).find()) {
                out.add(Finding.of(FindingType.NAME, text, m.start(1), m.end(1)));
            }
        }
        m = INITIALS_ALONE.matcher(text);
        while (m.find()) {
            if (AGE_AFTER.matcher(after(text, m.end())).find() || PATIENT_BEFORE.matcher(before(text, m.start())).find()) {
                out.add(Finding.of(FindingType.NAME, text, m.start(1), m.end(1)));
            }
        }
        findInCapitalisedRuns(text, out);
        return merge(text, out);
    }

    /** First name + surname, surname + first name, a name after a patient word, a name followed by an age. */
    private static void findInCapitalisedRuns(String text, List<Finding> out) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = CAPITALISED.matcher(text);
        while (m.find()) {
            tokens.add(new Token(m.group(), m.start(), m.end()));
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = i + 1 < tokens.size() && adjacent(text, t, tokens.get(i + 1)) ? tokens.get(i + 1) : null;
            if (next != null && (isFirstName(t) && isSurname(next) || isCapsSurname(t) && isFirstName(next))
                    && !vetoed(text, t.start(), next.end())) {
                out.add(Finding.of(FindingType.NAME, text, t.start(), next.end()));
            }
            Matcher initial = INITIAL_AFTER.matcher(after(text, t.end()));
            if (isFirstName(t) && initial.find() && !vetoed(text, t.start(), t.end())) {
                out.add(Finding.of(FindingType.NAME, text, t.start(), t.end() + initial.end()));
            }
            boolean afterPatientWord = PATIENT_BEFORE.matcher(before(text, t.start())).find();
            boolean caps = ALL_CAPS.matcher(t.text()).matches();
            if (afterPatientWord && isSurname(t) && (!caps || isCapsSurname(t) && t.text().length() >= 4)
                    && !vetoed(text, t.start(), t.end())) {
                out.add(Finding.of(FindingType.NAME, text, t.start(), next != null && isSurname(next) ? next.end() : t.end()));
            }
            boolean startsSentence = sentenceInitial(text, t.start());
            if (AGE_AFTER.matcher(after(text, t.end())).find() && isSurname(t)
                    && (!startsSentence || isFirstName(t) || isCapsSurname(t)) && !vetoed(text, t.start(), t.end())) {
                out.add(Finding.of(FindingType.NAME, text, t.start(), t.end()));
            }
        }
    }

    private static boolean adjacent(String text, Token a, Token b) {
        return SPACES.matcher(text.substring(a.end(), b.start())).matches();
    }

    private static boolean isFirstName(Token t) {
        for (String part : t.text().split("-")) {
            if (!Lexicon.isFirstName(part)) {
                return false;
            }
        }
        return true;
    }

    /** A capitalised word that can be a surname: not an eponym, term, acronym, month or big city; two letters or more. */
    private static boolean isSurname(Token t) {
        return t.text().length() >= 2 && !Lexicon.notAName(t.text());
    }

    private static boolean isCapsSurname(Token t) {
        return ALL_CAPS.matcher(t.text()).matches() && isSurname(t) && t.text().chars().anyMatch(c -> "AEIOUYÉÈÊËÀÂÎÏÔÛÜ".indexOf(c) >= 0);
    }

    /** An eponym, an institution or street, or an author. */
    private static boolean vetoed(String text, int start, int end) {
        String before = before(text, start);
        return Lexicon.EPONYM_NOUN_BEFORE.matcher(before).find() || Lexicon.INSTITUTION_BEFORE.matcher(before).find()
                || Lexicon.AUTHOR_BEFORE.matcher(before).find() || authorAfter(text, end);
    }

    private static boolean authorAfter(String text, int end) {
        return Lexicon.AUTHOR_AFTER.matcher(after(text, end)).find();
    }

    private static boolean sentenceInitial(String text, int at) {
        int p = at - 1;
        while (p >= 0 && Character.isWhitespace(text.charAt(p))) {
            p--;
        }
        return p < 0 || SENTENCE_STARTS.indexOf(text.charAt(p)) >= 0;
    }

    private static String before(String text, int at) {
        return text.substring(Math.max(0, at - CONTEXT), at);
    }

    private static String after(String text, int at) {
        return text.substring(at, Math.min(text.length(), at + CONTEXT));
    }

    /** Overlapping name findings become one covering both. */
    private static List<Finding> merge(String text, List<Finding> found) {
        List<Finding> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Finding::start).thenComparing(Comparator.comparingInt(Finding::end).reversed()));
        List<Finding> out = new ArrayList<>();
        for (Finding f : sorted) {
            Finding last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.overlaps(f)) {
                out.set(out.size() - 1, Finding.of(FindingType.NAME, text, last.start(), Math.max(last.end(), f.end())));
            } else {
                out.add(f);
            }
        }
        return out;
    }
}
