namespace FamilyPlanning.Core.People;

/// <summary>
/// <see cref="PersonHistory.FromRow"/> in SQL, for every person that has no history yet: run by the migration that
/// introduced histories (existing rows), and after bulk loads that COPY persons (the demo county, imports). Registration at
/// birth (absent until a move in on a later date), the move in, the marriage on the woman's 结婚日期 (when married), the move
/// out and the death, with each row's state and span exactly as <see cref="PersonHistory.Rebuild"/> folds them (a test
/// compares the two).
/// </summary>
public static class PersonHistorySql
{
    public static readonly string Backfill = $"""
        WITH p AS (
          SELECT p.*, w.married_on,
                 (p.marital_status IN ({(int)MaritalStatus.FirstMarriage}, {(int)MaritalStatus.Remarried})
                  AND w.married_on IS NOT NULL AND w.married_on > p.birth_date) AS marriage_known
          FROM persons p LEFT JOIN women w ON w.person_id = p.id
          WHERE NOT EXISTS (SELECT 1 FROM person_events e WHERE e.person_id = p.id)),
        facts AS (
          SELECT p.*, {(int)PersonEventKind.Registered} AS kind, birth_date AS date, NULL::varchar AS place FROM p
          UNION ALL SELECT p.*, {(int)PersonEventKind.MoveIn}, moved_in_on, NULL FROM p WHERE moved_in_on > birth_date
          UNION ALL SELECT p.*, {(int)PersonEventKind.Marital}, married_on, NULL FROM p WHERE marriage_known
          UNION ALL SELECT p.*, {(int)PersonEventKind.MoveOut}, moved_out_on, moved_out_to FROM p WHERE moved_out_on IS NOT NULL
          UNION ALL SELECT p.*, {(int)PersonEventKind.Death}, died_on, NULL FROM p WHERE died_on IS NOT NULL)
        INSERT INTO person_events (person_id, kind, date, township_code, village_code, household_id, residence, marital_status,
                                   present, valid_to, counts_as_death, place)
        SELECT id, kind, date, township_code, village_code, household_id, residence,
               CASE WHEN marriage_known AND (date, kind) < (married_on, {(int)PersonEventKind.Marital})
                    THEN {(int)MaritalStatus.Unmarried} ELSE marital_status END,
               NOT (died_on IS NOT NULL AND (died_on, {(int)PersonEventKind.Death}) <= (date, kind))
                 AND NOT (moved_out_on IS NOT NULL AND (moved_out_on, {(int)PersonEventKind.MoveOut}) <= (date, kind))
                 AND (moved_in_on IS NULL OR moved_in_on <= birth_date OR (moved_in_on, {(int)PersonEventKind.MoveIn}) <= (date, kind)),
               lead(date) OVER (PARTITION BY id ORDER BY date, kind),
               kind = {(int)PersonEventKind.Death} AND NOT (moved_out_on IS NOT NULL AND moved_out_on <= died_on)
                 AND (moved_in_on IS NULL OR moved_in_on <= died_on),
               place
        FROM facts
        """;
}
