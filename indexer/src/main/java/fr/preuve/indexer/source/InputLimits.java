package fr.preuve.indexer.source;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a hostile or mistaken input the indexer reads before it gives up on that input (and reports it): the
 * defaults live here and nowhere else. A size is in bytes; {@link #parseSize} reads the YAML form ({@code 50MB}).
 *
 * @param maxFileSize      largest file read, on disk (default 50 MB); a bigger one is reported and skipped
 * @param maxSourceSize    most bytes one source reads in all (default 2 GB); the files past it are reported and skipped
 * @param maxPdfPages      pages read from one PDF (default 2,000); the pages after are reported, not read
 * @param pdfScratchSize   temporary-file space PDFBox may use for one PDF's decoded streams (default 512 MB)
 * @param gzipMaxRatio     how many times its compressed size a gzip file may expand to (default 100)
 * @param gzipMinAllowance what any gzip file may expand to whatever its ratio (default 64 MB)
 */
public record InputLimits(long maxFileSize, long maxSourceSize, int maxPdfPages, long pdfScratchSize, int gzipMaxRatio,
                          long gzipMinAllowance) {

    private static final long MB = 1L << 20;
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKmMgGtT]i?)?[bB]?");

    /** The limits used when a source declares none. */
    public static final InputLimits DEFAULTS = new InputLimits(50 * MB, 2048 * MB, 2000, 512 * MB, 100, 64 * MB);

    public InputLimits {
        positive("maxFileSize", maxFileSize);
        positive("maxSourceSize", maxSourceSize);
        positive("maxPdfPages", maxPdfPages);
        positive("pdfScratchSize", pdfScratchSize);
        positive("gzipMaxRatio", gzipMaxRatio);
        positive("gzipMinAllowance", gzipMinAllowance);
        if (maxFileSize > maxSourceSize) {
            throw new IllegalArgumentException("maxFileSize " + human(maxFileSize) + " is over maxSourceSize "
                    + human(maxSourceSize));
        }
    }

    /** These limits with other file and source caps (null keeps the current one). */
    public InputLimits withSizes(Long fileSize, Long sourceSize) {
        return new InputLimits(fileSize == null ? maxFileSize : fileSize, sourceSize == null ? maxSourceSize : sourceSize,
                maxPdfPages, pdfScratchSize, gzipMaxRatio, gzipMinAllowance);
    }

    /** These limits with another PDF page cap. */
    public InputLimits withMaxPdfPages(int pages) {
        return new InputLimits(maxFileSize, maxSourceSize, pages, pdfScratchSize, gzipMaxRatio, gzipMinAllowance);
    }

    /** The most bytes a gzip file of {@code compressedSize} bytes may expand to. */
    public long gzipAllowance(long compressedSize) {
        long ratio = compressedSize > Long.MAX_VALUE / gzipMaxRatio ? Long.MAX_VALUE : compressedSize * gzipMaxRatio;
        return Math.max(gzipMinAllowance, ratio);
    }

    /**
     * A size as written in a corpus file: bytes ({@code 1048576}), or a number with a unit {@code KB}, {@code MB},
     * {@code GB}, {@code TB} (powers of 1024; {@code MiB} and {@code M} too). Null stays null.
     *
     * @param field the YAML key, for the error message
     */
    public static Long parseSize(String field, String value) {
        if (value == null) {
            return null;
        }
        Matcher m = SIZE.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(field + " must be a size such as 50MB or 2GB, got '" + value + "'");
        }
        int shift = m.group(2) == null ? 0 : switch (Character.toUpperCase(m.group(2).charAt(0))) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 40;
        };
        double bytes = Double.parseDouble(m.group(1)) * (1L << shift);
        if (bytes < 1 || bytes >= Long.MAX_VALUE) {
            throw new IllegalArgumentException(field + " must be at least 1 byte and finite, got '" + value + "'");
        }
        return (long) bytes;
    }

    /** A size for messages: {@code 50 MB}, {@code 1.5 GB}, {@code 312 bytes}. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        String n = v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
        return n + " " + units[u];
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
