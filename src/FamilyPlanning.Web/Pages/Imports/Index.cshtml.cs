using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Imports;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Imports;

/// <summary>Templates to download, the upload form (clerks, their own township) and the township's recent imports.</summary>
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public class IndexModel(ImportService imports) : RegisterPage
{
    /// <summary>What the server accepts at all; files above <see cref="ImportService.MaxFileBytes"/> still get a Chinese
    /// message rather than a bare 413.</summary>
    public const long UploadLimit = 64L * 1024 * 1024;

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public List<ImportRun> Runs { get; private set; } = [];
    public bool CanImport => UserScope.From(User).IsClerk;

    public async Task OnGetAsync(CancellationToken ct) => Runs = await imports.RecentRunsAsync(ct);

    public IActionResult OnGetTemplate(string? kind, string? format)
    {
        if (ImportTemplates.OfSlug(kind) is not { } template) return NotFound();
        var (content, type, name) = TemplateFiles.Template(template, format);
        return File(content, type, name);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        if (ImportTemplates.OfSlug(Kind) is not { } template) throw new RuleViolation(nameof(Kind), "请选择要导入的登记类别");
        if (Upload is null || Upload.Length == 0) throw new RuleViolation(nameof(Upload), "请选择要导入的文件");
        if (Upload.Length > ImportService.MaxFileBytes)
            throw new RuleViolation(nameof(Upload), ImportService.TooLarge(Upload.Length).Message);
        await using var content = Upload.OpenReadStream();
        var result = await imports.ImportAsync(template.Kind, Upload.FileName, content, null, ct);
        return RedirectToPage("Run", new { id = result.RunId });
    }, "", async () =>
    {
        Runs = await imports.RecentRunsAsync(ct);
        return Page();
    });
}
