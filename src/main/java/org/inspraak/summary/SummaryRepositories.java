package org.inspraak.summary;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SummaryRepository extends JpaRepository<Summary, Long> {

    List<Summary> findByConsultationIdOrderById(Long consultationId);
}

interface SummaryVersionRepository extends JpaRepository<SummaryVersion, Long> {

    List<SummaryVersion> findBySummaryIdOrderByNumberDesc(Long summaryId);

    Optional<SummaryVersion> findFirstBySummaryIdOrderByNumberDesc(Long summaryId);

    Optional<SummaryVersion> findFirstBySummaryIdAndStateOrderByNumberDesc(Long summaryId, SummaryState state);

    List<SummaryVersion> findByStateOrderByPublishedAtDesc(SummaryState state);
}

interface SummaryReadRepository extends JpaRepository<SummaryRead, SummaryRead.Key> {

    boolean existsByVersionIdAndUserId(Long versionId, Long userId);

    @Modifying
    @Query(value = "delete from summary_read where user_id = :userId", nativeQuery = true)
    void deleteByUser(long userId);
}
