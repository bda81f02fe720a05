using FamilyPlanning.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FamilyPlanning.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>Shows a service's rule violation next to the field it names (or above the form).</summary>
    public static void AddRuleViolation(this ModelStateDictionary state, RuleViolation e, string prefix) =>
        state.AddModelError(e.Field is null ? "" : prefix == "" ? e.Field : $"{prefix}.{e.Field}", e.Message);

    public static string? FirstError(this ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
