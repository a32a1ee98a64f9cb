using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace CareerConv.Web.Routing;

/// <summary>JSON settings and body reading shared by the JSON routes.</summary>
public static class WebJson
{
    /// <summary>The largest JSON body a route reads, in bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Reads and parses the body; a malformed or oversized body gives a 400 with the reason.</summary>
    public static async Task<T?> ReadBodyAsync<T>(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new BadHttpRequestException($"The body is larger than {MaxBodyBytes} bytes.", 413);
        }

        try
        {
            using var buffer = await ReadLimitedAsync(request.Body, request.HttpContext.RequestAborted);
            return buffer.Length == 0 ? default : await JsonSerializer.DeserializeAsync<T>(buffer, Options);
        }
        catch (JsonException ex)
        {
            throw new BadHttpRequestException($"The body is not valid JSON for this route: {ex.Message}");
        }
    }

    /// <summary>Copies at most <see cref="MaxBodyBytes"/> bytes, so a body without a length cannot exhaust memory.</summary>
    static async Task<MemoryStream> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                await buffer.DisposeAsync();
                throw new BadHttpRequestException($"The body is larger than {MaxBodyBytes} bytes.", 413);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }
}
