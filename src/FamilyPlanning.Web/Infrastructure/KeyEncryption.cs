using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>
/// The Data Protection keys (which sign cookies and antiforgery tokens) are stored in PostgreSQL so several portal
/// processes share them; with <c>DataProtection:KeyEncryptionKey</c> (32 random bytes, base64) each key's secret is
/// encrypted there with AES-256-GCM, so a copy of the database — or the app role, which can read the table — cannot forge
/// a sign-in. Without it the keys are stored in clear and the portal logs a warning at start.
/// </summary>
public static class KeyEncryption
{
    public const string Setting = "DataProtection:KeyEncryptionKey";

    public static IDataProtectionBuilder ProtectKeysWithConfiguredKey(this IDataProtectionBuilder builder, IConfiguration config)
    {
        if (Key(config) is null) return builder;
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlEncryptor = new AesGcmXmlEncryptor(sp.GetRequiredService<IConfiguration>())));
        return builder;
    }

    /// <summary>The configured key, or null when none is set; a malformed one stops the portal with a message naming the setting.</summary>
    public static byte[]? Key(IConfiguration config)
    {
        var text = config[Setting];
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var key = Convert.FromBase64String(text.Trim());
            if (key.Length == 32) return key;
        }
        catch (FormatException) { }
        throw new InvalidOperationException($"{Setting} 应为32字节随机数的Base64编码（例如 openssl rand -base64 32 的输出）");
    }

    public sealed class AesGcmXmlEncryptor(IConfiguration config) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement)
        {
            var key = Key(config) ?? throw new InvalidOperationException($"{Setting} is not set");
            var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
            var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
            var cipher = new byte[plain.Length];
            var tag = new byte[AesGcm.TagByteSizes.MaxSize];
            using (var aes = new AesGcm(key, tag.Length)) aes.Encrypt(nonce, plain, cipher, tag);
            var element = new XElement("aesGcmEncrypted",
                new XElement("nonce", Convert.ToBase64String(nonce)),
                new XElement("tag", Convert.ToBase64String(tag)),
                new XElement("value", Convert.ToBase64String(cipher)));
            return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
        }
    }

    /// <summary>Made by the Data Protection system through its (IServiceProvider) constructor.</summary>
    public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
    {
        public XElement Decrypt(XElement encryptedElement)
        {
            var key = Key(services.GetRequiredService<IConfiguration>())
                ?? throw new InvalidOperationException($"{Setting} is not set, but the stored keys are encrypted with it");
            var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
            var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
            var cipher = Convert.FromBase64String((string)encryptedElement.Element("value")!);
            var plain = new byte[cipher.Length];
            using (var aes = new AesGcm(key, tag.Length)) aes.Decrypt(nonce, cipher, tag, plain);
            return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
        }
    }
}
