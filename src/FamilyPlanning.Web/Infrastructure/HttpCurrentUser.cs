using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Security;

namespace FamilyPlanning.Web.Infrastructure;

public sealed class HttpCurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    public UserScope Scope => http.HttpContext?.User is { } user ? UserScope.From(user) : UserScope.System;
}
