package fr.preuve.core.search;

import fr.preuve.core.doc.PublicationType;
import fr.preuve.core.doc.SourceKind;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Restricts search and answers. Empty sets and null years mean "no restriction".
 *
 * @param sources   keep only these sources
 * @param languages keep only these languages (ISO 639-1)
 * @param fromYear  keep publications from this year on (inclusive)
 * @param toYear    keep publications up to this year (inclusive)
 * @param types     keep only these publication types
 */
public record Filters(Set<SourceKind> sources, Set<String> languages, Integer fromYear, Integer toYear,
                      Set<PublicationType> types) {
    public static final Filters NONE = new Filters(Set.of(), Set.of(), null, null, Set.of());

    /** Filters without a publication-type restriction. */
    public Filters(Set<SourceKind> sources, Set<String> languages, Integer fromYear, Integer toYear) {
        this(sources, languages, fromYear, toYear, Set.of());
    }

    public Filters {
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        for (String l : languages) {
            if (!l.matches("[a-z]{2}")) {
                throw new IllegalArgumentException("bad language '" + l + "': expected a two-letter code such as en or fr");
            }
        }
        types = types == null ? Set.of() : Set.copyOf(types);
        checkYear("from", fromYear);
        checkYear("to", toYear);
        if (fromYear != null && toYear != null && fromYear > toYear) {
            throw new IllegalArgumentException("year range is empty: from " + fromYear + " is after to " + toYear);
        }
    }

    public boolean isEmpty() {
        return sources.isEmpty() && languages.isEmpty() && fromYear == null && toYear == null && types.isEmpty();
    }

    /**
     * Filters from the values a user typed (a request's parameters, the command line's options): source keys,
     * language codes and publication types in any case. Fails on the first bad value, naming it and what is accepted.
     */
    public static Filters parse(Collection<String> sources, Collection<String> languages, Integer fromYear,
                                Integer toYear, Collection<String> types) {
        Set<SourceKind> kinds = new LinkedHashSet<>();
        for (String s : sources) {
            kinds.add(SourceKind.fromKey(s));
        }
        Set<String> langs = new LinkedHashSet<>();
        for (String l : languages) {
            langs.add(language(l));
        }
        Set<PublicationType> pubTypes = new LinkedHashSet<>();
        for (String t : types) {
            pubTypes.add(PublicationType.fromKey(t));
        }
        return new Filters(kinds, langs, fromYear, toYear, pubTypes);
    }

    /** Parses a language code, lower-casing it; the message names the bad value. */
    public static String language(String raw) {
        String l = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!l.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("bad language '" + raw + "': expected a two-letter code such as en or fr");
        }
        return l;
    }

    private static void checkYear(String name, Integer y) {
        if (y != null && (y < 1800 || y > 2200)) {
            throw new IllegalArgumentException("bad year " + name + "=" + y + ": expected a year between 1800 and 2200");
        }
    }
}
