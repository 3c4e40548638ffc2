package io.podflow.taskmanager.invokables;

import io.podflow.protocol.task.Invokable;
import io.podflow.protocol.task.RecordReader;
import io.podflow.protocol.task.TaskContext;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects every record of every input, tagged with its subtask, under the configured {@code sink} name. */
public final class CollectingSink implements Invokable {

    public static final Map<String, List<String>> COLLECTED = new ConcurrentHashMap<>();

    @Override
    public void invoke(TaskContext context) throws Exception {
        List<String> out = COLLECTED.computeIfAbsent(context.configuration().get("sink"),
                name -> new CopyOnWriteArrayList<>());
        for (RecordReader input : context.inputs()) {
            for (byte[] record = input.next(); record != null; record = input.next()) {
                out.add(context.subtaskIndex() + ":" + new String(record, StandardCharsets.UTF_8));
            }
        }
    }
}
