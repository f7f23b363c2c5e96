package org.inspraak.webcare;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface QuestionRepository extends JpaRepository<Question, Long> {

    List<Question> findByReactionIdIn(java.util.Collection<Long> reactionIds);

    @Query("""
            select q from Question q where (:open = false or q.answeredAt is null)
              and (:departmentId is null or q.departmentId = :departmentId)
            order by case when q.answeredAt is null then 0 else 1 end, q.dueOn, q.id""")
    List<Question> list(boolean open, @Nullable Long departmentId, Pageable page);

    @Query("""
            select count(q) from Question q where (:open = false or q.answeredAt is null)
              and (:departmentId is null or q.departmentId = :departmentId)""")
    long count(boolean open, @Nullable Long departmentId);

    List<Question> findByIdeaIdIn(java.util.Collection<Long> ideaIds);

    @Query("select count(q) from Question q where q.answeredAt is null and q.dueOn < :today")
    long overdue(LocalDate today);
}

interface DepartmentRepository extends JpaRepository<Department, Long> {

    List<Department> findAllByOrderByName();

    boolean existsByName(String name);
}

interface ResponseSchemeRepository extends JpaRepository<ResponseScheme, Long> {}
