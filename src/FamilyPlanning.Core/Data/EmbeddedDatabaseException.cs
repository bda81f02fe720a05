namespace FamilyPlanning.Core.Data;

/// <summary>
/// The embedded PostgreSQL could not be set up or started. The message is the whole story for the person at the console,
/// in Chinese: which folder, why, and what to do. The portal prints it and exits non-zero, without a stack trace.
/// </summary>
public sealed class EmbeddedDatabaseException(string message, Exception? inner = null) : Exception(message, inner);
