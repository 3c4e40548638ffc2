package io.podflow.taskmanager.slot;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.JobMasterId;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.SlotID;
import io.podflow.protocol.SlotStatus;
import io.podflow.protocol.job.JobID;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlotTableTest {

    private static final ResourceID TM = ResourceID.of("tm-1");
    private final SlotTable table = new SlotTable(TM, 2);
    private final JobID job = JobID.generate();
    private final JobMasterId jobMaster = JobMasterId.generate();

    @Test
    void allocatedSlotIsReportedAndRefusedToAnotherAllocation() {
        AllocationID allocation = AllocationID.generate();
        table.allocate(1, job, allocation, "jm:1/jobmaster", jobMaster);

        assertEquals(List.of(SlotStatus.free(new SlotID(TM, 0)), new SlotStatus(new SlotID(TM, 1), allocation, job)),
                table.report().slots());
        IllegalStateException taken = assertThrows(IllegalStateException.class,
                () -> table.allocate(1, JobID.generate(), AllocationID.generate(), "jm:1/jobmaster", jobMaster));
        assertTrue(taken.getMessage().startsWith("Slot tm-1_1 is already allocated to job " + job),
                taken.getMessage());
        table.allocate(1, job, allocation, "jm:1/jobmaster", jobMaster);
        assertEquals(1, table.slotsOf(job).size());
    }

    @Test
    void freeingReturnsTheSlotOnlyOnce() {
        AllocationID allocation = AllocationID.generate();
        table.allocate(0, job, allocation, "jm:1/jobmaster", jobMaster);

        assertEquals(0, table.free(allocation).orElseThrow().index());
        assertEquals(Optional.empty(), table.free(allocation));
        assertEquals(2, table.report().freeSlots());
    }

    @Test
    void indexOutsideTheTableIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> table.allocate(2, job, AllocationID.generate(), "jm:1/jobmaster", jobMaster));
        assertEquals("TaskManager tm-1 has no slot 2 (it has 2)", error.getMessage());
    }
}
