package io.greengate.suggestion.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A test a reviewer accepted (its final code), kept as a few-shot example for the LLM engine. */
@Entity
@Table(name = "accepted_example")
public class AcceptedExample extends PanacheEntityBase {
    @Id
    @Column(name = "review_id")
    public UUID reviewId;
    public String repository;
    public String language;
    public String code;
    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The newest examples of a repository in these languages, newest first. */
    public static List<AcceptedExample> recent(String repository, Collection<String> languages, int limit) {
        if (languages.isEmpty() || limit <= 0) {
            return List.of();
        }
        return find("repository = ?1 and language in ?2 order by decidedAt desc", repository, languages)
                .page(Page.ofSize(limit)).list();
    }

    /** Drops all but the {@code keep} newest examples of a repository and language. */
    public static void keepNewest(String repository, String language, int keep) {
        getEntityManager().createNativeQuery("""
                        delete from accepted_example where repository = ?1 and language = ?2 and review_id not in (
                            select review_id from accepted_example where repository = ?1 and language = ?2
                            order by decided_at desc limit ?3)""")
                .setParameter(1, repository).setParameter(2, language).setParameter(3, keep).executeUpdate();
    }
}
