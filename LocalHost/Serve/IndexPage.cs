namespace CareerConv.LocalHost.Serve;

/// <summary>The local host's start page: where to look next.</summary>
static class IndexPage
{
    public static string Render(bool inMemory) => $$"""
        <!DOCTYPE html>
        <html lang="en-GB"><head><meta charset="utf-8"><title>CareerConv local host</title></head>
        <body><main>
        <h1>CareerConv local host</h1>
        <p>{{(inMemory ? "In-memory engine: nothing survives a restart." : "Azure Storage backend on Azurite: conversations survive a restart.")}}</p>
        <ul>
        <li>Progress of the sample cycle: <code>/admin/progress?cycle=2026-27&amp;faculty=SCI</code> (needs the admin key as <code>?code=</code>)</li>
        <li><a href="/outbox">Outbox</a>: every email sent, with its action links{{(inMemory ? " (empty with the in-memory engine, whose mail stays in memory)" : string.Empty)}}</li>
        <li>Admin API: <code>/api/admin/...</code>, with the admin key in the <code>x-functions-key</code> header</li>
        </ul>
        </main></body></html>
        """;
}
