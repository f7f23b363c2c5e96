package org.inspraak.reaction;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

/** A threaded reply on an idea or on another reaction. Deleting keeps a stub so the thread stays intact. */
@Entity
@Table(name = "reaction")
@Indexed(routingBinder = @RoutingBinderRef(type = ReactionIndexRouting.class))
public class Reaction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    @GenericField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    private Long ideaId;

    private Long parentId;

    @Column(nullable = false)
    private Long authorId;

    @Column(nullable = false)
    // Not stored in the index: search reads the ideas of the best reactions there on every query, and stored texts
    // made each read decompress blocks of them. The passages it shows come from the database (search.Passages).
    @FullTextField(analyzer = "dutch", highlightable = Highlightable.NO)
    @FullTextField(name = "body_en", analyzer = "english")
    private String body;

    private boolean official;
    private boolean deleted;
    private boolean hidden;
    private String hiddenReason;
    private boolean moderatorEdited;
    private String clientIp;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected Reaction() {}

    Reaction(Long ideaId, Long parentId, Long authorId, String body, boolean official, Instant now) {
        this.ideaId = ideaId;
        this.parentId = parentId;
        this.authorId = authorId;
        this.body = body;
        this.official = official;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getIdeaId() {
        return ideaId;
    }

    public Long getParentId() {
        return parentId;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getBody() {
        return body;
    }

    public boolean isOfficial() {
        return official;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public boolean isHidden() {
        return hidden;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void edit(String body, Instant now) {
        this.body = body;
        this.updatedAt = now;
    }

    void markDeleted(Instant now) {
        this.deleted = true;
        this.body = "";
        this.updatedAt = now;
    }

    void setHidden(boolean hidden, String reason) {
        this.hidden = hidden;
        this.hiddenReason = hidden ? reason : null;
    }

    void correct(String body, Instant now) {
        this.body = body;
        this.updatedAt = now;
        this.moderatorEdited = true;
    }

    void setClientIp(String clientIp) {
        this.clientIp = clientIp;
    }

    public String getHiddenReason() {
        return hiddenReason;
    }

    public boolean isModeratorEdited() {
        return moderatorEdited;
    }

    String getClientIp() {
        return clientIp;
    }
}
