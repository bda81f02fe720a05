namespace FamilyPlanning.Core.Audit;

/// <summary>Rows derived in bulk from audited ones (payment lines of an audited run): auditing each would only repeat it.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
