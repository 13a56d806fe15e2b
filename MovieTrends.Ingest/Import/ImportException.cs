namespace MovieTrends.Ingest.Import;

/// <summary>A file that cannot be imported at all; the message says what to fix, in one line.</summary>
public sealed class ImportException(string message, Exception? innerException = null)
    : Exception(message, innerException);
