package org.inspraak.idea;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface IdeaPhotoRepository extends JpaRepository<IdeaPhoto, Long> {

    @Query("select new org.inspraak.idea.IdeaPhotos$Photo(p.id, p.ideaId, p.altText, p.width, p.height) "
            + "from IdeaPhoto p where p.ideaId = :ideaId order by p.id")
    List<IdeaPhotos.Photo> photosOf(long ideaId);

    long countByIdeaId(long ideaId);

    @Query("select new org.inspraak.idea.IdeaPhotos$Photo(p.id, p.ideaId, p.altText, p.width, p.height) "
            + "from IdeaPhoto p where p.ideaId in (select i.id from Idea i where i.authorId = :authorId) order by p.id")
    List<IdeaPhotos.Photo> photosBy(long authorId);

    @Modifying
    @Query("delete from IdeaPhoto p where p.ideaId in (select i.id from Idea i where i.authorId = :authorId)")
    int deleteBy(long authorId);
}
