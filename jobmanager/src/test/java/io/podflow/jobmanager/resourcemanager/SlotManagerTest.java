package io.podflow.jobmanager.resourcemanager;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.SlotID;
import io.podflow.protocol.SlotReport;
import io.podflow.protocol.SlotStatus;
import io.podflow.protocol.job.JobID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlotManagerTest {

    private static final ResourceID TM1 = ResourceID.of("tm-1");
    private static final ResourceID TM2 = ResourceID.of("tm-2");
    private final JobID jobA = JobID.generate();
    private final JobID jobB = JobID.generate();
    private final SlotManager slots = new SlotManager(2);

    private static SlotReport allFree(ResourceID id, int count) {
        List<SlotStatus> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(SlotStatus.free(new SlotID(id, i)));
        }
        return new SlotReport(statuses);
    }

    private List<SlotAllocation> match() {
        return slots.matchDemand(AllocationID::generate);
    }

    /** One row: slots per worker, slot counts of the registered TaskManagers, demands, then the expectations. */
    static Stream<Arguments> workerDemand() {
        return Stream.of(
                // slotsPerWorker, registered TM slots, demands, workers wanted, unmet slots, idle TaskManagers
                Arguments.of(2, List.of(), List.of(4), 2, 4, 0),
                Arguments.of(2, List.of(), List.of(3), 2, 3, 0),
                Arguments.of(2, List.of(2), List.of(4), 2, 2, 0),
                Arguments.of(2, List.of(2, 2), List.of(4), 2, 0, 0),
                Arguments.of(2, List.of(2, 2), List.of(1), 1, 0, 1),
                Arguments.of(3, List.of(1), List.of(2, 3), 3, 4, 0),
                Arguments.of(1, List.of(4), List.of(1, 1), 1, 0, 0),
                Arguments.of(4, List.of(), List.of(), 0, 0, 0),
                Arguments.of(2, List.of(2, 2, 2), List.of(), 0, 0, 3));
    }

    @ParameterizedTest(name = "{0} slots/worker, TMs {1}, demand {2} -> {3} workers wanted, {4} slots unmet, {5} idle")
    @MethodSource("workerDemand")
    void wantsTheBusyWorkersPlusEnoughForUnmetDemand(int slotsPerWorker, List<Integer> registered,
            List<Integer> demands, int expectedWanted, int expectedUnmet, int expectedIdle) {
        SlotManager manager = new SlotManager(slotsPerWorker);
        for (int i = 0; i < registered.size(); i++) {
            ResourceID id = ResourceID.of("tm-" + i);
            manager.registerTaskManager(id, registered.get(i), allFree(id, registered.get(i)));
        }
        demands.forEach(count -> manager.declareRequiredSlots(JobID.generate(), count));
        manager.matchDemand(AllocationID::generate);

        assertEquals(expectedUnmet, manager.unmetDemand());
        assertEquals(expectedWanted, manager.workersWanted());
        assertEquals(expectedIdle, manager.idleTaskManagers().size());
    }

    /** One row: TaskManager slot counts, demand of job A then job B, slots each job gets, free slots left. */
    static Stream<Arguments> matching() {
        return Stream.of(
                Arguments.of(List.of(2, 2), 4, 0, 4, 0, 0),
                Arguments.of(List.of(2, 2), 3, 3, 3, 1, 0),
                Arguments.of(List.of(2), 1, 1, 1, 1, 0),
                Arguments.of(List.of(2, 2), 1, 1, 1, 1, 2),
                Arguments.of(List.of(1), 2, 0, 1, 0, 0),
                Arguments.of(List.of(3), 0, 0, 0, 0, 3));
    }

    @ParameterizedTest(name = "TMs {0}, demand A={1} B={2} -> A gets {3}, B gets {4}, {5} free")
    @MethodSource("matching")
    void matchesDemandToFreeSlotsInDeclarationOrder(List<Integer> registered, int demandA, int demandB,
            int slotsA, int slotsB, int freeLeft) {
        for (int i = 0; i < registered.size(); i++) {
            ResourceID id = ResourceID.of("tm-" + i);
            slots.registerTaskManager(id, registered.get(i), allFree(id, registered.get(i)));
        }
        slots.declareRequiredSlots(jobA, demandA);
        slots.declareRequiredSlots(jobB, demandB);

        Map<JobID, Long> given = match().stream()
                .collect(Collectors.groupingBy(SlotAllocation::jobId, Collectors.counting()));
        assertEquals(slotsA, given.getOrDefault(jobA, 0L).intValue());
        assertEquals(slotsB, given.getOrDefault(jobB, 0L).intValue());
        assertEquals(freeLeft, slots.freeSlotCount());
        assertEquals(List.of(), match(), "a second match must not hand out more slots for the same demand");
    }

    @Test
    void aRefusedAllocationFreesItsSlotForTheNextMatch() {
        slots.registerTaskManager(TM1, 1, allFree(TM1, 1));
        slots.declareRequiredSlots(jobA, 1);
        SlotAllocation first = match().get(0);

        slots.failAllocation(first.allocationId());
        List<SlotAllocation> retried = match();

        assertEquals(1, retried.size());
        assertEquals(first.slotId(), retried.get(0).slotId());
        assertTrue(!first.allocationId().equals(retried.get(0).allocationId()), "a retry gets a new allocation id");
    }

    @Test
    void losingATaskManagerReturnsItsAllocationsAndRaisesDemandAgain() {
        slots.registerTaskManager(TM1, 2, allFree(TM1, 2));
        slots.registerTaskManager(TM2, 2, allFree(TM2, 2));
        slots.declareRequiredSlots(jobA, 4);
        match().forEach(allocation -> slots.confirmAllocation(allocation.allocationId()));

        List<SlotAllocation> lost = slots.unregisterTaskManager(TM2);

        assertEquals(2, lost.size());
        assertTrue(lost.stream().allMatch(allocation -> allocation.slotId().resourceId().equals(TM2)
                && allocation.jobId().equals(jobA)));
        assertEquals(2, slots.unmetDemand());
        assertEquals(2, slots.workersWanted());
        assertEquals(2, slots.totalSlotCount());
    }

    @Test
    void releasingAJobFreesItsSlotsForOthers() {
        slots.registerTaskManager(TM1, 2, allFree(TM1, 2));
        slots.declareRequiredSlots(jobA, 2);
        slots.declareRequiredSlots(jobB, 2);
        match();

        assertEquals(2, slots.releaseJob(jobA).size());
        List<SlotAllocation> forB = match();

        assertEquals(2, forB.size());
        assertTrue(forB.stream().allMatch(allocation -> allocation.jobId().equals(jobB)));
        assertEquals(List.of(), slots.allocationsOf(jobA));
    }

    @Test
    void slotReportFreesConfirmedSlotsButNotPendingOnes() {
        slots.registerTaskManager(TM1, 2, allFree(TM1, 2));
        slots.declareRequiredSlots(jobA, 2);
        List<SlotAllocation> made = match();
        slots.confirmAllocation(made.get(0).allocationId());

        slots.reportSlots(TM1, allFree(TM1, 2));

        assertEquals(List.of(made.get(1)), slots.allocationsOf(jobA));
        assertEquals(1, slots.freeSlotCount(TM1));
    }

    @Test
    void slotReportRecordsAllocationsTheTaskManagerHolds() {
        AllocationID held = AllocationID.generate();
        SlotReport report = new SlotReport(List.of(SlotStatus.free(new SlotID(TM1, 0)),
                new SlotStatus(new SlotID(TM1, 1), held, jobA)));

        slots.registerTaskManager(TM1, 2, report);

        assertEquals(List.of(new SlotAllocation(new SlotID(TM1, 1), jobA, held)), slots.allocationsOf(jobA));
        slots.declareRequiredSlots(jobA, 1);
        assertEquals(List.of(), match(), "the slot it already holds covers the demand");
    }

    @Test
    void freedSlotIsReusedUnlessItAlreadyMovedOn() {
        slots.registerTaskManager(TM1, 1, allFree(TM1, 1));
        slots.declareRequiredSlots(jobA, 1);
        SlotAllocation first = match().get(0);

        slots.slotFreed(first.slotId(), AllocationID.generate());
        assertEquals(0, slots.freeSlotCount(TM1), "a stale free for another allocation changes nothing");
        slots.slotFreed(first.slotId(), first.allocationId());
        assertEquals(1, slots.freeSlotCount(TM1));
    }

    @Test
    void reRegistrationReportsTheAllocationsItNoLongerHolds() {
        slots.registerTaskManager(TM1, 2, allFree(TM1, 2));
        slots.declareRequiredSlots(jobA, 2);
        List<SlotAllocation> made = match();
        made.forEach(allocation -> slots.confirmAllocation(allocation.allocationId()));
        SlotAllocation kept = made.get(0);
        SlotReport report = new SlotReport(List.of(new SlotStatus(kept.slotId(), kept.allocationId(), jobA),
                SlotStatus.free(made.get(1).slotId())));

        List<SlotAllocation> lost = slots.registerTaskManager(TM1, 2, report);

        assertEquals(List.of(made.get(1)), lost);
        assertEquals(List.of(kept), slots.allocationsOf(jobA));
    }
}
