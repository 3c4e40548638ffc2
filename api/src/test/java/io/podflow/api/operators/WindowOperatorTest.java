package io.podflow.api.operators;

import io.podflow.api.functions.Collector;
import io.podflow.api.functions.KeySelector;
import io.podflow.api.functions.WindowFunction;
import io.podflow.api.tuple.Tuple2;
import io.podflow.api.typeutils.FieldReference;
import io.podflow.api.windowing.SlidingEventTimeWindows;
import io.podflow.api.windowing.Time;
import io.podflow.api.windowing.TimeWindow;
import io.podflow.api.windowing.TumblingEventTimeWindows;
import io.podflow.api.windowing.TumblingProcessingTimeWindows;
import io.podflow.api.windowing.WindowAssigner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WindowOperatorTest {

    private static final KeySelector<Object, Object> WORD = value -> ((Tuple2<?, ?>) value).f0;
    private static final FieldAggregation SUM_OF_FIELD_1 =
            new FieldAggregation(FieldAggregation.Kind.SUM, FieldReference.position(1));

    private static OperatorHarness summing(WindowAssigner assigner, long lateness) throws Exception {
        return new OperatorHarness(new WindowOperator(WORD, assigner,
                new ReducingWindowAggregation(SUM_OF_FIELD_1), lateness));
    }

    @Test
    void eventTimeWindowsFireWhenTheWatermarkPassesTheirEnd() throws Exception {
        OperatorHarness harness = summing(TumblingEventTimeWindows.of(Time.seconds(5)), 0);
        harness.element(Tuple2.of("a", 1), 1000);
        harness.element(Tuple2.of("b", 1), 2000);
        harness.element(Tuple2.of("a", 1), 4999);
        harness.element(Tuple2.of("a", 1), 5000);
        harness.watermark(4998);
        assertEquals(List.of(), harness.takeValues(), "the window [0,5000) may still get a record at 4999");
        harness.watermark(4999);
        List<io.podflow.api.runtime.StreamRecord> fired = harness.takeRecords();
        assertEquals(List.of(Tuple2.of("a", 2), Tuple2.of("b", 1)), fired.stream().map(r -> r.value()).toList());
        assertEquals(4999, fired.get(0).timestamp(), "results carry the window's last timestamp");
        assertEquals(List.of(4998L, 4999L), harness.watermarks(), "watermarks are passed on after firing");
        harness.watermark(Long.MAX_VALUE);
        assertEquals(List.of(Tuple2.of("a", 1)), harness.takeValues());
    }

    @Test
    void lateRecordsAreDroppedAndCountedWithoutAllowedLateness() throws Exception {
        WindowOperator operator = new WindowOperator(WORD, TumblingEventTimeWindows.of(Time.seconds(5)),
                new ReducingWindowAggregation(SUM_OF_FIELD_1), 0);
        OperatorHarness harness = new OperatorHarness(operator);
        harness.element(Tuple2.of("a", 1), 1000);
        harness.watermark(6000);
        assertEquals(List.of(Tuple2.of("a", 1)), harness.takeValues());
        harness.element(Tuple2.of("a", 1), 3000);
        harness.element(Tuple2.of("a", 1), 4999);
        harness.element(Tuple2.of("a", 1), 6500);
        harness.watermark(Long.MAX_VALUE);
        assertEquals(List.of(Tuple2.of("a", 1)), harness.takeValues(), "only the on-time record at 6500 counts");
        assertEquals(2, operator.droppedLateRecords());
    }

    @Test
    void allowedLatenessRefiresTheWindowWithTheLateRecordAdded() throws Exception {
        WindowOperator operator = new WindowOperator(WORD, TumblingEventTimeWindows.of(Time.seconds(5)),
                new ReducingWindowAggregation(SUM_OF_FIELD_1), 2000);
        OperatorHarness harness = new OperatorHarness(operator);
        harness.element(Tuple2.of("a", 1), 1000);
        harness.watermark(5500);
        assertEquals(List.of(Tuple2.of("a", 1)), harness.takeValues());
        harness.element(Tuple2.of("a", 1), 2000);
        assertEquals(List.of(Tuple2.of("a", 2)), harness.takeValues(), "a late record within lateness re-fires");
        harness.element(Tuple2.of("b", 5), 3000);
        assertEquals(List.of(Tuple2.of("b", 5)), harness.takeValues(), "also for a key new to the window");
        harness.watermark(6999);
        harness.element(Tuple2.of("a", 1), 4000);
        assertEquals(List.of(), harness.takeValues(), "past end + lateness the window is gone");
        assertEquals(1, operator.droppedLateRecords());
    }

    @Test
    void slidingWindowsCountARecordInEveryWindowItFalls() throws Exception {
        OperatorHarness harness = summing(SlidingEventTimeWindows.of(Time.seconds(10), Time.seconds(5)), 0);
        harness.element(Tuple2.of("a", 1), 7000);
        harness.element(Tuple2.of("a", 1), 12000);
        harness.watermark(9999);
        assertEquals(List.of(Tuple2.of("a", 1)), harness.takeValues(), "[0,10000) holds the record at 7000");
        harness.watermark(14999);
        assertEquals(List.of(Tuple2.of("a", 2)), harness.takeValues(), "[5000,15000) holds both");
        harness.watermark(19999);
        assertEquals(List.of(Tuple2.of("a", 1)), harness.takeValues(), "[10000,20000) holds the record at 12000");
    }

    @Test
    void processingTimeWindowsFireOnTheClockAndFlushWhenInputEnds() throws Exception {
        OperatorHarness harness = summing(TumblingProcessingTimeWindows.of(Time.seconds(5)), 0);
        harness.advanceClockTo(1000);
        harness.element(Tuple2.of("a", 1));
        harness.element(Tuple2.of("a", 1));
        harness.advanceClockTo(4998);
        assertEquals(List.of(), harness.takeValues());
        harness.advanceClockTo(4999);
        assertEquals(List.of(Tuple2.of("a", 2)), harness.takeValues());
        harness.advanceClockTo(6000);
        harness.element(Tuple2.of("a", 1));
        harness.finish();
        assertEquals(List.of(Tuple2.of("a", 1)), harness.takeValues());
    }

    @Test
    void applyHandsTheWholeWindowToTheFunction() throws Exception {
        WindowFunction<Object, Object, Object, TimeWindow> describe =
                (Object key, TimeWindow window, Iterable<Object> records, Collector<Object> out) -> {
                    StringBuilder text = new StringBuilder(key + "@" + window.start() + ":");
                    records.forEach(record -> text.append(((Tuple2<?, ?>) record).f1));
                    out.collect(text.toString());
                };
        OperatorHarness harness = new OperatorHarness(new WindowOperator(WORD,
                TumblingEventTimeWindows.of(Time.seconds(5)), new BufferingWindowAggregation(describe), 0));
        harness.element(Tuple2.of("k", "x"), 100);
        harness.element(Tuple2.of("k", "y"), 200);
        harness.watermark(Long.MAX_VALUE);
        assertEquals(List.of("k@0:xy"), harness.takeValues());
    }
}
