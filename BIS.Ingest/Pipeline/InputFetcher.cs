using System.Security.Cryptography;
using System.Text.Json;
using BIS.Ingest.Feeds;
using Microsoft.Extensions.Options;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// Takes a private snapshot of every input of a run (copying local files, downloading URLs and
/// following "next" links of paged APIs) and fingerprints it. Readers then see bytes that cannot
/// change under them, even when the publisher appends rows mid-export.
/// </summary>
public sealed class InputFetcher(IHttpClientFactory httpClients, IOptions<IngestOptions> ingestOptions)
{
    public const string HttpClientName = "feed-inputs";
    private const int MaxPages = 10_000;

    public async Task<FetchedInput> FetchAsync(FeedSourceOptions feed, string baseDirectory, CancellationToken cancellationToken)
    {
        if (feed.Files.Count == 0)
        {
            throw new FeedRefusedException("No input file is configured for this feed.");
        }

        var directory = RunDirectory.Create(RunDirectory.RootFor(ingestOptions.Value));
        var fetched = new FetchedInput(directory);
        try
        {
            using var checksum = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var files = new List<FeedFile>();
            var index = 0;
            foreach (var file in feed.Files)
            {
                var location = file.Location;
                var pages = 0;
                while (location is not null)
                {
                    if (++pages > MaxPages)
                    {
                        throw new FeedRefusedException($"{file.Location}: more than {MaxPages} pages; refusing a runaway paged source.");
                    }

                    var local = Path.Combine(directory.FullName, $"{index++:D4}-{file.Role}");
                    await CopyAsync(location, baseDirectory, local, checksum, cancellationToken);
                    files.Add(new FeedFile(file.Role, local, location));
                    location = file.Paged ? NextPage(local, location) : null;
                }
            }

            fetched.Input = new FeedInput(files);
            fetched.Checksum = Convert.ToHexString(checksum.GetHashAndReset());
            return fetched;
        }
        catch
        {
            fetched.Dispose();
            throw;
        }
    }

    private async Task CopyAsync(string location, string baseDirectory, string destination, IncrementalHash checksum, CancellationToken cancellationToken)
    {
        await using var target = File.Create(destination);
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new FeedRefusedException($"{location} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var received = await CopyLimitedAsync(body, target, checksum, location, cancellationToken);
            if (response.Content.Headers.ContentLength is { } promised && promised != received)
            {
                throw new FeedRefusedException(
                    $"{location} sent {received:N0} of the {promised:N0} bytes it announced: the download is incomplete; the last good data stays live.");
            }

            return;
        }

        var path = Path.IsPathRooted(location) ? location : Path.Combine(baseDirectory, location);
        var before = new FileInfo(path);
        if (!before.Exists)
        {
            throw new FeedRefusedException($"Input file {path} does not exist.");
        }

        long copied;
        await using (var source = File.OpenRead(path))
        {
            copied = await CopyLimitedAsync(source, target, checksum, location, cancellationToken);
        }

        // An export still being written (appended to, or rewritten in place) would be snapshotted half way and
        // its missing records deleted as gone: the snapshot is only taken of a file that held still.
        var after = new FileInfo(path);
        if (!after.Exists || after.Length != before.Length || copied != before.Length || after.LastWriteTimeUtc != before.LastWriteTimeUtc)
        {
            throw new FeedRefusedException(
                $"Input file {path} changed while it was being copied ({before.Length:N0} bytes when the copy started, " +
                $"{(after.Exists ? after.Length : 0):N0} when it ended): it is still being written. The last good data stays live; the next run takes the finished file.");
        }
    }

    /// <returns>The bytes copied.</returns>
    private async Task<long> CopyLimitedAsync(Stream source, Stream target, IncrementalHash checksum, string location, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > ingestOptions.Value.MaxInputBytes)
            {
                throw new FeedRefusedException($"{location} is larger than the {ingestOptions.Value.MaxInputBytes:N0}-byte limit.");
            }

            checksum.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    private static string? NextPage(string localFile, string currentLocation)
    {
        try
        {
            using var stream = File.OpenRead(localFile);
            using var document = JsonDocument.Parse(stream);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("next", out var next)
                && next.ValueKind == JsonValueKind.String
                && next.GetString() is { Length: > 0 } url)
            {
                // Relative "next" links are resolved against the page that named them.
                return Uri.TryCreate(currentLocation, UriKind.Absolute, out var current) ? new Uri(current, url).ToString() : url;
            }

            return null;
        }
        catch (JsonException ex)
        {
            throw new FeedRefusedException($"{currentLocation} is not valid JSON: {ex.Message}");
        }
    }
}

/// <summary>The snapshot of a run's inputs; deleting it when the run is over.</summary>
public sealed class FetchedInput(RunDirectory directory) : IDisposable
{
    public FeedInput Input { get; set; } = new([]);
    public string Checksum { get; set; } = string.Empty;

    public void Dispose() => directory.Dispose();
}
