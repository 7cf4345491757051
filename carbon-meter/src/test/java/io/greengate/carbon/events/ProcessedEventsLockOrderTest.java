package io.greengate.carbon.events;

import io.greengate.platform.inbox.ProcessedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batches handled side by side remember their events in one order (sorted ids), so two transactions holding the
 * same events in opposite orders wait for each other instead of deadlocking (PostgreSQL would abort one).
 */
@QuarkusTest
class ProcessedEventsLockOrderTest {

    @Inject
    ProcessedEvents processed;

    @Test
    void overlappingBatchesInOppositeOrdersNeitherDeadlockNorCountAnEventTwice() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                List<UUID> ids = Stream.generate(UUID::randomUUID).limit(1000).toList();
                List<UUID> reversed = new ArrayList<>(ids);
                Collections.reverse(reversed);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Set<UUID>>> batches = new ArrayList<>();
                for (List<UUID> batch : List.of(ids, reversed)) {
                    batches.add(threads.submit(() -> {
                        start.await();
                        // a deadlock would surface here as an exception from PostgreSQL
                        return QuarkusTransaction.requiringNew()
                                .call(() -> processed.firstDeliveries("lock-order-test", batch));
                    }));
                }
                Set<UUID> first = batches.get(0).get(60, TimeUnit.SECONDS);
                Set<UUID> second = batches.get(1).get(60, TimeUnit.SECONDS);
                Set<UUID> both = new HashSet<>(first);
                both.retainAll(second);
                assertTrue(both.isEmpty(), "an event counted by both batches: " + both.size());
                Set<UUID> all = new HashSet<>(first);
                all.addAll(second);
                assertEquals(Set.copyOf(ids), all, "every event counted once");
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
