package io.greengate.suggestion.ranking;

import io.greengate.platform.events.ModelTrained;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads a promoted model: downloads its artifact from feedback-service, checks the bytes' sha256 against the
 * one the event announced (a model that does not match is refused and the current one stays), reads it, and
 * stores it in ranker_load so a restart ranks with it again. A download that keeps failing fails the event
 * (parked on the dead-letter topic, to be replayed); an artifact that is not what was announced is refused for
 * good.
 */
@ApplicationScoped
public class RankerLoader {

    public static final String PROMOTED = "PROMOTED";
    private static final Logger LOG = Logger.getLogger(RankerLoader.class);

    private final ModelArtifacts artifacts;
    private final Event<Ranker.Loaded> loaded;

    public RankerLoader(ModelArtifacts artifacts, Event<Ranker.Loaded> loaded) {
        this.artifacts = artifacts;
        this.loaded = loaded;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void promoted(ModelTrained event) {
        if (!PROMOTED.equals(event.status()) || event.version() == null) {
            return;
        }
        Instant promotedAt = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        Optional<RankerLoad> newest = RankerLoad.latestLoaded();
        if (newest.isPresent() && newest.get().promotedAt.isAfter(promotedAt)) {
            LOG.infof("promotion of %s at %s ignored: %s was promoted later", event.version(), promotedAt,
                    newest.get().version);
            return;
        }
        byte[] artifact = artifacts.download(event.version());
        String actual = RankerModel.sha256(artifact);
        RankerLoad load = new RankerLoad();
        load.id = UUID.randomUUID();
        load.eventId = event.eventId();
        load.version = event.version();
        load.expectedSha256 = event.artifactSha256();
        load.actualSha256 = actual;
        load.promotedAt = promotedAt;
        load.receivedAt = Instant.now();
        if (!actual.equalsIgnoreCase(String.valueOf(event.artifactSha256()))) {
            refuse(load, "sha256 mismatch: ModelTrained announced " + event.artifactSha256()
                    + ", the downloaded artifact is " + actual);
            return;
        }
        RankerModel model;
        try {
            model = RankerModel.load(event.version(), artifact);
        } catch (IllegalArgumentException e) {
            refuse(load, e.getMessage());
            return;
        }
        load.status = RankerLoad.Status.LOADED.name();
        load.artifact = artifact;
        load.persist();
        loaded.fire(new Ranker.Loaded(load.id, model));
    }

    private static void refuse(RankerLoad load, String reason) {
        LOG.errorf("ranker %s REFUSED, the current ranker stays: %s", load.version, reason);
        load.status = RankerLoad.Status.REFUSED.name();
        load.reason = reason;
        load.persist();
    }
}
