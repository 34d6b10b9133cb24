package fr.preuve.eval.dataset;

/**
 * A dataset file that cannot be used: the message names the file, the 1-based line and the field, for example
 * {@code fr-demo.jsonl, line 12, field 'gold_docs[1]': bad document id 'pubmed'}.
 */
public final class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final String field;

    public DatasetException(String file, int line, String field, String reason) {
        super(format(file, line, field, reason));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public DatasetException(String file, int line, String field, String reason, Throwable cause) {
        super(format(file, line, field, reason), cause);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    private static String format(String file, int line, String field, String reason) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (field != null) {
            sb.append(", field '").append(field).append('\'');
        }
        return sb.append(": ").append(reason).toString();
    }

    /** The file name as given to the loader. */
    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is the whole file. */
    public int line() {
        return line;
    }

    /** The JSON field, or {@code null} when the problem is the whole line or file. */
    public String field() {
        return field;
    }
}
