package fr.preuve.core.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses. */
final class EmailDetector implements Detector {
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}0-9._%+\\-])[\\p{L}0-9._%+\\-]+@(?:[\\p{L}0-9](?:[\\p{L}0-9\\-]*[\\p{L}0-9])?\\.)+\\p{L}{2,}(?![\\p{L}0-9])");

    @Override
    public List<Finding> find(String text) {
        List<Finding> out = new ArrayList<>();
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            out.add(Finding.of(FindingType.EMAIL, text, m.start(), m.end()));
        }
        return out;
    }
}
