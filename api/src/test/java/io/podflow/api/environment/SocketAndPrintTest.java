package io.podflow.api.environment;

import io.podflow.api.functions.Collector;
import io.podflow.api.tuple.Tuple2;
import io.podflow.api.windowing.Time;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocketAndPrintTest {

    @Test
    void socketWordCountPrintsCountsPrefixedBySubtask() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                try (Socket client = server.accept();
                        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
                    for (int i = 0; i < 100; i++) {
                        out.write("hello world hello\n");
                    }
                    out.write("bye\n");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
            env.socketTextStream("127.0.0.1", server.getLocalPort())
                    .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
                        for (String word : line.split(" ")) {
                            out.collect(Tuple2.of(word, 1));
                        }
                    })
                    .keyBy(0)
                    .timeWindow(Time.hours(1))
                    .sum(1)
                    .print();
            env.execute("socket word count");
            sender.join();
        } finally {
            System.setOut(originalOut);
        }
        List<String> lines = new ArrayList<>();
        int hello = 0;
        int world = 0;
        int bye = 0;
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            assertTrue(line.matches("[12]> \\(\\w+,\\d+\\)"), "printed as 'subtask> (word,count)': " + line);
            lines.add(line);
            String[] fields = line.substring(line.indexOf('(') + 1, line.length() - 1).split(",");
            int count = Integer.parseInt(fields[1]);
            switch (fields[0]) {
                case "hello" -> hello += count;
                case "world" -> world += count;
                case "bye" -> bye += count;
                default -> throw new AssertionError("unexpected word in " + line);
            }
        }
        // an hour-long window may be cut at most once by the clock, so a word prints once or twice
        assertTrue(lines.size() >= 3 && lines.size() <= 6, lines.toString());
        assertEquals(List.of(200, 100, 1), List.of(hello, world, bye));
    }
}
