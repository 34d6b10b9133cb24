package fr.preuve.eval.trec;

import java.nio.file.Path;

/** A TREC run or qrels file that does not follow the format; the message names the file, the line and the problem. */
public final class TrecFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public TrecFormatException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
