using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Demo;
using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Core.Settings;
using FamilyPlanning.Core.Subsidies;
using FamilyPlanning.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;

namespace FamilyPlanning.Web.Infrastructure;

public static class PortalServices
{
    public const string LoginPath = "/Account/Login";
    public static readonly string[] RegisterFolders = ["/Households", "/Persons", "/Women", "/Births", "/Contraception", "/Subsidies", "/Imports"];

    public static void AddPortal(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        builder.AddObservability();
        // Cookies are https-only unless this is Development or Security:RequireHttps is false (the loopback demo of ./run.sh).
        var httpsOnly = config.GetValue("Security:RequireHttps", !builder.Environment.IsDevelopment());
        var cookieSecurity = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<AppDbContext>((sp, o) =>
            AppDbContext.Configure(o, connectionString, sp.GetRequiredService<AuditInterceptor>()));

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // No account lockout (anyone could lock anyone out): failed sign-ins are slowed per name and address
                // by LoginThrottle instead.
                o.Lockout.AllowedForNewUsers = false;
                // Length, not composition (NIST SP 800-63B).
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddSignInManager<FpSignInManager>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "fp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = cookieSecurity;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The JSON API answers 401/403 instead of redirecting to an HTML page.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "fp.af";
            o.Cookie.SecurePolicy = cookieSecurity;
        });

        services.AddDataProtection().SetApplicationName("FamilyPlanning").PersistKeysToDbContext<AppDbContext>()
            .ProtectKeysWithConfiguredKey(config);

        services.AddAuthorization(o =>
        {
            foreach (var (policy, roles) in Policies.RolesByPolicy) o.AddPolicy(policy, p => p.RequireRole(roles));
            // Deny by default: every endpoint needs a signed-in user unless it says [AllowAnonymous].
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Dashboard", Policies.Indicators);
                o.Conventions.AuthorizeFolder("/Targets", Policies.CountyRead);
                o.Conventions.AuthorizeFolder("/Monthly", Policies.Registers);
                o.Conventions.AuthorizeFolder("/Reports", Policies.Reports);
                foreach (var folder in RegisterFolders) o.Conventions.AuthorizeFolder(folder, Policies.Registers);
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            })
            .AddMvcOptions(o =>
            {
                ChineseBindingMessages.Apply(o.ModelBindingMessageProvider);
                o.Filters.Add<PageGuardFilter>();
                o.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
            });
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddRateLimiter(o =>
        {
            var perMinute = config.GetValue("Security:LoginAttemptsPerMinutePerIp", 20);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                HttpMethods.IsPost(ctx.Request.Method)
                && ctx.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = perMinute,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("other"));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("登录尝试过于频繁，请一分钟后再试。", ct);
            };
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddScoped<UserService>();
        services.AddScoped<PlaceService>();
        services.AddScoped<AuditLogService>();
        services.AddScoped<FamilyPlanning.Core.Imports.ImportService>();
        services.AddScoped<DemoSeeder>();
        // The registers' rules: one instance each, shared by the pages' services and the imports.
        services.AddSingleton<PersonRules>();
        services.AddSingleton<WomanRules>();
        services.AddSingleton<BirthRules>();
        services.AddSingleton<ContraceptionRules>();
        services.AddSingleton<SubsidyRules>();
        services.AddSingleton<FamilyPlanning.Core.Imports.RegisterRules>();
        services.AddScoped<HouseholdService>();
        services.AddScoped<PersonService>();
        services.AddScoped<WomanService>();
        services.AddScoped<BirthService>();
        services.AddScoped<ContraceptionService>();
        services.AddScoped<PolicyRuleService>();
        services.AddScoped<FamilyFactsQuery>();
        services.AddScoped<SubsidyService>();
        services.AddScoped<AnnualReviewService>();
        services.AddScoped<PaymentService>();
        services.AddScoped<SubsidyRateService>();
        services.AddScoped<SettingsService>();
        services.AddScoped<TargetService>();
        services.AddScoped<IndicatorQuery>();
        services.AddScoped<IndicatorService>();
        services.AddScoped<FamilyPlanning.Core.Indicators.Ledger.LedgerQuery>();
        services.AddScoped<FamilyPlanning.Core.Indicators.Ledger.LedgerMaintenance>();
        services.AddHostedService<LedgerFolder>();
        services.AddScoped<FamilyPlanning.Core.Monthly.ValidationRules>();
        services.AddScoped<FamilyPlanning.Core.Monthly.MonthlyReportService>();
        services.AddScoped<FamilyPlanning.Core.Reports.HalfYearSummaryService>();
        services.AddScoped<FamilyPlanning.Core.Reports.NarrativeService>();
        services.AddScoped<FamilyPlanning.Core.Reports.ReportArchive>();
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>zh-CN, with dates written yyyy-MM-dd as county forms write them.</summary>
    private static CultureInfo ChineseCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("zh-CN").Clone();
        culture.DateTimeFormat.ShortDatePattern = "yyyy-MM-dd";
        culture.DateTimeFormat.DateSeparator = "-";
        return culture;
    }

    public static void UsePortal(this WebApplication app)
    {
        if (KeyEncryption.Key(app.Configuration) is null)
            app.Logger.LogWarning("{Setting} is not set: the sign-in keys are stored in the database unencrypted", KeyEncryption.Setting);
        var culture = ChineseCulture();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(culture),
            SupportedCultures = [culture],
            SupportedUICultures = [culture],
            RequestCultureProviders = [],
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(error => error.Run(ErrorResponse.WriteAsync));
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        // An error answered without a body (400, 403, 404, 405, 413, 429) shows the Chinese status page in the layout; the
        // JSON API and the health check keep their bare status codes.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/healthz"),
            b => b.UseStatusCodePagesWithReExecute("/Status/{0}"));
        app.UseRequestGuards();
        app.UseMetricsEndpoint(app.Configuration);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseBodySizeGuard();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseRequestLog();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapRazorPages();
        app.MapIndicatorsApi();
        app.MapBenchApi();
    }
}
