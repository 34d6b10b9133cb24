package fr.preuve.indexer.source.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small in-memory element tree of <em>one</em> record (a {@code PubmedArticle}, a JATS {@code article}) cut out of a
 * StAX stream: the file is streamed, only the current record is held. Names are local names (namespaces dropped).
 */
public final class XmlNode {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");

    private final String name;
    private final Map<String, String> attributes;
    private final List<Object> children = new ArrayList<>(); // XmlNode or String

    private XmlNode(String name, Map<String, String> attributes) {
        this.name = name;
        this.attributes = attributes;
    }

    /** Reads the element the reader is positioned on (a START_ELEMENT) up to its END_ELEMENT, inclusive. */
    public static XmlNode read(XMLStreamReader r) throws XMLStreamException {
        XmlNode root = start(r);
        List<XmlNode> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            int ev = r.next();
            XmlNode top = stack.getLast();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    XmlNode child = start(r);
                    top.children.add(child);
                    stack.add(child);
                }
                case XMLStreamConstants.END_ELEMENT -> stack.removeLast();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        top.children.add(r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XMLStreamException("undeclared entity &" + r.getLocalName() + "; refused", r.getLocation());
                default -> {
                    // comments, processing instructions: ignored
                }
            }
        }
        return root;
    }

    private static XmlNode start(XMLStreamReader r) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        return new XmlNode(r.getLocalName(), attrs);
    }

    public String name() {
        return name;
    }

    public String attr(String local) {
        return attributes.get(local);
    }

    /** Child elements, in order. */
    public List<XmlNode> elements() {
        List<XmlNode> out = new ArrayList<>();
        for (Object c : children) {
            if (c instanceof XmlNode n) {
                out.add(n);
            }
        }
        return out;
    }

    /** Child nodes in order: {@link XmlNode} or {@link String}. */
    public List<Object> content() {
        return children;
    }

    public List<XmlNode> all(String childName) {
        return elements().stream().filter(n -> n.name.equals(childName)).toList();
    }

    /** The first child on the path of names, or {@code null}. */
    public XmlNode get(String... path) {
        XmlNode cur = this;
        for (String p : path) {
            XmlNode next = null;
            for (XmlNode n : cur.elements()) {
                if (n.name.equals(p)) {
                    next = n;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            cur = next;
        }
        return cur;
    }

    /** Every descendant (depth first) with this name. */
    public List<XmlNode> descendants(String descendantName) {
        List<XmlNode> out = new ArrayList<>();
        collect(descendantName, out);
        return out;
    }

    private void collect(String n, List<XmlNode> out) {
        for (XmlNode c : elements()) {
            if (c.name.equals(n)) {
                out.add(c);
            }
            c.collect(n, out);
        }
    }

    /** Normalised text of the element on the path (inline markup flattened), or {@code null} when absent or blank. */
    public String text(String... path) {
        XmlNode n = get(path);
        if (n == null) {
            return null;
        }
        String t = n.flatText(Set.of());
        return t.isEmpty() ? null : t;
    }

    /** All descendant text, inline markup flattened, whitespace normalised; elements named in {@code skip} left out. */
    public String flatText(Set<String> skip) {
        StringBuilder sb = new StringBuilder();
        append(sb, skip);
        return normalise(sb.toString());
    }

    private void append(StringBuilder sb, Set<String> skip) {
        boolean afterScript = false;
        for (Object c : children) {
            if (c instanceof String s) {
                // pretty-printed files put a line break around <sub>/<sup> ("β\n  <sub>2</sub>"): not a space
                String lead = s.substring(0, s.length() - s.stripLeading().length());
                sb.append(afterScript && lead.contains("\n") ? s.stripLeading() : s);
                afterScript = false;
            } else {
                XmlNode n = (XmlNode) c;
                boolean script = n.name.equals("sub") || n.name.equals("sup");
                if (script) {
                    int end = sb.length();
                    while (end > 0 && Character.isWhitespace(sb.charAt(end - 1))) {
                        end--;
                    }
                    if (sb.substring(end).contains("\n")) {
                        sb.setLength(end);
                    }
                }
                if (!skip.contains(n.name)) {
                    n.append(sb, skip);
                }
                afterScript = script;
            }
        }
    }

    public static String normalise(String s) {
        return s == null ? null : SPACES.matcher(s).replaceAll(" ").strip();
    }
}
