package fr.preuve.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.preuve.core.search.Filters;
import fr.preuve.core.search.Retriever;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses request parameters and filters; every failure is a 400 naming the parameter and the bad value. */
final class RequestParams {
    private RequestParams() {
    }

    static final Set<String> SEARCH_PARAMS = Set.of("q", "k", "source", "lang", "from", "to", "type", "retriever", "maxPerDoc");

    static int integer(String name, String raw, int min, int max) {
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) {
                throw ApiError.badRequest(name + " must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number, got '" + raw + "'");
        }
    }

    static Retriever retriever(String raw) {
        try {
            return raw == null ? Retriever.HYBRID : Retriever.fromKey(raw);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    /** Filters from query parameters ({@code source=has&source=who&lang=fr&from=2015&to=2024&type=guideline}). */
    static Filters filters(Map<String, List<String>> query) {
        for (String key : query.keySet()) {
            if (!SEARCH_PARAMS.contains(key)) {
                throw ApiError.badRequest("unknown parameter '" + key + "'; expected one of " + String.join(", ", sorted(SEARCH_PARAMS)));
            }
        }
        return build(split(query.get("source")), split(query.get("lang")), first(query.get("from")), first(query.get("to")),
                split(query.get("type")));
    }

    /** Filters from the JSON body of {@code /api/ask}: {@code {"source": ["has"], "lang": "fr", "from": 2015, "type": ["rct"]}}. */
    static Filters filters(JsonNode node) {
        if (node == null || node.isNull()) {
            return Filters.NONE;
        }
        if (!node.isObject()) {
            throw ApiError.badRequest("filters must be a JSON object, got " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        List<String> sources = new ArrayList<>();
        List<String> langs = new ArrayList<>();
        List<String> types = new ArrayList<>();
        String from = null;
        String to = null;
        for (var it = node.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            switch (e.getKey()) {
                case "source", "sources" -> sources.addAll(strings("filters." + e.getKey(), e.getValue()));
                case "lang", "languages" -> langs.addAll(strings("filters." + e.getKey(), e.getValue()));
                case "from" -> from = scalar("filters.from", e.getValue());
                case "to" -> to = scalar("filters.to", e.getValue());
                case "type", "types" -> types.addAll(strings("filters." + e.getKey(), e.getValue()));
                default -> throw ApiError.badRequest("unknown filter '" + e.getKey() + "'; expected one of source, lang, from, to, type");
            }
        }
        return build(sources, langs, from, to, types);
    }

    private static Filters build(List<String> sources, List<String> langs, String from, String to, List<String> types) {
        Integer fromYear = from == null ? null : integer("from", from, 1800, 2200);
        Integer toYear = to == null ? null : integer("to", to, 1800, 2200);
        try {
            return Filters.parse(sources, langs, fromYear, toYear, types);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static List<String> strings(String name, JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isTextual()) {
            out.add(v.asText());
        } else if (v.isArray()) {
            for (JsonNode x : v) {
                if (!x.isTextual()) {
                    throw ApiError.badRequest(name + " must hold strings, got " + x);
                }
                out.add(x.asText());
            }
        } else if (!v.isNull()) {
            throw ApiError.badRequest(name + " must be a string or a list of strings, got " + v);
        }
        return out;
    }

    private static String scalar(String name, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isInt() || v.isTextual()) {
            return v.asText();
        }
        throw ApiError.badRequest(name + " must be a year, got " + v);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    /** {@code text} when it is no longer than a question may be; a 400 naming {@code name} otherwise. */
    static String limited(Backend backend, String name, String text) {
        try {
            return backend.config().answer().checkLength(name, text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }
}
