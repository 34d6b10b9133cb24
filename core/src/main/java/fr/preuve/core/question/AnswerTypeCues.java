package fr.preuve.core.question;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cue phrases of each answer type, French and English, read from {@value #RESOURCE}: under a {@code [TYPE]} line,
 * one alternative of the type's regular expression per line, types in the order they are tried.
 */
final class AnswerTypeCues {

    static final String RESOURCE = "answer-type-cues.txt";

    private AnswerTypeCues() {
    }

    /** The shipped cues: one pattern per type, in file order. */
    static Map<AnswerType, Pattern> standard() {
        try (InputStream in = AnswerTypeCues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + AnswerTypeCues.class);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses the lines of a cue file; a bad line is refused, naming it. */
    static Map<AnswerType, Pattern> read(List<String> lines) {
        Map<AnswerType, List<String>> alternatives = new LinkedHashMap<>();
        List<String> current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                AnswerType type = type(line.substring(1, line.length() - 1), i + 1);
                current = new ArrayList<>();
                if (alternatives.putIfAbsent(type, current) != null) {
                    throw bad(i + 1, "answer type " + type + " declared twice");
                }
            } else if (current == null) {
                throw bad(i + 1, "cue '" + line + "' before any [TYPE] line");
            } else {
                current.add(line);
            }
        }
        Map<AnswerType, Pattern> out = new LinkedHashMap<>();
        alternatives.forEach((type, alts) -> {
            if (alts.isEmpty()) {
                throw new IllegalArgumentException(RESOURCE + ": answer type " + type + " has no cue");
            }
            out.put(type, Pattern.compile("(" + String.join("|", alts) + ")"));
        });
        return out;
    }

    private static AnswerType type(String name, int lineNumber) {
        try {
            return AnswerType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw bad(lineNumber, "unknown answer type '" + name + "'");
        }
    }

    private static IllegalArgumentException bad(int lineNumber, String what) {
        return new IllegalArgumentException(RESOURCE + " line " + lineNumber + ": " + what);
    }
}
