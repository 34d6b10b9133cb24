package fr.preuve.core.audit;

/**
 * What {@code GET /api/status} says of the audit trail: {@code status} is {@code ok}, {@code idle} before any use, or
 * {@code failing} since the last write failed; {@code database} is {@code sqlite} or {@code postgresql}.
 */
public record AuditHealth(String status, String database, long recorded, long failures, String lastFailure,
                          String lastFailureAt) {
}
