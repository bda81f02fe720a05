using System.ComponentModel.DataAnnotations;

namespace FamilyPlanning.Core.Contraception;

public sealed record RecordContraception
{
    [Required(ErrorMessage = "请选择育龄妇女")]
    [Display(Name = "育龄妇女")]
    public long? WomanId { get; init; }

    [Required(ErrorMessage = "请选择手术或避孕方法")]
    [Display(Name = "手术/方法")]
    public ContraceptiveType? Type { get; init; }

    [Required(ErrorMessage = "请填写日期")]
    [Display(Name = "日期")]
    public DateOnly? Date { get; init; }

    [Required(ErrorMessage = "请选择施术机构")]
    [Display(Name = "施术机构")]
    public Institution? Institution { get; init; }

    [Display(Name = "有并发症")]
    public bool Complication { get; init; }

    [StringLength(ContraceptiveEvent.NoteMaxLength, ErrorMessage = "备注不能超过 {1} 个字符")]
    [Display(Name = "备注")]
    public string? Note { get; init; }
}

public sealed record ContraceptionFilter(string? Query, string? VillageCode, ContraceptiveType? Type, DateOnly? From, DateOnly? To, int Page = 1);

public sealed record ContraceptionRow(long Id, long WomanId, string WomanName, string? IdNumber, string VillageName,
    ContraceptiveType Type, DateOnly Date, Institution Institution, bool Complication);
