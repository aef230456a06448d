using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Admin;

public sealed class AdminApiFailureTests
{
    [Fact]
    public async Task Deposit_StoreThrows_500JsonWithoutStackTraceAndNothingChanged()
    {
        var store = new FailingStore(new InMemorySandboxStore());
        var app = SandboxHost.Build(new SandboxOptions { InMemory = true, AdminToken = AdminServer.Token }, "http://127.0.0.1:0", new FakeTimeProvider(), store);
        await app.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.BoundUrls()[0]) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminServer.Token);
            (await http.PostAsync("admin/accounts", new StringContent("{\"name\":\"desk\"}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
            store.FailNext = true;

            using var response = await http.PostAsync("admin/deposits", new StringContent("{\"account\":\"desk\",\"asset\":\"ZUSD\",\"amount\":\"5\"}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
            text.ShouldContain("internal error");
            text.ShouldNotContain("disk is full");
            text.ShouldNotContain(" at ");
            app.GetExchange().AllEntries().ShouldBeEmpty();
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("accounts")]
    [InlineData("keys")]
    [InlineData("deposits")]
    [InlineData("faults")]
    public async Task Post_BodyNotUtf8_400JsonSayingSoNothingChanged(string route)
    {
        await using var server = await AdminServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminServer.Token);
        using var content = new ByteArrayContent([.. Encoding.ASCII.GetBytes("{\"name\":\""), 0xC3, 0x28, 0xFF, .. Encoding.ASCII.GetBytes("\",\"account\":\"x\"}")]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await http.PostAsync("admin/" + route, content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        text.ShouldStartWith("{\"error\":");
        text.ShouldContain("not valid UTF-8");
        server.Exchange.Accounts.ShouldBeEmpty();
    }
}
