package io.podflow.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WindowJoin run in-process with a bounded number of records. */
class WindowJoinTest {

    private static final Pattern JOINED = Pattern.compile("^(?:\\d+> )?\\((\\w+),(\\d+),(\\d+)\\)$");

    @Test
    void printsOnlyPairsOfGradeAndSalaryOfTheSameNameAndEnds() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            WindowJoin.main(new String[] {"--records", "30", "--rate", "100"});
        } finally {
            System.setOut(original);
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertFalse(lines.isEmpty(), "nothing joined");
        for (String line : lines) {
            Matcher joined = JOINED.matcher(line);
            assertTrue(joined.matches(), line);
            assertTrue(WindowJoin.NAMES.contains(joined.group(1)), line);
            int grade = Integer.parseInt(joined.group(2));
            int salary = Integer.parseInt(joined.group(3));
            assertTrue(grade >= 1 && grade <= 5, line);
            assertTrue(salary >= 1000 && salary <= 10_000, line);
        }
    }
}
