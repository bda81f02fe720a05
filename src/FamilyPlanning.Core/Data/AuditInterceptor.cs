using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FamilyPlanning.Core.Audit;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FamilyPlanning.Core.Data;

/// <summary>
/// Adds one <see cref="AuditEntry"/> per created, updated or deleted entity to the same SaveChanges, so the audit rows are
/// written in the same transaction as the change. Audited entities must have keys known before saving (client-generated
/// GUIDs, natural codes or HiLo sequences); an identity key would only exist after the insert.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Hidden = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Version"];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditEntries(DbContext? context)
    {
        if (context is null) return;
        context.ChangeTracker.DetectChanges();
        var scope = currentUser.Scope;
        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry and not DataProtectionKey)
            .Where(e => !e.Metadata.ClrType.IsDefined(typeof(NotAuditedAttribute), inherit: false))
            .ToList();
        foreach (var entry in entries)
        {
            var audit = Describe(entry);
            if (audit is null) continue;
            audit.At = now;
            context.Add(new AuditEntry
            {
                At = now,
                UserId = scope.UserId == "" ? "anonymous" : scope.UserId,
                UserName = scope.UserName == "" ? "匿名" : scope.UserName,
                Entity = audit.Entity,
                EntityKey = audit.EntityKey,
                Action = audit.Action,
                TownshipCode = audit.TownshipCode,
                Before = audit.Before,
                After = audit.After,
            });
        }
    }

    private static AuditEntry? Describe(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()!;
        if (key.Properties.Any(p => entry.Property(p.Name).IsTemporary))
            throw new InvalidOperationException(
                $"{entry.Metadata.ClrType.Name} has a store-generated key; audited entities need keys known before saving.");
        var keyText = string.Join("|", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue)));
        var props = entry.Properties.Where(p => !Hidden.Contains(p.Metadata.Name)).ToList();

        string? before = null, after = null;
        AuditAction action;
        switch (entry.State)
        {
            case EntityState.Added:
                action = AuditAction.Created;
                after = Serialize(props.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue));
                break;
            case EntityState.Deleted:
                action = AuditAction.Deleted;
                before = Serialize(props.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue));
                break;
            default:
                action = AuditAction.Updated;
                var changed = props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (changed.Count == 0) return null;
                before = Serialize(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue));
                after = Serialize(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue));
                break;
        }

        return new AuditEntry
        {
            UserId = "",
            UserName = "",
            Entity = entry.Metadata.ClrType.Name,
            EntityKey = keyText,
            Action = action,
            TownshipCode = TownshipOf(entry),
            Before = before,
            After = after,
        };
    }

    private static string? TownshipOf(EntityEntry entry)
    {
        if (entry.Metadata.FindProperty("TownshipCode") is not null)
            return entry.Property("TownshipCode").CurrentValue as string ?? entry.Property("TownshipCode").OriginalValue as string;
        return entry.Entity is Places.Township t ? t.Code : null;
    }

    /// <summary>The audit row of an entity inserted without the change tracker (bulk import by COPY), in the same form as
    /// the rows this interceptor writes for tracked inserts.</summary>
    public static AuditEntry Created(IEntityType type, object entity, Security.UserScope scope, DateTimeOffset now, string? townshipCode)
    {
        var props = type.GetProperties().Where(p => !Hidden.Contains(p.Name) && !p.IsShadowProperty()).ToList();
        var key = type.FindPrimaryKey()!.Properties;
        return new AuditEntry
        {
            At = now,
            UserId = scope.UserId,
            UserName = scope.UserName,
            Entity = type.ClrType.Name,
            EntityKey = string.Join("|", key.Select(p => Convert.ToString(p.GetGetter().GetClrValue(entity)))),
            Action = AuditAction.Created,
            TownshipCode = townshipCode,
            After = Serialize(props.ToDictionary(p => p.Name, p => p.GetGetter().GetClrValue(entity))),
        };
    }

    /// <summary>An audit row a service writes itself for a change the tracker does not show as a row change (a fact of a
    /// person's history removed with its reason), in the same form as the rows this interceptor writes.</summary>
    public static AuditEntry Updated(Security.UserScope scope, DateTimeOffset now, string entity, string key, string? townshipCode,
        Dictionary<string, object?> before, Dictionary<string, object?> after) => new()
        {
            At = now,
            UserId = scope.UserId,
            UserName = scope.UserName,
            Entity = entity,
            EntityKey = key,
            Action = AuditAction.Updated,
            TownshipCode = townshipCode,
            Before = Serialize(before),
            After = Serialize(after),
        };

    private static string Serialize(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, Json);
}
