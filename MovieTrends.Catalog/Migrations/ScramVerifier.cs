using System.Security.Cryptography;
using System.Text;

namespace MovieTrends.Catalog.Migrations;

/// <summary>
/// The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 7677, as <c>pg_authid.rolpassword</c> holds
/// it). Setting a role's password as its verifier keeps the password itself out of the statement, and so out of
/// traces, server logs and <c>pg_stat_statements</c>.
/// </summary>
public static class ScramVerifier
{
    private const int Iterations = 4096;

    public static string For(string password)
    {
        // PostgreSQL normalises a password with SASLprep before hashing; printable ASCII is its own normal form.
        if (password.Length == 0 || password.Any(c => c is < '!' or > '~'))
        {
            throw new ArgumentException("A role password must be non-empty printable ASCII without spaces.", nameof(password));
        }

        var salt = RandomNumberGenerator.GetBytes(16);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
