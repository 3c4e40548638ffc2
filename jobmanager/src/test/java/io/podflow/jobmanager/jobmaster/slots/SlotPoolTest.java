package io.podflow.jobmanager.jobmaster.slots;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.SlotOffer;
import io.podflow.protocol.TaskManagerLocation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slot sharing: a job holds max-parallelism slots and subtask i of every vertex lands in slot i. */
class SlotPoolTest {

    private final TaskManagerLocation tm1 = location("tm-1");
    private final TaskManagerLocation tm2 = location("tm-2");

    private static TaskManagerLocation location(String id) {
        return new TaskManagerLocation(ResourceID.of(id), "127.0.0.1:6122/taskexecutor", "127.0.0.1", 6121);
    }

    private static List<SlotOffer> offers(int count) {
        return IntStream.range(0, count).mapToObj(i -> new SlotOffer(AllocationID.generate(), i))
                .toList();
    }

    @Test
    void acceptsOffersUpToTheNeedAndDeclinesTheRest() {
        SlotPool pool = new SlotPool();
        pool.require(3);

        List<SlotOffer> fromFirst = offers(2);
        assertEquals(fromFirst, pool.offer(tm1, fromFirst));
        assertFalse(pool.isComplete());
        List<SlotOffer> fromSecond = offers(2);
        List<SlotOffer> accepted = pool.offer(tm2, fromSecond);

        assertEquals(List.of(fromSecond.get(0)), accepted);
        assertTrue(pool.isComplete());
        assertEquals(3, pool.size());
        assertEquals(Set.of(tm1, tm2), pool.taskManagers());
    }

    @Test
    void aRetriedOfferOfAHeldSlotIsAcceptedAgainWithoutTakingAnotherSlot() {
        SlotPool pool = new SlotPool();
        pool.require(2);
        List<SlotOffer> offers = offers(1);
        pool.offer(tm1, offers);

        assertEquals(offers, pool.offer(tm1, offers));
        assertEquals(1, pool.size());
        assertEquals(List.of(), pool.offer(tm2, offers), "the same allocation from another TaskManager");
    }

    @Test
    void subtaskIOfEveryVertexGoesToTheIthSlot() {
        SlotPool pool = new SlotPool();
        pool.require(4);
        List<SlotOffer> first = offers(2);
        List<SlotOffer> second = offers(2);
        pool.offer(tm1, first);
        pool.offer(tm2, second);

        assertEquals(first.get(0).allocationId(), pool.slotForSubtask(0).allocationId());
        assertEquals(first.get(1).allocationId(), pool.slotForSubtask(1).allocationId());
        assertEquals(tm2, pool.slotForSubtask(2).taskManager());
        assertEquals(second.get(1).allocationId(), pool.slotForSubtask(3).allocationId());
        assertThrows(IllegalStateException.class, () -> pool.slotForSubtask(4));
    }

    @Test
    void aLostTaskManagerTakesItsSlotsAndTheJobNeedsNewOnes() {
        SlotPool pool = new SlotPool();
        pool.require(4);
        pool.offer(tm1, offers(2));
        List<SlotOffer> onSecond = offers(2);
        pool.offer(tm2, onSecond);

        List<PooledSlot> lost = pool.removeTaskManager(tm2.resourceId());

        assertEquals(onSecond.stream().map(SlotOffer::allocationId).toList(),
                lost.stream().map(PooledSlot::allocationId).toList());
        assertFalse(pool.isComplete());
        assertEquals(Set.of(tm1), pool.taskManagers());
        List<SlotOffer> replacements = offers(2);
        assertEquals(replacements, pool.offer(location("tm-3"), replacements));
        assertTrue(pool.isComplete());
    }

    @Test
    void removeAllEmptiesThePool() {
        SlotPool pool = new SlotPool();
        pool.require(2);
        pool.offer(tm1, offers(2));

        assertEquals(2, pool.removeAll().size());
        assertEquals(0, pool.size());
        assertTrue(pool.taskManagers().isEmpty());
    }
}
