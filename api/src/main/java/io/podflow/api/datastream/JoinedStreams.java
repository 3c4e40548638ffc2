package io.podflow.api.datastream;

import io.podflow.api.functions.Collector;
import io.podflow.api.functions.JoinFunction;
import io.podflow.api.functions.KeySelector;
import io.podflow.api.functions.WindowFunction;
import io.podflow.api.tuple.Tuple2;
import io.podflow.api.windowing.TimeWindow;
import io.podflow.api.windowing.WindowAssigner;

import java.util.ArrayList;
import java.util.List;

/**
 * A window join of two streams: every pair of records, one from each side, that share a key and a window is
 * joined. Both sides are tagged, unioned, keyed by their side's key and windowed together.
 */
public final class JoinedStreams<T1, T2> {

    private final DataStream<T1> first;
    private final DataStream<T2> second;

    JoinedStreams(DataStream<T1> first, DataStream<T2> second) {
        this.first = first;
        this.second = second;
    }

    public <K> Where<K> where(KeySelector<T1, K> firstKey) {
        return new Where<>(firstKey);
    }

    /** The join with its first key chosen. */
    public final class Where<K> {
        private final KeySelector<T1, K> firstKey;

        Where(KeySelector<T1, K> firstKey) {
            this.firstKey = firstKey;
        }

        public EqualTo equalTo(KeySelector<T2, K> secondKey) {
            return new EqualTo(secondKey);
        }

        /** The join with both keys chosen. */
        public final class EqualTo {
            private final KeySelector<T2, K> secondKey;

            EqualTo(KeySelector<T2, K> secondKey) {
                this.secondKey = secondKey;
            }

            public WithWindow window(WindowAssigner assigner) {
                return new WithWindow(assigner);
            }

            /** The join with keys and windows chosen; {@link #apply} completes it. */
            public final class WithWindow {
                private final WindowAssigner assigner;

                WithWindow(WindowAssigner assigner) {
                    this.assigner = assigner;
                }

                @SuppressWarnings({"unchecked", "rawtypes"})
                public <R> SingleOutputStreamOperator<R> apply(JoinFunction<T1, T2, R> function) {
                    DataStream<Tuple2<Integer, Object>> tagged = (DataStream) first.map(value -> Tuple2.of(0, value));
                    DataStream<Tuple2<Integer, Object>> taggedSecond =
                            (DataStream) second.map(value -> Tuple2.of(1, value));
                    KeySelector<Tuple2<Integer, Object>, Object> key = new SideKeySelector(
                            (KeySelector<Object, Object>) (KeySelector) firstKey,
                            (KeySelector<Object, Object>) (KeySelector) secondKey);
                    return tagged.union(taggedSecond).keyBy(key).window(assigner)
                            .apply(new JoinWindowFunction<>((JoinFunction<Object, Object, R>) (JoinFunction) function));
                }
            }
        }
    }

    /** The key of a tagged record: the first side's key for tag 0, the second side's for tag 1. */
    private record SideKeySelector(KeySelector<Object, Object> firstKey, KeySelector<Object, Object> secondKey)
            implements KeySelector<Tuple2<Integer, Object>, Object> {
        @Override
        public Object getKey(Tuple2<Integer, Object> tagged) throws Exception {
            return tagged.f0 == 0 ? firstKey.getKey(tagged.f1) : secondKey.getKey(tagged.f1);
        }
    }

    /** Joins every first-side record of a window and key with every second-side one. */
    private record JoinWindowFunction<R>(JoinFunction<Object, Object, R> function)
            implements WindowFunction<Tuple2<Integer, Object>, R, Object, TimeWindow> {
        @Override
        public void apply(Object key, TimeWindow window, Iterable<Tuple2<Integer, Object>> records,
                Collector<R> out) throws Exception {
            List<Object> firsts = new ArrayList<>();
            List<Object> seconds = new ArrayList<>();
            for (Tuple2<Integer, Object> record : records) {
                (record.f0 == 0 ? firsts : seconds).add(record.f1);
            }
            for (Object left : firsts) {
                for (Object right : seconds) {
                    out.collect(function.join(left, right));
                }
            }
        }
    }
}
