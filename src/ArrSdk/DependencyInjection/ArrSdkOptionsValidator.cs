using ArrSdk.Authentication;
using Microsoft.Extensions.Options;

namespace ArrSdk.DependencyInjection;

/// <summary>Checks <see cref="ArrSdkOptions"/> at start-up, naming the setting that is wrong, never its secret value.</summary>
internal sealed class ArrSdkOptionsValidator : IValidateOptions<ArrSdkOptions>
{
    private const string Prefix = ArrSdkOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, ArrSdkOptions options)
    {
        var failures = new List<string>();
        var hasKey = !string.IsNullOrWhiteSpace(options.AccountKey);
        var hasId = !string.IsNullOrWhiteSpace(options.AccountId);
        var hasToken = !string.IsNullOrWhiteSpace(options.AccessToken);

        if (hasToken && hasKey)
        {
            failures.Add($"{Prefix}AccessToken and {Prefix}AccountKey are both set; use one way to authenticate.");
        }
        else if (hasToken)
        {
            if (!JwtExpiry.TryRead(options.AccessToken, out _))
            {
                failures.Add($"{Prefix}AccessToken is not a JWT with an 'exp' claim.");
            }
        }
        else
        {
            if (!hasId)
            {
                failures.Add($"{Prefix}AccountId is missing (the Mixed Reality account id, a GUID).");
            }
            else if (!Guid.TryParse(options.AccountId, out _))
            {
                failures.Add($"{Prefix}AccountId '{options.AccountId}' is not a GUID.");
            }

            if (!hasKey)
            {
                failures.Add($"{Prefix}AccountKey is missing.");
            }
        }

        try
        {
            StsEndpoints.Resolve(options.AccountDomain, Prefix + nameof(ArrSdkOptions.AccountDomain));
        }
        catch (ArgumentException exception)
        {
            failures.Add(exception.Message.Split(" (Parameter")[0]);
        }

        if (options.RemoteRenderingDomain is not null)
        {
            try
            {
                ArrSdk.RemoteRendering.RemoteRenderingEndpoints.Resolve(options.RemoteRenderingDomain, Prefix + nameof(ArrSdkOptions.RemoteRenderingDomain));
            }
            catch (ArgumentException exception)
            {
                failures.Add(exception.Message.Split(" (Parameter")[0]);
            }
        }

        var retry = options.Retry;
        if (retry.MaxRetryAttempts < 0 || retry.AttemptTimeout <= TimeSpan.Zero || retry.TotalTimeout <= TimeSpan.Zero || retry.BaseDelay < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}Retry needs MaxRetryAttempts >= 0, BaseDelay >= 0 and positive AttemptTimeout and TotalTimeout.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
