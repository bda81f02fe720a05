using System.Globalization;

namespace FamilyPlanning.Core.Subsidies;

public sealed record PaymentFacts(Beneficiary Beneficiary, DateOnly PersonBirth, DateOnly? PersonDiedOn, DateOnly? PersonMovedOutOn,
    DateOnly? ChildBirth, DateOnly? ChildDiedOn);

/// <summary>What a beneficiary is paid over a run: the months paid and each month's amount (so figures count an amount in
/// the month it pays, not the month its run starts), their sum, and the same in words.</summary>
public sealed record PaymentAmount(int Months, decimal Amount, string Detail, DateOnly[] PaidMonths, decimal[] MonthAmounts);

/// <summary>
/// The amount for one beneficiary over a period, month by month: a month is paid when, on its first day, the beneficiary
/// is approved and not yet exited, alive and registered here, and still qualifies (奖扶: aged 60 — so payment starts the
/// month after the 60th birthday; 奖励费: the child under the end age), at the rate in force on that day.
/// </summary>
public static class PaymentCalculator
{
    public static PaymentAmount For(PaymentFacts f, IReadOnlyList<SubsidyRate> rates, string countyCode, DateOnly fromMonth, DateOnly toMonth)
    {
        var b = f.Beneficiary;
        var paid = new List<(DateOnly month, decimal amount)>();
        for (var m = fromMonth; m <= toMonth; m = m.AddMonths(1))
        {
            if (b.FirstMonth is not { } first || m < first) continue;
            if (b.ExitedOn is { } exited && exited <= m) continue;
            if (f.PersonDiedOn <= m || f.PersonMovedOutOn <= m) continue;
            var rate = SubsidyRate.InForce(rates, b.Programme, b.Category, countyCode, m);
            if (rate is null) continue;
            if (b.Programme == Programme.RewardSupport && Eligibility.Age(f.PersonBirth, m) < Eligibility.RewardAge) continue;
            if (b.Programme == Programme.OneChildReward
                && (f.ChildBirth is not { } cb || f.ChildDiedOn <= m || Eligibility.Age(cb, m) >= (rate.MaxChildAge ?? 18))) continue;
            paid.Add((m, rate.MonthlyAmount));
        }
        return new PaymentAmount(paid.Count, paid.Sum(p => p.amount), Describe(paid), [.. paid.Select(p => p.month)],
            [.. paid.Select(p => p.amount)]);
    }

    /// <summary>「2026-01至2026-06 6个月×80.00元；2026-07至2026-12 6个月×100.00元」: runs of months at one rate.</summary>
    private static string Describe(List<(DateOnly month, decimal amount)> paid)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < paid.Count)
        {
            var j = i;
            while (j + 1 < paid.Count && paid[j + 1].amount == paid[i].amount && paid[j + 1].month == paid[j].month.AddMonths(1)) j++;
            var n = j - i + 1;
            var amount = paid[i].amount.ToString("F2", CultureInfo.InvariantCulture);
            parts.Add(n == 1 ? $"{paid[i].month:yyyy-MM} 1个月×{amount}元" : $"{paid[i].month:yyyy-MM}至{paid[j].month:yyyy-MM} {n}个月×{amount}元");
            i = j + 1;
        }
        return string.Join("；", parts);
    }
}
