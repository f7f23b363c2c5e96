package org.inspraak.idea;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IdeaPhotoRepository extends JpaRepository<IdeaPhoto, Long> {

    @Query("select new org.inspraak.idea.IdeaPhotos$Photo(p.id, p.ideaId, p.altText, p.width, p.height) "
            + "from IdeaPhoto p where p.ideaId = :ideaId order by p.id")
    List<IdeaPhotos.Photo> photosOf(long ideaId);

    long countByIdeaId(long ideaId);
}
