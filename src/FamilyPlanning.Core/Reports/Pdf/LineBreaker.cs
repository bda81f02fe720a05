namespace FamilyPlanning.Core.Reports.Pdf;

/// <summary>
/// Line breaking for Chinese text (PDFsharp's formatter breaks only at spaces): a line may break between any two Chinese
/// characters, Latin words and numbers stay whole when they fit, closing punctuation (，。、；：！？）》」』%‰) never starts a line
/// and opening punctuation (（《「『) never ends one — the character before is carried down with it (避头尾).
/// </summary>
public static class LineBreaker
{
    private const string NoLineStart = "，。、；：！？）》」』〕】”’,.;:!?)%‰…";
    private const string NoLineEnd = "（《「『〔【“‘(";

    public static List<string> Break(string text, double maxWidth, Func<string, double> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
            BreakParagraph(paragraph, maxWidth, measure, lines);
        return lines;
    }

    private static void BreakParagraph(string text, double maxWidth, Func<string, double> measure, List<string> lines)
    {
        var tokens = Tokens(text);
        var line = "";
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (line.Length == 0 || measure(line + token) <= maxWidth)
            {
                line += token;
                i++;
                continue;
            }
            // The token does not fit. Keep closing punctuation off the next line's start and opening punctuation off this
            // line's end by carrying the last token of this line down.
            var carry = "";
            if (NoLineStart.Contains(token[0]) || NoLineEnd.Contains(line[^1]))
            {
                // Carry tokens down until the new line starts with something that may start a line (「进度）。」 moves
                // 度 too, not just the bracket).
                do
                {
                    var last = LastUnitLength(line);
                    if (last >= line.Length) break;
                    carry = line[^last..] + carry;
                    line = line[..^last];
                } while ((NoLineStart.Contains(carry[0]) || NoLineEnd.Contains(line[^1])) && line.Length > 1);
            }
            lines.Add(line.TrimEnd());
            line = carry;
            if (line.Length == 0 && token == " ") i++; // a space at a break is dropped
        }
        lines.Add(line.TrimEnd());
    }

    /// <summary>Characters, except runs of Latin letters and digits (a word, a number like 57727 or 8.04) stay together.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (IsWordChar(text[i]))
            {
                var start = i;
                while (i < text.Length && (IsWordChar(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))) i++;
                tokens.Add(text[start..i]);
            }
            else tokens.Add(text[i++].ToString());
        }
        return tokens;
    }

    private static int LastUnitLength(string line)
    {
        if (!IsWordChar(line[^1])) return 1;
        var n = 0;
        while (n < line.Length && (IsWordChar(line[^(n + 1)]) || line[^(n + 1)] == '.')) n++;
        return n < line.Length ? n : 1;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);
}
