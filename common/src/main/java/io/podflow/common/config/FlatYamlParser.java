package io.podflow.common.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the flat {@code key: value} subset of YAML that {@code flink-conf.yaml} uses: one entry a line,
 * {@code #} comments, blank lines, and values that may be quoted or contain {@code :}.
 * Lines it cannot read are reported to the warning sink and skipped, so one typo does not stop a process.
 */
final class FlatYamlParser {

    private final String source;
    private final Consumer<String> warnings;

    FlatYamlParser(String source, Consumer<String> warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    Map<String, String> parse(List<String> lines) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#") || content.equals("---")) {
                continue;
            }
            int lineNumber = index + 1;
            if (Character.isWhitespace(line.charAt(0))) {
                warn(lineNumber, "nested YAML is not supported, write flat 'key: value' lines", line);
                continue;
            }
            int separator = separatorIndex(content);
            if (separator < 0) {
                warn(lineNumber, "expected 'key: value'", line);
                continue;
            }
            String key = content.substring(0, separator).strip();
            String value;
            try {
                value = readValue(content.substring(separator + 1).strip());
            } catch (IllegalArgumentException e) {
                warn(lineNumber, e.getMessage(), line);
                continue;
            }
            if (value.isEmpty()) {
                warn(lineNumber, "the value is empty", line);
                continue;
            }
            entries.put(key, value);
        }
        return entries;
    }

    /** The first ':' followed by a space or the end of the line; a ':' inside a word (a URL) does not count. */
    private static int separatorIndex(String content) {
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == ':' && (i + 1 == content.length() || content.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    private static String readValue(String text) {
        if (text.startsWith("'")) {
            return readQuoted(text, '\'');
        }
        if (text.startsWith("\"")) {
            return readQuoted(text, '"');
        }
        return stripComment(text);
    }

    /** A quoted value: {@code ''} inside single quotes and backslash escapes inside double quotes. */
    private static String readQuoted(String text, char quote) {
        StringBuilder value = new StringBuilder(text.length());
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'' && c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                value.append(c);
                i++;
            } else if (quote == '"' && c == '\\' && i + 1 < text.length()) {
                char escaped = text.charAt(++i);
                value.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
            } else if (c == quote) {
                if (!stripComment(text.substring(i + 1)).isEmpty()) {
                    throw new IllegalArgumentException("text after the closing quote");
                }
                return value.toString();
            } else {
                value.append(c);
            }
        }
        throw new IllegalArgumentException("the quote is not closed");
    }

    /** Cuts a {@code #} comment, which YAML starts only at the beginning or after whitespace. */
    private static String stripComment(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                return text.substring(0, i).strip();
            }
        }
        return text.strip();
    }

    private void warn(int lineNumber, String problem, String line) {
        warnings.accept(source + ":" + lineNumber + ": " + problem + ", ignoring '" + line.strip() + "'");
    }
}
