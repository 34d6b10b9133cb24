package fr.preuve.core.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labelled patient and file identifiers: {@code IPP 123456}, {@code IPP : 2024-000123}, {@code n° de dossier 8812345},
 * {@code NDA …}, {@code numéro patient …}, {@code MRN …}, and social security numbers whose NIR key does not check
 * ({@code n° sécu …}). Only the identifier is reported, and only when it holds at least five digits and is not followed
 * by a unit: {@code IPP 20 mg} is a proton-pump inhibitor, not a file number.
 */
final class IdentifierDetector implements Detector {
    private static final String NO = "(?:n°|nº|no\\.?|num(?:éro|ero)?\\.?|#)";
    private static final String LABEL = "(?<![\\p{L}])(?:IPP|NIP|NDA|MRN|NIR|PID"
            + "|" + NO + "\\s*(?:de\\s+|d['’]\\s*)?(?:dossier|patient|séjour|venue|admission|sécu(?:rité\\s+sociale)?|ss|identification|identifiant|INS)"
            + "|(?:dossier|patient)\\s+" + NO
            + "|identifiant\\s+(?:patient|national\\s+de\\s+santé)|matricule\\s+INS|carte\\s+vitale|sécu"
            + "|patient\\s+(?:ID|identifier|number)|medical\\s+record(?:\\s+(?:number|no\\.?))?|hospital\\s+number|record\\s+number)";
    /** Optional letters, then digits with single separators, ending on a digit. */
    private static final Pattern LABELLED = Pattern.compile(LABEL + "(?:\\s*" + NO + ")?\\s*[:#=]?\\s*"
            + "((?:[A-Z]{1,3}-?)?[0-9](?:[0-9]|2[AB](?=[ \\u00A0]?[0-9])|[./\\-](?=[0-9])|[ \\u00A0](?=[0-9]))*)(?![0-9\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern UNIT_AFTER = Pattern.compile("^\\s*(?:mg|g|µg|mcg|ml|mL|l|UI|IU|%|ans|an|mois|jours?|"
            + "semaines?|h|heures?|mmol|ng|kg|fois|x)(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DIGIT = Pattern.compile("[0-9]");
    private static final int MIN_DIGITS = 5;

    @Override
    public List<Finding> find(String text) {
        List<Finding> out = new ArrayList<>();
        Matcher m = LABELLED.matcher(text);
        while (m.find()) {
            String id = m.group(1);
            if (DIGIT.matcher(id).results().count() >= MIN_DIGITS
                    && !UNIT_AFTER.matcher(text.substring(m.end(1))).find()) {
                out.add(Finding.of(FindingType.IPP, text, m.start(1), m.end(1)));
            }
        }
        return out;
    }
}
