package org.inspraak.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.inspraak.security.Role;

@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Always stored lower-case so the unique constraint covers case variants. */
    @Column(nullable = false, unique = true)
    private String email;

    @Column(nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String passwordHash;

    private boolean emailVerified;
    private String locale;
    private Integer birthYear;
    private Long neighbourhoodId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EmailPreference emailPreference = EmailPreference.INSTANT;

    private boolean demo;
    private String unsubscribeToken;
    private Instant suspendedUntil;
    private String suspensionReason;

    @Column(nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected UserAccount() {}

    UserAccount(String email, String displayName, String passwordHash, Instant createdAt) {
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.roles.add(Role.RESIDENT);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    public String getLocale() {
        return locale;
    }

    public Integer getBirthYear() {
        return birthYear;
    }

    public Long getNeighbourhoodId() {
        return neighbourhoodId;
    }

    public EmailPreference getEmailPreference() {
        return emailPreference;
    }

    public boolean isDemo() {
        return demo;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void setEmailVerified(boolean emailVerified) {
        this.emailVerified = emailVerified;
    }

    void setLocale(String locale) {
        this.locale = locale;
    }

    void setBirthYear(Integer birthYear) {
        this.birthYear = birthYear;
    }

    void setNeighbourhoodId(Long neighbourhoodId) {
        this.neighbourhoodId = neighbourhoodId;
    }

    void setEmailPreference(EmailPreference emailPreference) {
        this.emailPreference = emailPreference;
    }

    String getUnsubscribeToken() {
        return unsubscribeToken;
    }

    void setUnsubscribeToken(String unsubscribeToken) {
        this.unsubscribeToken = unsubscribeToken;
    }

    void setDemo(boolean demo) {
        this.demo = demo;
    }

    Instant getSuspendedUntil() {
        return suspendedUntil;
    }

    String getSuspensionReason() {
        return suspensionReason;
    }

    void anonymise(String placeholderEmail, String name, String unusableHash) {
        this.email = placeholderEmail;
        this.displayName = name;
        this.passwordHash = unusableHash;
        this.emailVerified = false;
        this.locale = null;
        this.birthYear = null;
        this.neighbourhoodId = null;
        this.emailPreference = EmailPreference.OFF;
        this.unsubscribeToken = null;
        this.demo = false;
        this.suspendedUntil = null;
        this.suspensionReason = null;
        this.roles.clear();
        this.roles.add(Role.RESIDENT);
    }

    void suspend(Instant until, String reason) {
        this.suspendedUntil = until;
        this.suspensionReason = reason;
    }

    void setRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }
}
