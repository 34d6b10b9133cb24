package fr.preuve.core.text;

import java.util.Arrays;
import java.util.Set;

/**
 * The small word sets the sentence splitter consults: abbreviations by how a full stop after them behaves, words that
 * open sentences, words before an initial, and words a heading never ends with.
 */
final class SplitterLexicon {

    /** Abbreviations after which a full stop never ends a sentence (lower-cased, without the final dot). */
    static final Set<String> NON_TERMINAL = setOf(
            // Latin and English
            "e.g", "eg", "i.e", "ie", "cf", "vs", "viz", "approx", "ca", "fig", "figs", "tab", "tbl", "eq",
            "eqs", "ref", "refs", "vol", "vols", "pp", "ch", "chap", "sect", "art", "dr", "drs", "prof", "mr", "mrs",
            "ms", "st", "mt",
            // French
            "pr", "mme", "mmes", "mlle", "mlles", "env", "réf", "éd", "ex", "c.-à-d", "c-à-d", "càd", "ibid",
            "op", "coll", "cit");
    /** Case-sensitive non-terminal abbreviations (their lower-case form is a common word or unit). */
    static final Set<String> NON_TERMINAL_CASED = setOf("MM", "Me", "Mgr");
    /** Abbreviations that are non-terminal before a number: {@code No. 5}, {@code p. 12}, {@code n. 3}. */
    static final Set<String> BEFORE_NUMBER = setOf("no", "nos", "nr", "n", "p", "pp", "num", "vol");
    /** Abbreviations that often end a sentence: the sentence ends only if a capitalised word follows. */
    static final Set<String> AMBIGUOUS = setOf(
            "etc", "al", "resp", "inc", "ltd", "co", "corp", "jr", "sr", "dept", "univ", "incl", "excl", "max",
            "min", "avg", "sec", "hr", "hrs", "wk", "wks", "mo", "mos", "yr", "yrs", "sp", "spp", "subsp", "var",
            "cv", "ed", "eds", "suppl", "ns", "esp", "cp", "cpr", "gél", "inj", "sol", "susp", "amp", "conc",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "janv", "févr",
            "avr", "juil", "déc");
    /** Ambiguous abbreviations usually followed by a number inside the sentence: {@code et al. 2005}, {@code Jan. 1}. */
    static final Set<String> AMBIGUOUS_BEFORE_NUMBER = setOf(
            "al", "ed", "eds", "suppl", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "janv", "févr", "avr", "juil", "déc");
    /** Words that open sentences and are not names: a capitalised one after an initial means a new sentence. */
    static final Set<String> STARTERS = setOf(
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
    static final Set<String> INITIAL_PRECEDERS = setOf(
            "by", "and", "with", "from", "of", "to", "et", "par", "de", "du", "des", "avec", "selon", "pour", "chez",
            "dr", "pr", "prof", "mr", "mrs", "ms", "mme", "mlle");

    /** Words a heading never ends with: a line ending with one continues on the next line. */
    static final Set<String> CONTINUING = setOf(
            "a", "an", "the", "of", "with", "and", "or", "to", "in", "on", "for", "by", "at", "from", "as", "than",
            "that", "is", "are", "was", "were", "be", "been", "into", "versus", "vs",
            "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "à", "au", "aux", "en", "par",
            "pour", "avec", "sur", "dans", "que", "qui", "est", "sont", "chez", "sans", "entre");

    private SplitterLexicon() {
    }

    private static Set<String> setOf(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }
}
