package fr.preuve.core.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds identifying patient data (names, NIR, dates of birth, event dates, phone numbers, e-mail and postal addresses,
 * file numbers) in a question before it leaves the process for an LLM endpoint not approved for health data (HDS), and
 * replaces it with placeholders. Rule-based, French first with English, deterministic and thread-safe; see
 * {@code docs/guard.md} for what it catches and misses.
 */
public final class PatientDataGuard {
    private static final PatientDataGuard STANDARD = new PatientDataGuard(List.of(new EmailDetector(), new NirDetector(),
            new IdentifierDetector(), new PhoneDetector(), new DateDetector(), new AddressDetector(), new NameDetector()));

    /** When two findings overlap and have the same length, the type listed first wins. */
    private static final Map<FindingType, Integer> PRIORITY = new EnumMap<>(FindingType.class);

    static {
        List<FindingType> order = List.of(FindingType.EMAIL, FindingType.NIR, FindingType.BIRTHDATE, FindingType.PHONE,
                FindingType.IPP, FindingType.ADDRESS, FindingType.DATE, FindingType.NAME);
        for (int i = 0; i < order.size(); i++) {
            PRIORITY.put(order.get(i), i);
        }
    }

    private final List<Detector> detectors;

    private PatientDataGuard(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /** The guard with every detector. */
    public static PatientDataGuard standard() {
        return STANDARD;
    }

    /**
     * Identifying data found in text, in order of position; empty when none. Findings never overlap: of two overlapping
     * candidates the longer is kept (a phone number over the date its first digits look like, an address over the
     * person its street is named after).
     */
    public List<Finding> scan(String text) {
        Objects.requireNonNull(text, "text");
        List<Finding> candidates = new ArrayList<>();
        for (Detector d : detectors) {
            candidates.addAll(d.find(text));
        }
        candidates.sort(Comparator.comparingInt(Finding::start)
                .thenComparing(Comparator.comparingInt((Finding f) -> f.end() - f.start()).reversed())
                .thenComparing(f -> PRIORITY.get(f.type())));
        List<Finding> kept = new ArrayList<>();
        for (Finding f : candidates) {
            Finding last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last == null || !last.overlaps(f)) {
                kept.add(f);
            } else if (beats(f, last)) {
                kept.set(kept.size() - 1, f);
            }
        }
        return List.copyOf(kept);
    }

    private static boolean beats(Finding challenger, Finding holder) {
        int a = challenger.end() - challenger.start();
        int b = holder.end() - holder.start();
        return a > b || a == b && PRIORITY.get(challenger.type()) < PRIORITY.get(holder.type());
    }

    /**
     * The text with each finding replaced by its type's placeholder ({@code [NOM]}, {@code [NIR]},
     * {@code [DATE_NAISSANCE]}, {@code [TÉLÉPHONE]}, {@code [EMAIL]}, {@code [ADRESSE]}, {@code [IPP]}, {@code [DATE]}).
     *
     * @throws IllegalArgumentException when a finding does not match the text at its span, or two findings overlap
     */
    public String redact(String text, List<Finding> findings) {
        return substitute(text, findings, f -> f.type().placeholder());
    }

    /**
     * The text with each finding removed (spaces normalised): what is left of a question for retrieval, where names,
     * numbers and dates that identify a patient only add noise. The text itself when nothing else is left.
     */
    public String remove(String text, List<Finding> findings) {
        String rest = substitute(text, findings, f -> " ").replaceAll("\\s+", " ").strip();
        return rest.isEmpty() ? text : rest;
    }

    private static String substitute(String text, List<Finding> findings, java.util.function.Function<Finding, String> by) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(findings, "findings");
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt(Finding::start));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Finding f : sorted) {
            if (f.end() > text.length() || !text.regionMatches(f.start(), f.text(), 0, f.text().length())) {
                throw new IllegalArgumentException("finding " + f + " does not match the text at [" + f.start() + ", "
                        + f.end() + ")");
            }
            if (f.start() < at) {
                throw new IllegalArgumentException("finding " + f + " overlaps the previous one, ending at " + at);
            }
            out.append(text, at, f.start()).append(by.apply(f));
            at = f.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
