using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>
/// Binds a yes/no field (a checkbox): true/false (any case), on/off, 1/0. Anything else is a Chinese binding error, and the
/// form shows the box unticked: MVC's own binder would keep the text it could not read, and the checkbox tag helper then
/// fails to redisplay it (a 500 instead of the form).
/// </summary>
public sealed class CheckboxBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var result = context.ValueProvider.GetValue(context.ModelName);
        if (result == ValueProviderResult.None) return Task.CompletedTask;
        // A checkbox posts "true" and its hidden companion "false": the first value decides.
        var text = result.FirstValue?.Trim() ?? "";
        bool? value = text.ToLowerInvariant() switch
        {
            "true" or "on" or "1" => true,
            "false" or "off" or "0" or "" => false,
            _ => null,
        };
        context.ModelState.SetModelValue(context.ModelName, value ?? false, (value ?? false) ? "true" : "false");
        if (value is null)
        {
            context.ModelState.TryAddModelError(context.ModelName, $"“{(text.Length > 20 ? text[..20] + "…" : text)}”不是有效的勾选值");
            context.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
        context.Result = ModelBindingResult.Success(value.Value);
        return Task.CompletedTask;
    }
}

public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(bool) || context.Metadata.ModelType == typeof(bool?) ? new CheckboxBinder() : null;
}
