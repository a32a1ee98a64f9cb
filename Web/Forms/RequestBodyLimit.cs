using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CareerConv.Web.Forms;

/// <summary>
/// Caps how much of a request body a handler reads, also when the client sends no Content-Length
/// (chunked transfer encoding). Reading past the cap raises a <see cref="BadHttpRequestException"/>
/// with status 413, which <see cref="Routing.WebEndpoint"/> turns into a problem response.
/// </summary>
public static class RequestBodyLimit
{
    /// <summary>Replaces the request body with one that rejects reads past <paramref name="maxBytes"/>.</summary>
    public static void Apply(HttpRequest request, long maxBytes, string message)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        request.Body = new LimitedStream(request.Body, maxBytes, message);
    }

    sealed class LimitedStream(Stream inner, long maxBytes, string message) : Stream
    {
        long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        int Count(int bytes)
        {
            read += bytes;
            if (read > maxBytes)
            {
                throw new BadHttpRequestException(message, StatusCodes.Status413PayloadTooLarge);
            }

            return bytes;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
