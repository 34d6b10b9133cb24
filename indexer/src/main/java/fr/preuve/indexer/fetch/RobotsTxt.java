package fr.preuve.indexer.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed robots.txt (RFC 9309): the group whose {@code User-agent} matches our product token, else the {@code *}
 * group; within it the longest matching {@code Allow}/{@code Disallow} path wins, {@code Allow} on a tie; {@code *}
 * matches any characters and a final {@code $} anchors the end.
 */
public final class RobotsTxt {

    /** Everything allowed (no robots.txt, or a 4xx answer for it). */
    public static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of());

    private record Rule(boolean allow, String pattern) {
    }

    private record Group(List<String> agents, List<Rule> rules) {
    }

    private final List<Group> groups;

    private RobotsTxt(List<Group> groups) {
        this.groups = groups;
    }

    /** Everything disallowed (robots.txt unreachable: the RFC says to assume a complete disallow). */
    public static RobotsTxt disallowAll() {
        return new RobotsTxt(List.of(new Group(List.of("*"), List.of(new Rule(false, "/")))));
    }

    public static RobotsTxt parse(String text) {
        List<Group> groups = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        boolean inRules = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "user-agent" -> {
                    if (inRules) {
                        groups.add(new Group(List.copyOf(agents), List.copyOf(rules)));
                        agents.clear();
                        rules.clear();
                        inRules = false;
                    }
                    agents.add(value.toLowerCase(Locale.ROOT));
                }
                case "allow", "disallow" -> {
                    inRules = true;
                    if (!agents.isEmpty() && !value.isEmpty()) {
                        rules.add(new Rule(key.equals("allow"), value));
                    }
                }
                default -> {
                    // sitemap, crawl-delay and unknown lines do not end a group
                }
            }
        }
        if (!agents.isEmpty()) {
            groups.add(new Group(List.copyOf(agents), List.copyOf(rules)));
        }
        return new RobotsTxt(List.copyOf(groups));
    }

    /**
     * Whether {@code agent} may fetch {@code pathAndQuery} ({@code /path?query}).
     *
     * @return null when allowed, else the rule that forbids it ({@code "Disallow: /private"})
     */
    public String disallowedBy(String agent, String pathAndQuery) {
        String token = agent.toLowerCase(Locale.ROOT);
        List<Rule> rules = new ArrayList<>();
        for (Group g : groups) {
            if (g.agents().stream().anyMatch(a -> !a.equals("*") && token.startsWith(a))) {
                rules.addAll(g.rules());
            }
        }
        if (rules.isEmpty()) {
            for (Group g : groups) {
                if (g.agents().contains("*")) {
                    rules.addAll(g.rules());
                }
            }
        }
        String path = pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        int bestLength = -1;
        for (Rule r : rules) {
            if (matches(r.pattern(), path)) {
                int len = r.pattern().length();
                if (len > bestLength || len == bestLength && r.allow()) {
                    best = r;
                    bestLength = len;
                }
            }
        }
        return best == null || best.allow() ? null : "Disallow: " + best.pattern();
    }

    /** Pattern match with {@code *} (any characters) and a trailing {@code $} (end of path). */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return match(p, 0, path, 0, anchored);
    }

    private static boolean match(String p, int pi, String s, int si, boolean anchored) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi + 1, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return !anchored || si == s.length();
    }
}
