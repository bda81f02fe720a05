using FamilyPlanning.Core.Audit;

namespace FamilyPlanning.Core.Tests.Audit;

public class AuditChangesTests
{
    [Fact]
    public void Of_Update_ListsChangedFieldsWithChineseLabelsAndValues()
    {
        var changes = AuditChanges.Of("""{"Name": "王芳", "MaritalStatus": "Unmarried", "DiedOn": null}""",
            """{"Name": "王芳芳", "MaritalStatus": "FirstMarriage", "DiedOn": "2025-02-03"}""");
        Assert.Equal(
            [new FieldChange("姓名", "王芳", "王芳芳"), new FieldChange("婚姻状况", "未婚", "初婚"), new FieldChange("死亡日期", null, "2025-02-03")],
            changes.OrderBy(c => c.Field == "姓名" ? 0 : c.Field == "婚姻状况" ? 1 : 2).ToList());
    }

    [Fact]
    public void Of_Create_LeavesOutIdsAndUnchangedFields()
    {
        var changes = AuditChanges.Of(null, """{"Id": 1001, "HouseholdId": 7, "Sex": "Female", "PolicyOverridden": false}""");
        Assert.Equal([new FieldChange("性别", null, "女"), new FieldChange("人工调整", null, "否")], changes);
    }
}

public class AuditMaskingTests
{
    [Fact]
    public void History_And_AdminLog_MaskIdNumbers()
    {
        var change = Assert.Single(AuditChanges.Of(null, """{"IdNumber": "11010519491231002X"}"""));
        Assert.Equal("110105********002X", change.After);
        Assert.Equal("""{"Name": "王", "IdNumber": "110105********002X"}""",
            AuditChanges.MaskIdNumbers("""{"Name": "王", "IdNumber": "11010519491231002X"}"""));
    }
}
