using System.Net;
using System.Net.Http.Json;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Tests;

/// <summary>The admin change route retrying a step that failed for good, on the engine with the virtual clock.</summary>
public sealed class RetryStepRouteTests
{
    [Fact]
    public async Task RetryStep_AfterPermanentFailure_DeliversOnce()
    {
        OutageSender? sender = null;
        await using var app = await WebApp.StartAsync(services => services.AddSingleton<IMessageSender>(provider =>
            sender = new OutageSender(new InMemoryMessageSender(provider.GetRequiredService<TimeProvider>()))));
        var input = await app.StartConversationAsync();

        // Activity retries wait 5, 10, 20 and 40 seconds; after the fifth failure the step shows as failed.
        await app.Clock.AdvanceByAsync(TimeSpan.FromMinutes(2));
        var failed = await app.StatusAsync(input.InstanceId);
        sender!.Down = false;
        using var request = WebApp.Admin(HttpMethod.Post, "/api/admin/conversations/changes",
            JsonContent.Create(new { cycle = input.Cycle, staffNumber = input.Staff.StaffNumber, change = "RetryStep" }));
        using var response = await app.Client.SendAsync(request);
        await app.WaitForIdleAsync();
        var retried = await app.StatusAsync(input.InstanceId);

        Assert.Contains("failed after 5 attempts", failed.Failure, StringComparison.Ordinal);
        Assert.Contains("SMTP relay unreachable", failed.Failure, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Null(retried.Failure);
        Assert.Equal([MessageKind.MeetingRequest, MessageKind.ReflectionInvitation], sender.Inner.Sent.Select(m => m.Message.Kind));
        Assert.Equal(0, sender.Inner.DuplicateCalls);
        Assert.Equal(5, sender.Rejected);
    }

    /// <summary>A sender whose mail service is down until the test sets <see cref="Down"/> to false.</summary>
    sealed class OutageSender(InMemoryMessageSender inner) : IMessageSender
    {
        int rejected;

        public InMemoryMessageSender Inner => inner;

        public bool Down { get; set; } = true;

        /// <summary>Send calls rejected while the service was down.</summary>
        public int Rejected => Volatile.Read(ref rejected);

        public Task<bool> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            if (!Down)
            {
                return inner.SendAsync(message, cancellationToken);
            }

            Interlocked.Increment(ref rejected);
            throw new HttpRequestException($"SMTP relay unreachable while sending {message.Id}.");
        }
    }
}
