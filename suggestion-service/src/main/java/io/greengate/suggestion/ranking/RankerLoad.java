package io.greengate.suggestion.ranking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A promoted model suggestion-service was told about: LOADED (with its artifact) or REFUSED (with the reason). */
@Entity
@Table(name = "ranker_load")
public class RankerLoad extends PanacheEntityBase {

    public enum Status { LOADED, REFUSED }

    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
    public String version;
    public String status;
    @Column(name = "expected_sha256")
    public String expectedSha256;
    @Column(name = "actual_sha256")
    public String actualSha256;
    @Basic(fetch = FetchType.LAZY)
    public byte[] artifact;
    public String reason;
    @Column(name = "promoted_at")
    public Instant promotedAt;
    @Column(name = "received_at")
    public Instant receivedAt;

    /** The model that ranks: the newest promotion that was loaded. */
    public static Optional<RankerLoad> latestLoaded() {
        return find("status = ?1 order by promotedAt desc", Status.LOADED.name()).firstResultOptional();
    }

    public static List<RankerLoad> latest(int limit) {
        return find("order by receivedAt desc").range(0, limit - 1).list();
    }
}
