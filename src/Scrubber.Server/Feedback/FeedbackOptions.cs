using System.ComponentModel.DataAnnotations;

namespace Scrubber.Server.Feedback;

/// <summary>Feedback report settings; the <c>Feedback</c> section of the settings.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>Denials of one code pair in one ISO week that make it a repeat offender on the weekly dashboard. Default 3.</summary>
    [Range(1, 10_000)]
    public int RepeatOffenderThreshold { get; set; } = Scrubber.Audit.Reports.WeeklyDashboard.DefaultRepeatThreshold;
}
