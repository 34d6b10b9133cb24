package fr.preuve.core.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned prompt resource: {@code <version>.txt} beside its owner class, with a {@code ### system} section then a
 * {@code ### user} section (lines before the first section are comments).
 *
 * @param system  the system message template
 * @param user    the user message template
 * @param version the resource's name without {@code .txt}
 */
public record PromptTemplate(String system, String user, String version) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    /**
     * {@code template} with its {@code {{name}}} placeholders replaced by {@code values}, in one pass: text inserted
     * for one placeholder (a passage, the question) is never read as another. Names without a value stay as written.
     */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        return m.appendTail(out).toString();
    }

    /**
     * Reads {@code version}.txt next to {@code owner}; {@code what} names the kind of prompt in error messages.
     *
     * @throws IllegalArgumentException when there is no such resource or its sections are missing
     */
    public static PromptTemplate load(Class<?> owner, String version, String what) {
        String text;
        try (InputStream in = owner.getResourceAsStream(version + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no " + what + " named '" + version + "'");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + version, e);
        }
        int s = text.indexOf("### system\n");
        int u = text.indexOf("### user\n");
        if (s < 0 || u < s) {
            throw new IllegalArgumentException(what + " " + version + " needs '### system' then '### user' sections");
        }
        return new PromptTemplate(text.substring(s + 11, u).strip(), text.substring(u + 9).strip(), version);
    }
}
