package io.podflow.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatYamlParserTest {

    private final List<String> warnings = new ArrayList<>();
    private final FlatYamlParser parser = new FlatYamlParser("flink-conf.yaml", warnings::add);

    @Test
    void readsFlatEntriesSkippingCommentsAndBlankLines() {
        Map<String, String> entries = parser.parse(List.of(
                "# JobManager",
                "",
                "jobmanager.rpc.address: flink-jobmanager   # the service name",
                "   ",
                "high-availability.storageDir: s3://bucket/ha",
                "rest.address: http://host:8081",
                "pipeline.name: job#1",
                "kubernetes.jobmanager.labels: app:flink,tier:jm"));
        assertEquals(Map.of(
                "jobmanager.rpc.address", "flink-jobmanager",
                "high-availability.storageDir", "s3://bucket/ha",
                "rest.address", "http://host:8081",
                "pipeline.name", "job#1",
                "kubernetes.jobmanager.labels", "app:flink,tier:jm"), entries);
        assertEquals(List.of(), warnings);
    }

    @Test
    void unquotesSingleAndDoubleQuotedValues() {
        Map<String, String> entries = parser.parse(List.of(
                "a: 'it''s # not a comment'",
                "b: \"say \\\"hi\\\"\"  # comment",
                "c: ' padded '",
                "d: \"\""));
        assertEquals("it's # not a comment", entries.get("a"));
        assertEquals("say \"hi\"", entries.get("b"));
        assertEquals(" padded ", entries.get("c"));
        assertEquals(List.of("flink-conf.yaml:4: the value is empty, ignoring 'd: \"\"'"), warnings);
    }

    @Test
    void warnsAboutEachLineItCannotReadAndKeepsTheRest() {
        Map<String, String> entries = parser.parse(List.of(
                "good: 1",
                "no separator here",
                "empty:",
                "  nested: 2",
                "open: 'unterminated",
                "trailing: 'x' y",
                "later: 3"));
        assertEquals(Map.of("good", "1", "later", "3"), entries);
        assertEquals(List.of(
                "flink-conf.yaml:2: expected 'key: value', ignoring 'no separator here'",
                "flink-conf.yaml:3: the value is empty, ignoring 'empty:'",
                "flink-conf.yaml:4: nested YAML is not supported, write flat 'key: value' lines, ignoring 'nested: 2'",
                "flink-conf.yaml:5: the quote is not closed, ignoring 'open: 'unterminated'",
                "flink-conf.yaml:6: text after the closing quote, ignoring 'trailing: 'x' y'"), warnings);
    }

    @Test
    void aLaterLineOverridesAnEarlierOne() {
        assertEquals(Map.of("k", "2"), parser.parse(List.of("k: 1", "k: 2")));
    }
}
