using System.ComponentModel.DataAnnotations;
using BIS.Domain.Feeds;
using Microsoft.Extensions.Options;
using Quartz;

namespace BIS.Ingest.Feeds;

/// <summary>Checks every configured feed at start-up: known name, valid cron, a source name, at least one input.</summary>
public sealed class FeedsOptionsValidator : IValidateOptions<FeedsOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedsOptions options)
    {
        var errors = new List<string>();
        foreach (var (slug, source) in options.Sources)
        {
            if (!FeedKindNames.TryParse(slug, out _))
            {
                errors.Add($"Feeds:Sources:{slug} is not one of the seven feeds ({string.Join(", ", Enum.GetValues<FeedKind>().Select(f => f.Slug()))}).");
            }

            if (!IsValidCron(source.Cron))
            {
                errors.Add($"Feeds:Sources:{slug}:Cron '{source.Cron}' is not a valid Quartz cron expression.");
            }

            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(source, new ValidationContext(source), results, validateAllProperties: true))
            {
                errors.AddRange(results.Select(r => $"Feeds:Sources:{slug}: {r.ErrorMessage}"));
            }

            foreach (var file in source.Files)
            {
                if (string.IsNullOrWhiteSpace(file.Role) || string.IsNullOrWhiteSpace(file.Location))
                {
                    errors.Add($"Feeds:Sources:{slug}:Files: every file needs a Role and a Location.");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsValidCron(string? cron)
    {
        try
        {
            _ = CronExpression.Parse(cron ?? string.Empty);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
