using System.Net;
using ArrSdk.RemoteRendering;
using ArrSdk.Tests.Infrastructure;

namespace ArrSdk.Tests;

/// <summary>Asset conversions end to end against the emulator over loopback.</summary>
public sealed class RemoteRenderingConversionTests
{
    [Fact]
    public async Task A_conversion_goes_NotStarted_Running_Succeeded_with_its_output_uri()
    {
        await using var arr = await ArrFixture.StartAsync();
        var seen = new List<ConversionStatus>();

        var done = await arr.Drive(arr.Client.StartConversionAsync("c-1", ArrFixture.Settings(), new SynchronousProgress<Conversion>(c => seen.Add(c.Status))));

        Assert.Equal(ConversionStatus.Succeeded, done.Status);
        Assert.Equal([ConversionStatus.NotStarted, ConversionStatus.Running, ConversionStatus.Succeeded], seen.Distinct());
        Assert.Equal("https://contosostorage01.blob.core.windows.net/arroutput/out/house.arrAsset", done.Output?.OutputAssetUri);
        Assert.Null(done.Error);
    }

    [Fact]
    public async Task A_missing_input_asset_fails_the_conversion_with_the_service_error()
    {
        var folder = Directory.CreateTempSubdirectory("arr-assets-");
        try
        {
            await using var arr = await ArrFixture.StartAsync(o => o.AssetFolder = folder.FullName);
            Directory.CreateDirectory(Path.Combine(folder.FullName, "arrinput", "models"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "arrinput", "models", "house.fbx"), "fbx");

            var ok = await arr.Drive(arr.Client.StartConversionAsync("c-ok", ArrFixture.Settings("house.fbx")));
            var error = await Assert.ThrowsAsync<RemoteRenderingException>(() => arr.Drive(arr.Client.StartConversionAsync("c-missing", ArrFixture.Settings("barrel.fbx"))));

            Assert.Equal(ConversionStatus.Succeeded, ok.Status);
            Assert.Equal("InputAssetNotFound", error.ErrorCode);
            Assert.Contains("Failed", error.Message, StringComparison.Ordinal);
            Assert.Equal(ConversionStatus.Failed, (await arr.Client.GetConversionAsync("c-missing")).Status);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_invalid_input_location_is_a_400_with_the_target()
    {
        await using var arr = await ArrFixture.StartAsync();
        var settings = ArrFixture.Settings();
        var bad = new ConversionSettings
        {
            InputLocation = new ConversionInputSettings { StorageContainerUri = "not a uri", RelativeInputAssetPath = "house.fbx" },
            OutputLocation = settings.OutputLocation,
        };

        var error = await Assert.ThrowsAsync<RemoteRenderingException>(() => arr.Client.CreateConversionAsync("c-bad", bad));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("settings.inputLocation.storageContainerUri", error.ServiceError?.Target);
    }

    [Fact]
    public async Task A_repeated_identical_create_returns_the_conversion_and_a_different_one_is_409()
    {
        await using var arr = await ArrFixture.StartAsync();
        var first = await arr.Client.CreateConversionAsync("c-2", ArrFixture.Settings());

        var again = await arr.Client.CreateConversionAsync("c-2", ArrFixture.Settings());
        var conflict = await Assert.ThrowsAsync<RemoteRenderingException>(() => arr.Client.CreateConversionAsync("c-2", ArrFixture.Settings("other.fbx")));

        Assert.Equal(first.CreationTime, again.CreationTime);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task An_unknown_conversion_is_a_404()
    {
        await using var arr = await ArrFixture.StartAsync();

        var error = await Assert.ThrowsAsync<RemoteRenderingException>(() => arr.Client.GetConversionAsync("nothing"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Listing_follows_nextLink_across_three_or_more_pages()
    {
        await using var arr = await ArrFixture.StartAsync(o => o.PageSize = 3);
        for (var i = 0; i < 10; i++)
        {
            await arr.Client.CreateConversionAsync($"list-{i}", ArrFixture.Settings());
            arr.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var all = await arr.Client.ListConversionsAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"list-{i}"), all.Select(c => c.Id));
    }
}
