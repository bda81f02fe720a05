using System.Net;
using System.Text.Json;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Admin;

public class UsersTests(PortalFactory portal) : PortalTest(portal)
{
    private const string LongmenCode = "371426001000";

    private static Dictionary<string, string> NewClerk(string userName, string? township = LongmenCode, string password = "a-long-passphrase") => new()
    {
        ["Input.UserName"] = userName,
        ["Input.DisplayName"] = "张三",
        ["Input.Role"] = "TownshipClerk",
        ["Input.TownshipCode"] = township ?? "",
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task Post_CreateUser_SavesUserRoleAndAuditRowWithAfterValues()
    {
        var admin = await SignInAsync("admin");
        var response = await Forms.PostAsync(admin, "/Admin/Users/Create", NewClerk("zhangsan"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var id = await Portal.ScalarAsync<string>("SELECT id FROM users WHERE user_name = 'zhangsan'");
        Assert.NotNull(id);
        Assert.Equal(LongmenCode, await Portal.ScalarAsync<string>("SELECT township_code FROM users WHERE id = @id", ("id", id)));
        Assert.Equal("TownshipClerk", await Portal.ScalarAsync<string>(
            "SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = @id", ("id", id)));

        var after = await Portal.ScalarAsync<string>(
            "SELECT after::text FROM audit_log WHERE entity = 'AppUser' AND entity_key = @id AND action = 1", ("id", id));
        Assert.NotNull(after);
        var json = JsonDocument.Parse(after).RootElement;
        Assert.Equal("zhangsan", json.GetProperty("UserName").GetString());
        Assert.Equal("张三", json.GetProperty("DisplayName").GetString());
        Assert.False(json.TryGetProperty("PasswordHash", out _), "password hashes must not be copied into the audit log");
        Assert.Equal("admin", await Portal.ScalarAsync<string>(
            "SELECT user_name FROM audit_log WHERE entity = 'AppUser' AND entity_key = @id AND action = 1", ("id", id)));
        Assert.Equal(1L, await Portal.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE entity = 'IdentityUserRole`1' AND entity_key LIKE @k", ("k", id + "|%")));
    }

    [Fact]
    public async Task Post_EditUser_AuditRowHasBeforeAndAfter()
    {
        var admin = await SignInAsync("admin");
        var id = (await Portal.ScalarAsync<string>("SELECT id FROM users WHERE user_name = 'clerk03'"))!;
        var response = await Forms.PostAsync(admin, $"/Admin/Users/Edit/{id}", new()
        {
            ["Input.DisplayName"] = "李四",
            ["Input.Role"] = "TownshipClerk",
            ["Input.TownshipCode"] = LongmenCode,
        }, $"/Admin/Users/Edit/{id}?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var before = JsonDocument.Parse((await Portal.ScalarAsync<string>(
            "SELECT before::text FROM audit_log WHERE entity = 'AppUser' AND entity_key = @id AND action = 2", ("id", id)))!).RootElement;
        var after = JsonDocument.Parse((await Portal.ScalarAsync<string>(
            "SELECT after::text FROM audit_log WHERE entity = 'AppUser' AND entity_key = @id AND action = 2", ("id", id)))!).RootElement;
        Assert.Equal("王凤楼镇统计员", before.GetProperty("DisplayName").GetString());
        Assert.Equal("李四", after.GetProperty("DisplayName").GetString());
        Assert.Equal("371426100000", before.GetProperty("TownshipCode").GetString());
        Assert.Equal(LongmenCode, after.GetProperty("TownshipCode").GetString());
    }

    [Fact]
    public async Task Post_CreateClerkWithoutTownship_ShowsChineseErrorAndSavesNothing()
    {
        var admin = await SignInAsync("admin");
        var response = await Forms.PostAsync(admin, "/Admin/Users/Create", NewClerk("wangwu", township: null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("乡镇统计员必须选择所属乡镇", await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM users WHERE user_name = 'wangwu'"));
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE after->>'UserName' = 'wangwu'"));
    }

    [Fact]
    public async Task Post_CreateUserWithNineCharacterPassword_IsRefused()
    {
        var admin = await SignInAsync("admin");
        var response = await Forms.PostAsync(admin, "/Admin/Users/Create", NewClerk("zhaoliu", password: "123456789"));
        Assert.Contains("密码长度须在 10 到 128 个字符之间", await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM users WHERE user_name = 'zhaoliu'"));
    }

    [Fact]
    public async Task Post_CreateDuplicateUserName_ShowsChineseError()
    {
        var admin = await SignInAsync("admin");
        var response = await Forms.PostAsync(admin, "/Admin/Users/Create", NewClerk("clerk01"));
        Assert.Contains("用户名“clerk01”已存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_DisableUser_EndsTheirExistingSession()
    {
        var leader = await SignInAsync("leader");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/")).StatusCode);

        var admin = await SignInAsync("admin");
        var id = (await Portal.ScalarAsync<string>("SELECT id FROM users WHERE user_name = 'leader'"))!;
        var response = await Forms.PostAsync(admin, $"/Admin/Users/Edit/{id}", [], $"/Admin/Users/Edit/{id}?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await Portal.ScalarAsync<bool>("SELECT is_disabled FROM users WHERE id = @id", ("id", id)));

        var after = await leader.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Post_ResetPassword_NewPasswordWorksAndOldDoesNot()
    {
        var admin = await SignInAsync("admin");
        var id = (await Portal.ScalarAsync<string>("SELECT id FROM users WHERE user_name = 'clerk05'"))!;
        var response = await Forms.PostAsync(admin, $"/Admin/Users/Edit/{id}",
            new() { ["NewPassword"] = "brand-new-passphrase" }, $"/Admin/Users/Edit/{id}?handler=ResetPassword");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await SignInAsync("clerk05", "brand-new-passphrase");
        var old = await Forms.PostAsync(Portal.Browser(), "/Account/Login",
            new() { ["Input.UserName"] = "clerk05", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Fact]
    public async Task Get_UserList_ShowsRolesInChinese()
    {
        var admin = await SignInAsync("admin");
        var doc = await Forms.GetHtmlAsync(admin, "/Admin/Users");
        var rows = doc.QuerySelectorAll("#users tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(20, rows.Count);
        Assert.Contains(rows, r => r.Contains("clerk01") && r.Contains("乡镇统计员") && r.Contains("龙门街道"));
        Assert.Contains(rows, r => r.Contains("leader") && r.Contains("领导"));
    }
}
