using Microsoft.Extensions.Options;

namespace BIS.Ingest.Alarms;

/// <summary>Webhooks checked at start-up: a typo in a URL must not be found the night the hydrant feed goes stale.</summary>
public sealed class AlarmOptionsValidator : IValidateOptions<AlarmOptions>
{
    public ValidateOptionsResult Validate(string? name, AlarmOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var webhook = options.Webhooks[i];
            var at = $"{AlarmOptions.Section}:Webhooks:{i}";
            if (string.IsNullOrWhiteSpace(webhook.Name))
            {
                failures.Add($"{at}:Name is required.");
            }

            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{at}:Url must be an absolute http(s) URL.");
            }

            if (webhook.Secret.Length < 16)
            {
                failures.Add($"{at}:Secret must be at least 16 characters (it keys the HMAC signature).");
            }
        }

        failures.AddRange(options.Webhooks.GroupBy(w => w.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{AlarmOptions.Section}:Webhooks: the name '{g.Key}' is used twice."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
