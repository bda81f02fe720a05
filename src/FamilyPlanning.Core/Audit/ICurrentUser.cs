using FamilyPlanning.Core.Security;

namespace FamilyPlanning.Core.Audit;

/// <summary>The seam between the web request (or a command verb) and the services: whose action this is.</summary>
public interface ICurrentUser
{
    UserScope Scope { get; }
}

/// <summary>For command verbs and background jobs: acts as the system.</summary>
public sealed class SystemUser : ICurrentUser
{
    public UserScope Scope => UserScope.System;
}
