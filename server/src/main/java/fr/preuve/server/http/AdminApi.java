package fr.preuve.server.http;

import fr.preuve.core.audit.AuditCsv;
import fr.preuve.core.audit.AuditEntry;
import fr.preuve.core.audit.TimeRange;
import fr.preuve.server.auth.Security;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/admin/…}, for the admin role: the audit trail's export ({@code GET /api/admin/audit?from=DAY&to=DAY
 * &format=csv|json}, whole UTC days, as {@code preuve audit export} writes it) and the API tokens' list
 * ({@code GET /api/admin/tokens}: names, roles and dates, never a secret or its hash). Tokens are created and revoked
 * with {@code preuve token} on the server's machine only.
 */
final class AdminApi {
    private final Backend backend;
    private final Security security;

    AdminApi(Backend backend, Security security) {
        this.backend = backend;
        this.security = security;
    }

    void audit(Context ctx) {
        TimeRange range;
        try {
            range = TimeRange.days(ctx.queryParam("from"), ctx.queryParam("to"));
        } catch (RuntimeException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        String format = ctx.queryParam("format") == null ? "csv" : ctx.queryParam("format");
        List<AuditEntry> entries;
        try {
            entries = backend.auditLog().entries(range, Integer.MAX_VALUE);
        } catch (IllegalStateException e) {
            throw new ApiError(503, "the audit trail is unavailable (the server log has the details)");
        }
        switch (format) {
            case "csv" -> {
                StringWriter out = new StringWriter();
                AuditCsv.write(entries, out);
                ctx.header("Content-Disposition", "attachment; filename=\"preuve-audit.csv\"");
                ctx.contentType("text/csv; charset=utf-8").result(out.toString());
            }
            case "json" -> ctx.json(entries);
            default -> throw ApiError.badRequest("format must be csv or json, got '" + format + "'");
        }
    }

    void tokens(Context ctx) {
        ctx.json(security.authenticator().tokens().list().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("role", t.role().key());
            m.put("created", t.created());
            m.put("revoked", t.revoked());
            return m;
        }).toList());
    }
}
