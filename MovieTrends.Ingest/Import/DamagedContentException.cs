namespace MovieTrends.Ingest.Import;

/// <summary>
/// The CSV text itself cannot be a complete TMDB file (a NUL byte, a quoted field still open at the end),
/// so no part of it is imported. The message reads after the file's name: "is damaged: ...".
/// </summary>
internal sealed class DamagedContentException(string message) : Exception(message);
