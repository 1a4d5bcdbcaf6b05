using System;
using System.IO;
using System.Text;

namespace Opper.Traces.Cli.Output;

/// <summary>
/// Writes a command's output file: next to the target first, then moved into place, so that a
/// failure never leaves a half-written file or destroys an existing one.
/// </summary>
internal static class OutputFile
{
    /// <summary>Writes the file through <paramref name="write"/> (UTF-8 without a byte order mark) and returns what it returned.</summary>
    /// <exception cref="CliException">The path is not valid, is a directory, or cannot be written (exit code 2).</exception>
    public static T Write<T>(string path, Func<TextWriter, T> write)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw CliException.Usage("Cannot write '" + Text.Preview(path, 200) + "': " + ex.Message, ex);
        }

        if (Directory.Exists(full))
        {
            throw CliException.Usage("Cannot write '" + Text.Preview(path, 200) + "': it is a directory.");
        }

        string temporary = full + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
        try
        {
            T result;
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
            {
                result = write(writer);
            }

            File.Move(temporary, full, overwrite: true);
            return result;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw CliException.Usage("Cannot write '" + Text.Preview(path, 200) + "': " + ex.Message, ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the message about the failed write matters more.
        }
    }
}
