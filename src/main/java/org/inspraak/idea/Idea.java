package org.inspraak.idea;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/** A resident's proposal. Vote and reaction counts are kept on the row, changed only by atomic SQL updates. */
@Entity
@Table(name = "idea")
@Indexed(routingBinder = @RoutingBinderRef(type = IdeaIndexRouting.class))
public class Idea {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    @GenericField(aggregable = Aggregable.YES)
    private Long consultationId;

    @Column(nullable = false)
    private Long authorId;

    // Title and description are not stored in the index: search marks its matches in the texts from the database
    // (search.Passages), and stored texts made every search's page of hits decompress them.
    @Column(nullable = false)
    @FullTextField(analyzer = "dutch", highlightable = Highlightable.NO)
    @FullTextField(name = "title_en", analyzer = "english")
    @FullTextField(name = "title_parts", analyzer = "dutch_parts")
    @FullTextField(name = "title_words", analyzer = "words")
    private String title;

    @Column(nullable = false)
    @FullTextField(analyzer = "dutch", highlightable = Highlightable.NO)
    @FullTextField(name = "description_en", analyzer = "english")
    @FullTextField(name = "description_parts", analyzer = "dutch_parts")
    @FullTextField(name = "description_words", analyzer = "words")
    private String description;

    @GenericField(aggregable = Aggregable.YES)
    private Long themeId;

    @GenericField(aggregable = Aggregable.YES)
    private Long neighbourhoodId;

    @Enumerated(EnumType.STRING)
    private AmountKind amountKind;

    private Long amountEuros;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @KeywordField(aggregable = Aggregable.YES)
    private IdeaStatus status = IdeaStatus.SUBMITTED;

    private boolean hidden;
    private String hiddenReason;
    private boolean moderatorEdited;
    private boolean locked;
    private boolean pinned;
    // A background statement (Polis's is_meta): see V20__background_statements.sql.
    private boolean background;
    private Double latitude;
    private Double longitude;
    private String clientIp;
    private Long mergedInto;

    // Counts are read-only for Hibernate: only IdeaRepository's atomic updates change them.
    @Column(insertable = false, updatable = false)
    private int agreeCount;

    @Column(insertable = false, updatable = false)
    private int disagreeCount;

    @Column(insertable = false, updatable = false)
    private int passCount;

    @Column(insertable = false, updatable = false)
    private int reactionCount;

    @Column(insertable = false, updatable = false)
    private double supportScore;

    @Column(insertable = false, updatable = false)
    private int divisiveness;

    @Column(nullable = false)
    @GenericField(sortable = Sortable.YES)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected Idea() {}

    Idea(Long consultationId, Long authorId, Instant now) {
        this.consultationId = consultationId;
        this.authorId = authorId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void apply(IdeaService.IdeaForm form, Instant now) {
        this.title = form.title().strip();
        this.description = form.description().strip();
        this.themeId = form.themeId();
        this.neighbourhoodId = form.neighbourhoodId();
        this.amountKind = form.amountEuros() == null ? null : form.amountKind();
        this.amountEuros = form.amountEuros();
        this.updatedAt = now;
    }

    void setStatus(IdeaStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    void setHidden(boolean hidden, String reason) {
        this.hidden = hidden;
        this.hiddenReason = hidden ? reason : null;
    }

    void correct(String title, String description, Instant now) {
        this.moderatorEdited = true;
        this.title = title;
        this.description = description;
        this.updatedAt = now;
    }

    void setLocked(boolean locked) {
        this.locked = locked;
    }

    void setLocation(Double latitude, Double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
    }

    Double getLatitude() {
        return latitude;
    }

    Double getLongitude() {
        return longitude;
    }

    void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    void setClientIp(String clientIp) {
        this.clientIp = clientIp;
    }

    void setMergedInto(Long mergedInto) {
        this.mergedInto = mergedInto;
    }

    public Long getMergedInto() {
        return mergedInto;
    }

    String getClientIp() {
        return clientIp;
    }

    public String getHiddenReason() {
        return hiddenReason;
    }

    public boolean isModeratorEdited() {
        return moderatorEdited;
    }

    public boolean isLocked() {
        return locked;
    }

    public boolean isPinned() {
        return pinned;
    }

    public Long getId() {
        return id;
    }

    public Long getConsultationId() {
        return consultationId;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Long getThemeId() {
        return themeId;
    }

    public Long getNeighbourhoodId() {
        return neighbourhoodId;
    }

    public AmountKind getAmountKind() {
        return amountKind;
    }

    public Long getAmountEuros() {
        return amountEuros;
    }

    public IdeaStatus getStatus() {
        return status;
    }

    public boolean isHidden() {
        return hidden;
    }

    public boolean isBackground() {
        return background;
    }

    void setBackground(boolean background) {
        this.background = background;
    }

    public int getAgreeCount() {
        return agreeCount;
    }

    public int getDisagreeCount() {
        return disagreeCount;
    }

    public int getPassCount() {
        return passCount;
    }

    public int getReactionCount() {
        return reactionCount;
    }

    public double getSupportScore() {
        return supportScore;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
