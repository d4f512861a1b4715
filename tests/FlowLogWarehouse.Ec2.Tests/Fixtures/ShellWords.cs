using System.Text;

namespace FlowLogWarehouse.Ec2.Tests.Fixtures;

/// <summary>Splits a command line as a POSIX shell would: blanks, single quotes, double quotes, backslashes.</summary>
public static class ShellWords
{
    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case ' ' or '\t' or '\n':
                    if (inWord)
                        words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                    break;
                case '\'':
                    var close = line.IndexOf('\'', i + 1);
                    Assert.True(close > i, $"unclosed single quote in: {line}");
                    word.Append(line, i + 1, close - i - 1);
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    for (i++; line[i] != '"'; i++)
                        word.Append(line[i] == '\\' && line[i + 1] is '"' or '\\' or '$' or '`' ? line[++i] : line[i]);
                    inWord = true;
                    break;
                case '\\':
                    word.Append(line[++i]);
                    inWord = true;
                    break;
                case '$' or '`' or ';' or '&' or '|' or '<' or '>' or '(' or ')' or '*' or '?':
                    Assert.Fail($"'{c}' outside quotes would mean something to the shell: {line}");
                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }
        if (inWord)
            words.Add(word.ToString());
        return words;
    }
}
