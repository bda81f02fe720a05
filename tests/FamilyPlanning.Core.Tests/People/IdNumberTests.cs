using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Tests.People;

public class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", Sex.Female)]
    [InlineData("440524188001010014", "1880-01-01", Sex.Male)]
    [InlineData("130132199210293822", "1992-10-29", Sex.Female)]
    [InlineData("120223198902021249", "1989-02-02", Sex.Female)]
    public void Check_DomainVectors_AreValid(string number, string birth, Sex sex)
    {
        Assert.Null(IdNumber.FormatError(number));
        Assert.Null(IdNumber.Check(number, DateOnly.Parse(birth), sex));
        Assert.Equal(sex, IdNumber.SexOf(number));
    }

    [Fact]
    public void Check_LowerCaseX_IsAcceptedAfterNormalizing()
    {
        var n = IdNumber.Normalize(" 11010519491231002x ");
        Assert.Equal("11010519491231002X", n);
        Assert.Null(IdNumber.Check(n, new DateOnly(1949, 12, 31), Sex.Female));
    }

    [Fact]
    public void Check_DomainInvalidVector_FailsOnCheckCharacter() =>
        Assert.Equal("公民身份号码校验位错误，请核对", IdNumber.FormatError("130402198207290622"));

    [Theory]
    [InlineData("13013219921029382", "应为18位")]
    [InlineData("1301321992102938221", "应为18位")]
    [InlineData("13013219921A293822", "前17位必须是数字")]
    [InlineData("13013219921029382Y", "第18位必须是数字或X")]
    [InlineData("130132199213293822", "不是有效日期")]
    public void FormatError_Malformed_SaysWhy(string number, string expected) =>
        Assert.Contains(expected, IdNumber.FormatError(number));

    [Fact]
    public void Check_BirthDateOrSexDisagree_SaysWhich()
    {
        Assert.Contains("出生日期 1992-10-29 与填写的出生日期 1992-10-30 不一致",
            IdNumber.Check("130132199210293822", new DateOnly(1992, 10, 30), Sex.Female));
        Assert.Contains("第17位表示女性", IdNumber.Check("130132199210293822", new DateOnly(1992, 10, 29), Sex.Male));
    }

    [Fact]
    public void Check_RetiredAreaCode_IsNotRejected() =>
        // 130400 is not a current county code; people keep the numbers they were issued.
        Assert.Null(IdNumber.FormatError(IdNumber.Make("130400", new DateOnly(1980, 1, 1), 1)));

    [Fact]
    public void Mask_HidesBirthDateAndSequence()
    {
        Assert.Equal("110105********002X", IdNumber.Mask("11010519491231002X"));
        Assert.Equal("", IdNumber.Mask(null));
    }

    [Fact]
    public void Make_ProducesValidNumbers()
    {
        for (var seq = 0; seq < 1000; seq += 7)
        {
            var n = IdNumber.Make("371426", new DateOnly(1990, 5, 17), seq);
            Assert.Null(IdNumber.Check(n, new DateOnly(1990, 5, 17), seq % 2 == 1 ? Sex.Male : Sex.Female));
        }
    }
}
