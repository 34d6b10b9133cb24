package fr.preuve.core.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postal addresses: a street number, a street type ({@code rue}, {@code avenue}, {@code bd}, {@code chemin},
 * {@code allée}, {@code impasse}, {@code place}, {@code route}...) and a name with at least one capitalised word,
 * optionally followed by a postcode and city; a street without number after a residence verb ({@code habite rue
 * Victor Hugo}); English {@code 221 Baker Street}; and a French postcode followed by a city ({@code 75002 Paris}).
 */
final class AddressDetector implements Detector {
    private static final String PARTICLE = "(?:de|du|des|la|le|les|d['’]|l['’]|à|au|aux|sur|sous|en|et|of|the)";
    private static final String WORD = "[\\p{Lu}0-9][\\p{L}0-9'’\\-]*";
    /** Lower-case particles then a capitalised word (or a number, {@code rue du 8 Mai 1945}), up to six words. */
    private static final String STREET_NAME = "(?:" + PARTICLE + "\\s*)*" + "[\\p{Lu}][\\p{L}0-9'’\\-]*"
            + "(?:[ \\u00A0]+(?:" + PARTICLE + "\\s*)*" + WORD + "){0,5}";
    private static final String NUMBER = "[0-9]{1,4}(?:[ \\u00A0]?(?:bis|ter|quater|[A-Da-d](?![\\p{L}])))?,?";
    private static final String STREET_TYPE = "(?:rue|avenue|av\\.|bd|boulevard|bld|chemin|ch\\.|allée|allee|impasse"
            + "|place|pl\\.|route|rte|quai|cours|square|passage|sentier|hameau|lotissement|résidence|cité|faubourg|fbg"
            + "|rond-point|promenade|esplanade|voie|parvis|ruelle|traverse|montée|mail|villa|lieu-dit)";
    private static final String CITY_WORD = "(?:[\\p{Lu}][\\p{Ll}][\\p{L}'’\\-]*|[\\p{Lu}]{3,}(?:-[\\p{Lu}]+)*)";
    private static final String CITY = "(?:(?:Le|La|Les|L['’])[ \\u00A0]?)?" + CITY_WORD
            + "(?:[ \\u00A0]+(?:sur|sous|en|lès|les|le|la|de|du)[ \\u00A0\\-]+" + CITY_WORD + ")?(?:[ \\u00A0]+CEDEX(?:[ \\u00A0]+[0-9]{1,2})?)?";
    private static final String POSTCODE = "(?:F-)?(?:0[1-9]|[1-8][0-9]|9[0-5]|97|98)[0-9]{3}";
    private static final String POSTAL = "(?:,?[ \\u00A0]*" + POSTCODE + "[ \\u00A0]+" + CITY + ")?";

    private static final Pattern STREET = Pattern.compile("(?<![\\p{L}0-9,.])" + NUMBER + "[ \\u00A0]+(?i:"
            + STREET_TYPE + ")[ \\u00A0]+" + STREET_NAME + POSTAL, Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern RESIDENCE = Pattern.compile("(?<![\\p{L}])(?i:habit\\p{L}*|domicili\\p{L}*|demeur\\p{L}*|résid\\p{L}*"
            + "|vit|vivant|adresse\\s*:?)[ \\u00A0]+(?i:au[ \\u00A0]+|à[ \\u00A0]+(?:la[ \\u00A0]+|l['’])?)?((?i:"
            + STREET_TYPE + ")[ \\u00A0]+" + STREET_NAME + POSTAL + ")", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ENGLISH = Pattern.compile("(?<![\\p{L}0-9,.])[0-9]{1,5}[A-Za-z]?[ \\u00A0]+"
            + "(?:[\\p{Lu}][\\p{L}'’\\-]*[ \\u00A0]+){1,3}(?:Street|St\\.|Road|Rd\\.|Avenue|Ave\\.|Lane|Drive|Dr\\.|Boulevard"
            + "|Blvd\\.?|Court|Place|Square|Way|Crescent|Terrace|Close|Gardens)(?![\\p{L}])", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern POSTCODE_CITY = Pattern.compile("(?<![\\p{L}0-9,.\\-/])" + POSTCODE + "[ \\u00A0]+("
            + CITY + ")(?![\\p{L}0-9])", Pattern.UNICODE_CHARACTER_CLASS);
    /** Capitalised words after a five-digit number that are not cities (units, counts). */
    private static final Set<String> NOT_CITIES = Set.of("ui", "iu", "unités", "units", "patients", "personnes", "cas",
            "décès", "habitants", "euros", "dollars", "naissances", "sujets", "enfants", "adultes", "femmes", "hommes",
            "participants", "people", "cases", "deaths", "mg", "ml", "cellules", "copies", "plaquettes", "leucocytes");

    @Override
    public List<Finding> find(String text) {
        List<Finding> out = new ArrayList<>();
        Matcher m = STREET.matcher(text);
        while (m.find()) {
            out.add(Finding.of(FindingType.ADDRESS, text, m.start(), m.end()));
        }
        m = RESIDENCE.matcher(text);
        while (m.find()) {
            out.add(Finding.of(FindingType.ADDRESS, text, m.start(1), m.end(1)));
        }
        m = ENGLISH.matcher(text);
        while (m.find()) {
            out.add(Finding.of(FindingType.ADDRESS, text, m.start(), m.end()));
        }
        m = POSTCODE_CITY.matcher(text);
        while (m.find()) {
            String firstWord = m.group(1).split("[ \\u00A0\\-]")[0].toLowerCase(Locale.ROOT);
            if (!NOT_CITIES.contains(firstWord)) {
                out.add(Finding.of(FindingType.ADDRESS, text, m.start(), m.end()));
            }
        }
        return out;
    }
}
