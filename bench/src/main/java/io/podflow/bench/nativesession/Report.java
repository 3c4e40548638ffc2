package io.podflow.bench.nativesession;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Prints each round as it ends, then medians, their ratio and the JobManager's API requests per TaskManager. */
final class Report {

    private final int taskManagers;
    private final PrintStream out;
    private final List<RoundTimes> floors = new ArrayList<>();
    private final List<NativeRound> natives = new ArrayList<>();

    Report(int taskManagers, PrintStream out) {
        this.taskManagers = taskManagers;
        this.out = out;
    }

    void warmUp(RoundTimes floor, NativeRound nativeRound) {
        out.printf("native session benchmark: %d TaskManagers (1 slot each), %d cores, load average %s%n",
                taskManagers, Runtime.getRuntime().availableProcessors(), LoadAverage.read());
        out.println("round  | floor: pods seen / Running / Ready  | native: flink run exited / JM's first / last pod"
                + " POST / TM pods seen / Running / tasks RUNNING | ratio | JM API requests to RUNNING / to released"
                + " | last TM's log: first line / TaskExecutor starting / registered / task deployed");
        print("warmup", floor, nativeRound);
    }

    void round(int round, RoundTimes floor, NativeRound nativeRound) {
        floors.add(floor);
        natives.add(nativeRound);
        print(Integer.toString(round), floor, nativeRound);
    }

    void summary() {
        double floor = median(floors, RoundTimes::done);
        double nativeDone = median(natives, round -> round.times().done());
        out.printf("median floor %.0f ms, median native %.0f ms, ratio of medians %.2fx (target 1.3x);"
                + " load average %s%n",
                floor, nativeDone, nativeDone / floor, LoadAverage.read());
        out.printf("native medians: flink run exited %.0f ms, JM's first / last pod POST %.0f / %.0f ms, TM pods seen"
                + " %.0f ms, Running %.0f ms, tasks RUNNING %.0f ms; floor medians: pods seen %.0f ms, Running %.0f ms,"
                + " Ready %.0f ms%n",
                median(natives, NativeRound::submitted), median(natives, NativeRound::firstPodCreate),
                median(natives, NativeRound::lastPodCreate), median(natives, round -> round.times().allSeen()),
                median(natives, round -> round.times().allRunning()), nativeDone,
                median(floors, RoundTimes::allSeen), median(floors, RoundTimes::allRunning), floor);
        out.printf("native medians, the last of the TaskManagers' logs: first line %.0f ms, TaskExecutor starting %.0f"
                + " ms, registered %.0f ms, task deployed %.0f ms%n",
                median(natives, round -> round.taskManagers().firstLine()),
                median(natives, round -> round.taskManagers().executorStarting()),
                median(natives, round -> round.taskManagers().registered()),
                median(natives, round -> round.taskManagers().deployed()));
        out.printf("JobManager API requests per TaskManager (median): %.2f until RUNNING, %.2f until released%n",
                median(natives, round -> round.requestsUntilRunning()) / taskManagers,
                median(natives, round -> round.requestsUntilReleased()) / taskManagers);
        out.println("last round's requests, by kind:");
        for (Map.Entry<String, Integer> kind : natives.get(natives.size() - 1).requestKinds().entrySet()) {
            out.printf("  %4d  %s%n", kind.getValue(), kind.getKey());
        }
    }

    private void print(String round, RoundTimes floor, NativeRound nativeRound) {
        RoundTimes times = nativeRound.times();
        TaskManagerLogs steps = nativeRound.taskManagers();
        out.printf("%-6s | %6.0f / %6.0f / %6.0f ms | %6.0f / %6.0f / %6.0f / %6.0f / %6.0f / %6.0f ms | %5.2fx"
                + " | %d / %d | %6.0f / %6.0f / %6.0f / %6.0f ms%n", round, floor.allSeen(), floor.allRunning(),
                floor.done(), nativeRound.submitted(), nativeRound.firstPodCreate(), nativeRound.lastPodCreate(),
                times.allSeen(), times.allRunning(), times.done(), times.done() / floor.done(),
                nativeRound.requestsUntilRunning(), nativeRound.requestsUntilReleased(), steps.firstLine(),
                steps.executorStarting(), steps.registered(), steps.deployed());
    }

    private static <T> double median(List<T> rounds, ToDoubleFunction<T> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
