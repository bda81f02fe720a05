using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyPlanning.Core.Imports;

public sealed record ImportResult(long RunId, bool Succeeded, int Rows, int Created, int Updated, int Unchanged,
    List<ImportProblem> Problems, int ProblemCount);

/// <summary>Where an import is, for a progress display: a stage and rows done out of all.</summary>
public sealed record ImportProgress(string Stage, int Done, int Total);

/// <summary>
/// Imports one file of one register for the clerk's own township: read → check every row with the pages' rules → write all
/// rows in one transaction, or nothing and a report of every problem by row and column. New rows go in by binary COPY with
/// their audit rows; changed rows are saved through the change tracker, so the audit and month-lock interceptors see them.
/// </summary>
public sealed class ImportService(AppDbContext db, ICurrentUser current, TimeProvider clock, Subsidies.SubsidyService subsidies,
    RegisterRules rules)
{
    public const int MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxRows = 200_000;

    public static RuleViolation TooLarge(long bytes) =>
        new("File", $"文件过大（{bytes / 1024.0 / 1024:0.0} MB），单个文件不能超过 {MaxFileBytes / 1024 / 1024} MB，请分成几个文件导入");

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<ImportResult> ImportAsync(ImportKind kind, string fileName, byte[] content, IProgress<ImportProgress>? progress,
        CancellationToken ct) => ImportAsync(kind, fileName, new MemoryStream(content, writable: false), progress, ct);

    /// <summary>Imports from a seekable stream (an upload the server buffered), read once without a copy in memory.</summary>
    public async Task<ImportResult> ImportAsync(ImportKind kind, string fileName, Stream content, IProgress<ImportProgress>? progress,
        CancellationToken ct)
    {
        var scope = current.Scope;
        if (!scope.IsClerk || scope.TownshipCode is null)
            throw new RuleViolation(null, "只有乡镇统计员可以导入本乡镇的登记数据");
        if (content.Length > MaxFileBytes) throw TooLarge(content.Length);
        if (content.Length == 0) throw new RuleViolation("File", "请选择要导入的文件");
        var template = ImportTemplates.Of(kind);
        var watch = Stopwatch.StartNew();
        progress?.Report(new ImportProgress("读取文件", 0, 0));

        var problems = new List<ImportProblem>();
        Sheet sheet;
        try { sheet = SheetReader.Read(fileName, content); }
        catch (RuleViolation v) { return await RecordAsync(kind, fileName, 0, null, [new ImportProblem(0, "", v.Message)], watch, ct); }
        var index = HeaderIndex(template, sheet.Headers, problems);
        if (problems.Count > 0) return await RecordAsync(kind, fileName, sheet.Rows.Count, null, problems, watch, ct);
        if (sheet.Rows.Count == 0)
            return await RecordAsync(kind, fileName, 0, null, [new ImportProblem(0, "", "文件只有列标题，没有数据行")], watch, ct);

        var rows = sheet.Rows.Select(r => new ImportRow(template, index, r, problems)).ToList();
        ImportBatch batch;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            progress?.Report(new ImportProgress("校验", 0, rows.Count));
            var ctx = await ImportContext.LoadAsync(db, scope, ChinaTime.Today(clock), rules, ct);
            await ValidateAsync(kind, ctx, rows, ct);
            batch = ctx.Batch;
            if (problems.Count > 0)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return await RecordAsync(kind, fileName, rows.Count, null, problems, watch, ct);
            }
            progress?.Report(new ImportProgress("校验", rows.Count, rows.Count));
            try
            {
                await WriteAsync(batch, scope, progress, ct);
                await db.SaveOrExplainAsync(ct);
                var run = NewRun(kind, fileName, rows.Count, batch, [], watch);
                db.ImportRuns.Add(run);
                await db.SaveChangesAsync(ct);
                progress?.Report(new ImportProgress("提交", rows.Count, rows.Count));
                await tx.CommitAsync(ct);
                return Result(run, []);
            }
            catch (RuleViolation v)
            {
                await SafeRollbackAsync(tx);
                db.ChangeTracker.Clear();
                return await RecordAsync(kind, fileName, rows.Count, null, [new ImportProblem(0, "", v.Message)], watch, ct);
            }
            catch (Exception e) when (IsDatabaseFailure(e))
            {
                await SafeRollbackAsync(tx);
                db.ChangeTracker.Clear();
                throw new RuleViolation(null, "写入数据库时连接中断或出错，本次导入没有写入任何数据，请稍后重新导入同一文件");
            }
        }
    }

    public async Task<ImportRun> GetRunAsync(long id, CancellationToken ct) =>
        await current.Scope.Readable(db.ImportRuns.AsNoTracking(), r => r.TownshipCode).FirstOrDefaultAsync(r => r.Id == id, ct)
        ?? throw new NotFoundOrForbidden("导入记录");

    public Task<List<ImportRun>> RecentRunsAsync(CancellationToken ct) =>
        current.Scope.Readable(db.ImportRuns.AsNoTracking(), r => r.TownshipCode).OrderByDescending(r => r.At).Take(30).ToListAsync(ct);

    private static List<ImportProblem> ProblemsOf(ImportRun run) =>
        JsonSerializer.Deserialize<List<ImportProblem>>(run.Problems, Json) ?? [];

    /// <summary>A run's problems as this user may read them: the township's own clerk sees the ID numbers the messages
    /// quote, anyone else (county staff) sees them masked, as in every list.</summary>
    public List<ImportProblem> ProblemsFor(ImportRun run)
    {
        var problems = ProblemsOf(run);
        return current.Scope.CanWrite(run.TownshipCode) ? problems
            : problems.Select(p => p with { Message = People.IdNumber.MaskWithin(p.Message) }).ToList();
    }

    private Task ValidateAsync(ImportKind kind, ImportContext ctx, List<ImportRow> rows, CancellationToken ct) => kind switch
    {
        ImportKind.SubsidyApplications => SubsidyImport.ValidateAsync(ctx, rows, subsidies, ct),
        ImportKind.Persons => PersonImport.ValidateAsync(ctx, rows, ct),
        ImportKind.Women => WomanImport.ValidateAsync(ctx, rows, ct),
        ImportKind.Births => BirthImport.ValidateAsync(ctx, rows, ct),
        ImportKind.Contraception => ContraceptionImport.ValidateAsync(ctx, rows, ct),
        _ => LifeEventImport.ValidateAsync(ctx, rows, ct),
    };

    /// <summary>Every template column by its header; a missing required column or an unknown header stops the file.</summary>
    private static Dictionary<string, int> HeaderIndex(Template template, string[] headers, List<ImportProblem> problems)
    {
        var index = new Dictionary<string, int>();
        for (var i = 0; i < headers.Length; i++)
        {
            var h = headers[i].Replace('(', '（').Replace(')', '）');
            if (h == "") continue;
            if (template.Columns.All(c => c.Header != h))
                problems.Add(new ImportProblem(1, h, $"第{i + 1}列的标题“{headers[i]}”不是“{template.Title}”模板的列，请使用下载的模板"));
            else if (!index.TryAdd(h, i))
                problems.Add(new ImportProblem(1, h, $"列“{h}”出现了两次"));
        }
        foreach (var c in template.Columns.Where(c => c.Required && !index.ContainsKey(c.Header)))
            problems.Add(new ImportProblem(1, c.Header, $"缺少必填列“{c.Header}”"));
        return index;
    }

    private async Task WriteAsync(ImportBatch b, Security.UserScope scope, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        var now = clock.GetUtcNow();
        var audit = new List<AuditEntry>();
        void Audit<T>(List<T> rows, Func<T, string> township) where T : class
        {
            var type = db.Model.FindEntityType(typeof(T))!;
            audit.AddRange(rows.Select(r => AuditInterceptor.Created(type, r, scope, now, township(r))));
        }
        Audit(b.Households, h => h.TownshipCode);
        Audit(b.Persons, p => p.TownshipCode);
        Audit(b.Women, w => w.TownshipCode);
        Audit(b.Births, x => x.TownshipCode);
        Audit(b.Events, e => e.TownshipCode);
        var total = b.Households.Count + b.Persons.Count + b.Women.Count + b.Births.Count + b.Events.Count;
        var done = 0;
        async Task Step(string stage, int count, Func<Task> copy)
        {
            if (count == 0) return;
            progress?.Report(new ImportProgress("写入" + stage, done, total));
            await copy();
            done += count;
        }
        await Step("户", b.Households.Count, () => RegisterCopy.HouseholdsAsync(conn, b.Households, ct));
        await Step("人员", b.Persons.Count, () => RegisterCopy.PersonsAsync(conn, b.Persons, ct));
        await Step("育龄妇女", b.Women.Count, () => RegisterCopy.WomenAsync(conn, b.Women, ct));
        await Step("出生登记", b.Births.Count, () => RegisterCopy.BirthsAsync(conn, b.Births, ct));
        await Step("节育记录", b.Events.Count, () => RegisterCopy.EventsAsync(conn, b.Events, ct));
        if (b.Persons.Count > 0 || b.Women.Count > 0) await RegisterCopy.PersonHistoriesAsync(conn, ct);
        // A record made for a person who already has a history: her 结婚日期 becomes a fact at the next save (same transaction).
        var newPersons = b.Persons.Select(p => p.Id).ToHashSet();
        foreach (var w in b.Women.Where(w => w.MarriedOn is not null && !newPersons.Contains(w.PersonId)))
            db.PersonFacts.Married(w.PersonId, w.MarriedOn!.Value);
        progress?.Report(new ImportProgress("写入修改记录", done, total));
        await RegisterCopy.AuditAsync(conn, audit, ct);
    }

    private ImportRun NewRun(ImportKind kind, string fileName, int rows, ImportBatch? batch, List<ImportProblem> problems, Stopwatch watch)
    {
        var scope = current.Scope;
        return new ImportRun
        {
            At = clock.GetUtcNow(),
            UserId = scope.UserId,
            UserName = scope.UserName,
            TownshipCode = scope.TownshipCode!,
            Kind = kind,
            FileName = Path.GetFileName(fileName) is { Length: > 0 } f ? f[..Math.Min(f.Length, ImportRun.FileNameMaxLength)] : "未命名",
            Rows = rows,
            Created = batch?.CreatedRows ?? 0,
            Updated = batch?.UpdatedRows ?? 0,
            Unchanged = batch?.UnchangedRows ?? 0,
            Succeeded = problems.Count == 0,
            ProblemCount = problems.Count,
            Problems = JsonSerializer.Serialize(problems.OrderBy(p => p.Row).Take(ImportRun.MaxProblemsKept), Json),
            Seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
        };
    }

    /// <summary>A rejected file is logged in its own small transaction after the import's was rolled back.</summary>
    private async Task<ImportResult> RecordAsync(ImportKind kind, string fileName, int rows, ImportBatch? batch, List<ImportProblem> problems,
        Stopwatch watch, CancellationToken ct)
    {
        var run = NewRun(kind, fileName, rows, batch, problems, watch);
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return Result(run, problems);
    }

    private static ImportResult Result(ImportRun run, List<ImportProblem> problems)
    {
        var kind = new KeyValuePair<string, object?>("register", ImportTemplates.Of(run.Kind).Slug);
        PortalMetrics.Imports.Add(1, kind, new("outcome", run.Succeeded ? "imported" : "refused"));
        PortalMetrics.ImportRows.Add(run.Rows, kind);
        PortalMetrics.ImportDuration.Record(run.Seconds, kind);
        return new(run.Id, run.Succeeded, run.Rows, run.Created, run.Updated, run.Unchanged,
            problems.OrderBy(p => p.Row).Take(ImportRun.MaxProblemsKept).ToList(), problems.Count);
    }

    /// <summary>The database refused the write or went away (somewhere in the exception chain); not a bug in the import.</summary>
    private static bool IsDatabaseFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is NpgsqlException or DbUpdateException or IOException) return true;
        return false;
    }

    private static async Task SafeRollbackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx)
    {
        try { await tx.RollbackAsync(); }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { /* the connection is gone: PostgreSQL rolled back */ }
    }
}
