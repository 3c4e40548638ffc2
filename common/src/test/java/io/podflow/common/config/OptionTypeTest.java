package io.podflow.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionTypeTest {

    private enum ServiceType { ClusterIP, NodePort, LoadBalancer }

    @Test
    void parsesScalars() {
        assertEquals(4, OptionType.INT.parse(" 4 "));
        assertEquals(-7L, OptionType.LONG.parse("-7"));
        assertEquals(8_000_000_000L, OptionType.LONG.parse("8000000000"));
        assertEquals(0.25, OptionType.DOUBLE.parse("0.25"));
        assertEquals(true, OptionType.BOOLEAN.parse("TRUE"));
        assertEquals(false, OptionType.BOOLEAN.parse("false"));
        assertEquals(" keep spaces ", OptionType.STRING.parse(" keep spaces "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INT    | four        | 'four' is not an integer",
        "INT    | 3000000000  | '3000000000' is not an integer",
        "LONG   | 1.5         | '1.5' is not an integer",
        "DOUBLE | half        | 'half' is not a number",
        "DOUBLE | NaN         | 'NaN' is not a finite number",
        "BOOLEAN| yes         | 'yes' is not a boolean (true or false)",
    })
    void rejectsBadScalars(String type, String raw, String message) throws Exception {
        OptionType<?> optionType = (OptionType<?>) OptionType.class.getField(type.strip()).get(null);
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> optionType.parse(raw)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "30 s       | PT30S",
        "5 min      | PT5M",
        "100ms      | PT0.1S",
        "1h         | PT1H",
        "3600000    | PT1H",
        "2 d        | PT48H",
        "10 seconds | PT10S",
        "1 MIN      | PT1M",
        "250 us     | PT0.00025S",
        "7ns        | PT0.000000007S",
    })
    void parsesDurations(String raw, String iso) {
        assertEquals(Duration.parse(iso), OptionType.DURATION.parse(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "4 parsecs | '4 parsecs' is not a duration (examples: 30 s, 5 min, 100 ms, 3600000)",
        "-5 s      | '-5 s' is not a duration (examples: 30 s, 5 min, 100 ms, 3600000)",
        "s         | 's' is not a duration (examples: 30 s, 5 min, 100 ms, 3600000)",
        "1.5 s     | '1.5 s' is not a duration (examples: 30 s, 5 min, 100 ms, 3600000)",
        "99999999999999999999 d | '99999999999999999999 d' is too large for a duration",
    })
    void rejectsBadDurations(String raw, String message) {
        assertEquals(message,
                assertThrows(IllegalArgumentException.class, () -> OptionType.DURATION.parse(raw)).getMessage());
    }

    @Test
    void writesDurationsInTheLargestExactUnit() {
        assertEquals("30 s", OptionType.DURATION.format(Duration.ofSeconds(30)));
        assertEquals("5 min", OptionType.DURATION.format(Duration.ofMinutes(5)));
        assertEquals("90 s", OptionType.DURATION.format(Duration.ofSeconds(90)));
        assertEquals("100 ms", OptionType.DURATION.format(Duration.ofMillis(100)));
        assertEquals("1 h", OptionType.DURATION.format(Duration.ofHours(1)));
        assertEquals("0 ms", OptionType.DURATION.format(Duration.ZERO));
        assertEquals("1500 us", OptionType.DURATION.format(Duration.ofNanos(1_500_000)));
        Duration odd = Duration.ofSeconds(3, 7);
        assertEquals(odd, OptionType.DURATION.parse(OptionType.DURATION.format(odd)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "4096m   | 4294967296",
        "1g      | 1073741824",
        "1024mb  | 1073741824",
        "512 kb  | 524288",
        "512 KB  | 524288",
        "123     | 123",
        "123 bytes | 123",
        "2 t     | 2199023255552",
    })
    void parsesMemorySizes(String raw, long bytes) {
        assertEquals(bytes, MemorySize.parse(raw).getBytes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 gallon | '1 gallon' is not a memory size (examples: 4096m, 1g, 512 kb, 1048576)",
        "-1m      | '-1m' is not a memory size (examples: 4096m, 1g, 512 kb, 1048576)",
        "m        | 'm' is not a memory size (examples: 4096m, 1g, 512 kb, 1048576)",
        "9999999999 t | '9999999999 t' is too large for a memory size",
    })
    void rejectsBadMemorySizes(String raw, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> MemorySize.parse(raw)).getMessage());
    }

    @Test
    void writesMemorySizesInTheLargestExactUnit() {
        assertEquals("1g", MemorySize.ofMebiBytes(1024).toString());
        assertEquals("1536m", MemorySize.ofMebiBytes(1536).toString());
        assertEquals("100b", MemorySize.ofBytes(100).toString());
        assertEquals("0b", MemorySize.ofBytes(0).toString());
        assertEquals(1024, MemorySize.parse("1g").getMebiBytes());
        assertEquals(MemorySize.ofMebiBytes(1536), MemorySize.parse(MemorySize.ofMebiBytes(1536).toString()));
    }

    @Test
    void parsesAndWritesLists() {
        assertEquals(List.of("a", "b", "c"), OptionType.LIST.parse("a; b ;c;"));
        assertEquals(List.of(), OptionType.LIST.parse(""));
        assertEquals(List.of("a,b"), OptionType.LIST.parse("a,b"));
        assertEquals("x;y", OptionType.LIST.format(List.of("x", "y")));
        assertEquals("'a;b' cannot be a list item because it contains ';'",
                assertThrows(IllegalArgumentException.class, () -> OptionType.LIST.format(List.of("a;b")))
                        .getMessage());
    }

    @Test
    void parsesAndWritesMapsKeepingOrderAndColonsInValues() {
        Map<String, String> parsed = OptionType.MAP.parse("env:FOO_ENV, secret:foo_secret,url:http://x:80");
        assertEquals(List.of("env", "secret", "url"), List.copyOf(parsed.keySet()));
        assertEquals("http://x:80", parsed.get("url"));
        assertEquals(Map.of(), OptionType.MAP.parse(" "));
        assertEquals("a:1,b:2", OptionType.MAP.format(parsed("a:1,b:2")));
        assertEquals("'a:1,b2' is not a map (form: k1:v1,k2:v2)",
                assertThrows(IllegalArgumentException.class, () -> OptionType.MAP.parse("a:1,b2")).getMessage());
        assertEquals("'a:b' cannot be a map key: it is blank or contains ',' or ':'",
                assertThrows(IllegalArgumentException.class, () -> OptionType.MAP.format(Map.of("a:b", "1")))
                        .getMessage());
        assertEquals("'1,2' cannot be a map value because it contains ','",
                assertThrows(IllegalArgumentException.class, () -> OptionType.MAP.format(Map.of("a", "1,2")))
                        .getMessage());
        assertEquals("':1' is not a map (form: k1:v1,k2:v2)",
                assertThrows(IllegalArgumentException.class, () -> OptionType.MAP.parse(":1")).getMessage());
    }

    @Test
    void matchesEnumsByNameIgnoringCase() {
        OptionType<ServiceType> type = OptionType.enumOf(ServiceType.class);
        assertEquals(ServiceType.LoadBalancer, type.parse("loadbalancer"));
        assertEquals(ServiceType.NodePort, type.parse(" NodePort "));
        assertEquals("ClusterIP", type.format(ServiceType.ClusterIP));
        assertEquals("Enum (ClusterIP, NodePort, LoadBalancer)", type.name());
        assertEquals("'Ingress' is not one of ClusterIP, NodePort, LoadBalancer",
                assertThrows(IllegalArgumentException.class, () -> type.parse("Ingress")).getMessage());
    }

    private static Map<String, String> parsed(String text) {
        return OptionType.MAP.parse(text);
    }
}
