package io.greengate.feedback.ranking;

import io.greengate.feedback.store.RankerModel;
import io.greengate.platform.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Retrains every {@code greengate.ranker.retrain-every} ({@code off} by default). A run with nothing new to learn
 * from (the same dataset as the last training) is skipped: training it again would only spend energy.
 */
@ApplicationScoped
public class RankerSchedule {

    private static final Logger LOG = Logger.getLogger(RankerSchedule.class);
    public static final String SCHEDULER = "scheduler";

    private final RankerTraining training;

    public RankerSchedule(RankerTraining training) {
        this.training = training;
    }

    @Scheduled(identity = "ranker-retrain", every = "{greengate.ranker.retrain-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retrain() {
        if (training.nothingNewSinceLastTraining()) {
            LOG.debug("scheduled ranker training skipped: no new decisions since the last training");
            return;
        }
        try {
            RankerModel model = training.start(RankerModel.Trigger.SCHEDULE, SCHEDULER);
            LOG.infof("scheduled ranker training started: %s", model.version);
        } catch (ProblemException e) {
            LOG.infof("scheduled ranker training skipped: %s", e.getMessage());
        }
    }
}
