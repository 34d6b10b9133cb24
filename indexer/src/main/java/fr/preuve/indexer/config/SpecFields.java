package fr.preuve.indexer.config;

import fr.preuve.core.config.Defaults;
import fr.preuve.indexer.fetch.FetchPolicy;
import java.net.URI;
import java.util.List;

/** The checks and defaults that the declared {@link SourceSpecs} share: required fields, languages, hosts. */
final class SpecFields {
    private SpecFields() {
    }

    /** {@code value}, which a source of {@code type} requires. */
    static String require(String field, String value, String type) {
        if (value == null || value.isBlank()) {
            throw missing(field, type);
        }
        return value;
    }

    /** {@code values}, at least one of which a source of {@code type} requires. */
    static <T> List<T> requireAny(String field, List<T> values, String type) {
        if (values == null || values.isEmpty()) {
            throw missing(field, type);
        }
        return values;
    }

    /** Fails with {@code rule} and the value unless {@code value} is absent or matches {@code regex}. */
    static void checkPattern(String value, String regex, String rule) {
        if (value != null && !value.matches(regex)) {
            throw new IllegalArgumentException(rule + ", got '" + value + "'");
        }
    }

    private static IllegalArgumentException missing(String field, String type) {
        return new IllegalArgumentException("source of type " + type + ": '" + field + "' is required");
    }

    /** The declared ISO 639-1 language, or {@code fallback} when none is declared. */
    static String languageOr(String language, String fallback) {
        if (language == null) {
            return fallback;
        }
        if (!language.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("language must be an ISO 639-1 code such as 'fr' or 'en', got '" + language + "'");
        }
        return language;
    }

    /** The declared hosts, or the source's official one; the policy of {@link Defaults} for them. */
    static FetchPolicy policy(List<String> allowedHosts, String... official) {
        List<String> hosts = allowedHosts == null || allowedHosts.isEmpty() ? List.of(official) : allowedHosts;
        return FetchPolicy.defaults(hosts);
    }

    /** The declared API base (a mirror) ending with '/', or the official one. */
    static String root(String baseUrl, String official) {
        return baseUrl == null ? official : baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** Fails on a malformed allow-list when the file is loaded rather than when the source is read. */
    static void checkHosts(List<String> allowedHosts) {
        if (allowedHosts != null && !allowedHosts.isEmpty()) {
            FetchPolicy.defaults(allowedHosts);
        }
    }

    /** Fails unless {@code url} is an http(s) URL with a host. */
    static void checkWebUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad URL '" + url + "': " + e.getMessage());
        }
        if (uri.getHost() == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new IllegalArgumentException("bad URL '" + url + "': http(s) URL with a host expected");
        }
    }
}
