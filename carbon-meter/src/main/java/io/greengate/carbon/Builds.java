package io.greengate.carbon;

import io.greengate.carbon.api.BuildRequest;
import io.greengate.carbon.api.BuildView;
import io.greengate.carbon.store.Build;
import io.greengate.carbon.store.EnergyRecord;
import io.greengate.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Stores CI's build reports with their energy record. */
@ApplicationScoped
public class Builds {

    /** Clock and accounting jitter CI's figures may carry before CPU time beyond vcpus x wall time is refused. */
    static final double CPU_TOLERANCE = 1.05;
    static final double CPU_TOLERANCE_SECONDS = 1;

    private final EnergyLedger ledger;

    public Builds(EnergyLedger ledger) {
        this.ledger = ledger;
    }

    @Transactional
    public BuildView record(BuildRequest request, String actor) {
        requireCpuTimeTheRunnerCouldSpend(request);
        Build build = new Build();
        build.id = UUID.randomUUID();
        build.repository = request.repository();
        build.commit = request.commit();
        build.pipeline = request.pipeline();
        build.job = request.job();
        build.status = request.normalizedStatus();
        build.cpuSeconds = request.cpuSeconds();
        build.wallSeconds = request.wallSeconds();
        build.vcpus = request.vcpus();
        build.memoryGb = request.memoryGb();
        build.region = request.region();
        build.reportedBy = actor;
        build.createdAt = Instant.now();
        build.persistAndFlush();
        return BuildView.of(build, ledger.recordBuild(build));
    }

    @Transactional
    public BuildView get(UUID id) {
        Build build = Build.<Build>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("build", id));
        return BuildView.of(build, EnergyRecord.ofBuild(id).orElseThrow());
    }

    /** More CPU seconds than vcpus x wall seconds means the figures or the vCPU count are wrong. */
    private static void requireCpuTimeTheRunnerCouldSpend(BuildRequest request) {
        double capacity = request.wallSeconds() * request.vcpus();
        if (request.cpuSeconds() > capacity * CPU_TOLERANCE + CPU_TOLERANCE_SECONDS) {
            throw ProblemException.invalid("cpuSeconds", "must not exceed wallSeconds x vcpus (" + capacity
                    + "): a runner cannot spend more CPU time than its vCPUs had");
        }
    }
}
