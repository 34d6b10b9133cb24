package fr.preuve.eval.beir;

import java.nio.file.Path;

/** A BEIR file that does not follow the layout; the message names the file and line. */
public final class BeirFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BeirFormatException(Path file, long line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }
}
