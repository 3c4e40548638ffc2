package io.podflow.api.tuple;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TupleTest {

    @Test
    void printsLikeFlinkUsersExpect() {
        assertEquals("(hello,3)", Tuple2.of("hello", 3).toString());
        assertEquals("(a,null,2.5)", Tuple3.of("a", null, 2.5).toString());
    }

    @Test
    void equalFieldsMeanEqualTuplesAndHashes() {
        assertEquals(Tuple2.of("a", 1), Tuple2.of("a", 1));
        assertEquals(Tuple2.of("a", 1).hashCode(), Tuple2.of("a", 1).hashCode());
        assertNotEquals(Tuple2.of("a", 1), Tuple2.of("a", 2));
        assertNotEquals(Tuple2.of("a", 1), Tuple3.of("a", 1, null));
    }

    @Test
    void fieldsAreAddressedByPosition() {
        Tuple3<String, Integer, Long> tuple = Tuple3.of("x", 1, 2L);
        tuple.setField(1, 7);
        assertEquals(7, tuple.<Integer>getField(1));
        assertEquals(Tuple3.of("x", 7, 2L), tuple.copy());
        assertThrows(IndexOutOfBoundsException.class, () -> tuple.getField(3));
    }
}
