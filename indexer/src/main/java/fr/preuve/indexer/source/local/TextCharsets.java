package fr.preuve.indexer.source.local;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a file that does not declare its encoding, or declares it in HTML only: a byte order mark first, then
 * valid UTF-8, then an HTML {@code <meta charset>}, then ICU's statistical detector (a Windows-1252 or Latin-1 French
 * note thus keeps its accents). Latin-1 is read as Windows-1252, its superset, as browsers do. Bytes that are not text
 * (NUL bytes, control characters) are refused rather than guessed.
 */
final class TextCharsets {

    /** What decided the charset. */
    enum Basis { BOM, UTF8, HTML_META, DETECTED }

    /** Why bytes were not decoded. */
    enum Refusal {
        BINARY("binary content (NUL bytes or control characters), not text"),
        UNKNOWN_ENCODING("text in a character encoding that cannot be recognised");

        private final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }

        /** The reason, in words for the index report. */
        String reason() {
            return reason;
        }
    }

    /** Decoded text, or the refusal. */
    sealed interface Result permits Decoded, Refused {
    }

    /** The text, the charset it was read with and what decided it. */
    record Decoded(String text, Charset charset, Basis basis) implements Result {
    }

    /** Bytes that are not read as text. */
    record Refused(Refusal why) implements Result {
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int META_SCAN = 4096;
    private static final int DETECTOR_SAMPLE = 64 * 1024;
    private static final int MIN_CONFIDENCE = 10;
    private static final Pattern META = Pattern.compile(
            "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private TextCharsets() {
    }

    /**
     * Decodes {@code bytes}.
     *
     * @param head true when the bytes are the start of a longer file (a character cut at the end is not an error)
     * @param html true for HTML, whose {@code <meta charset>} is looked for and whose markup the detector ignores
     */
    static Result decode(byte[] bytes, boolean head, boolean html) {
        Decoded decoded = bom(bytes);
        if (decoded == null) {
            for (byte b : bytes) {
                if (b == 0) {
                    return new Refused(Refusal.BINARY);
                }
            }
            decoded = utf8(bytes, head);
        }
        if (decoded == null && html) {
            decoded = meta(bytes);
        }
        if (decoded == null) {
            decoded = detected(bytes, html);
        }
        if (decoded == null) {
            return new Refused(Refusal.UNKNOWN_ENCODING);
        }
        return binary(decoded.text()) ? new Refused(Refusal.BINARY) : decoded;
    }

    private static Decoded bom(byte[] b) {
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            return lenient(b, 3, StandardCharsets.UTF_8);
        }
        if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return lenient(b, 4, Charset.forName("UTF-32LE"));
        }
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return lenient(b, 4, Charset.forName("UTF-32BE"));
        }
        if (starts(b, 0xFF, 0xFE)) {
            return lenient(b, 2, StandardCharsets.UTF_16LE);
        }
        if (starts(b, 0xFE, 0xFF)) {
            return lenient(b, 2, StandardCharsets.UTF_16BE);
        }
        return null;
    }

    private static Decoded lenient(byte[] b, int skip, Charset cs) {
        return new Decoded(new String(b, skip, b.length - skip, cs), cs, Basis.BOM);
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The text when the bytes are valid UTF-8 (for a head, up to a last character cut short), else null. */
    private static Decoded utf8(byte[] b, boolean head) {
        for (int cut = 0; cut < (head ? 4 : 1) && cut < b.length; cut++) {
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, b.length - cut))
                        .toString();
                return new Decoded(s, StandardCharsets.UTF_8, Basis.UTF8);
            } catch (CharacterCodingException e) {
                // try a shorter head, or give up
            }
        }
        return null;
    }

    /** The text in the charset an HTML {@code <meta>} declares, when it is a known charset other than UTF-8. */
    private static Decoded meta(byte[] b) {
        String start = new String(b, 0, Math.min(b.length, META_SCAN), StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(start);
        if (!m.find()) {
            return null;
        }
        Charset cs = charset(m.group(1));
        return cs == null || cs.equals(StandardCharsets.UTF_8) ? null : new Decoded(new String(b, cs), cs, Basis.HTML_META);
    }

    /** ICU's best guess that Java can decode, from a sample around the first non-ASCII byte. */
    private static Decoded detected(byte[] b, boolean html) {
        int first = 0;
        while (first < b.length && b[first] >= 0) {
            first++;
        }
        int from = Math.max(0, Math.min(first - DETECTOR_SAMPLE / 4, b.length - DETECTOR_SAMPLE));
        byte[] sample = Arrays.copyOfRange(b, from, Math.min(b.length, from + DETECTOR_SAMPLE));
        CharsetDetector detector = new CharsetDetector();
        detector.enableInputFilter(html);
        detector.setText(sample);
        for (CharsetMatch match : detector.detectAll()) {
            Charset cs = charset(match.getName());
            if (match.getConfidence() >= MIN_CONFIDENCE && cs != null && !cs.equals(StandardCharsets.UTF_8)) {
                return new Decoded(new String(b, cs), cs, Basis.DETECTED);
            }
        }
        return null;
    }

    /** The Java charset of a name, Latin-1 and ASCII widened to Windows-1252; null when unknown. */
    private static Charset charset(String name) {
        try {
            Charset cs = Charset.forName(name.strip().toLowerCase(Locale.ROOT));
            return cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII) ? WINDOWS_1252 : cs;
        } catch (IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
            return null;
        }
    }

    /** More than 1 % of control or undecodable characters (tab, line breaks and form feed aside), or any NUL. */
    private static boolean binary(String s) {
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c >= 0x7F && c <= 0x9F || c == '\uFFFD') {
                bad++;
            }
        }
        return bad > s.length() / 100;
    }
}
