using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>Model-binding messages (a date or number that does not parse, a missing value) in Chinese.</summary>
public static class ChineseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{field}");
        p.SetMissingBindRequiredValueAccessor(field => $"请填写{field}");
        p.SetMissingKeyOrValueAccessor(() => "请填写此项");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”格式不正确");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "值格式不正确");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "必须是数字");
        p.SetUnknownValueIsInvalidAccessor(field => $"{field}的值无效");
        p.SetValueIsInvalidAccessor(value => $"“{value}”无效");
        p.SetValueMustBeANumberAccessor(field => $"{field}必须是数字");
        p.SetValueMustNotBeNullAccessor(value => $"请填写此项（“{value}”无效）");
    }
}
