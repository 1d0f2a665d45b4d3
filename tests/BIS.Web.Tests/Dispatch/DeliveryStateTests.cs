using BIS.Web.Pages.Dispatch;
using BIS.Web.Units;
using Bunit;

namespace BIS.Web.Tests.Dispatch;

/// <summary>One unit's line in the console's delivery column: the three steps with their times, the crew's status, the ack deadline.</summary>
public sealed class DeliveryStateTests : BunitContext
{
    private static readonly DateTimeOffset Created = new(2026, 12, 3, 14, 3, 1, TimeSpan.Zero);

    private static UnitDelivery Delivery(double? sent, double? received, double? shown, string status = "dispatched", string kind = "assigned") =>
        new(41, "E5", 7, kind, Created, At(sent), At(received), At(shown), status);

    private static DateTimeOffset? At(double? seconds) => seconds is { } s ? Created.AddSeconds(s) : null;

    private IRenderedComponent<DeliveryState> Show(UnitDelivery delivery, double nowSeconds) =>
        Render<DeliveryState>(p => p
            .Add(c => c.Delivery, delivery)
            .Add(c => c.Now, Created.AddSeconds(nowSeconds))
            .Add(c => c.AckWarningSeconds, 30));

    [Fact]
    public void An_acknowledged_unit_shows_sent_received_and_acknowledged_times_and_its_status_with_no_warning()
    {
        var line = Show(Delivery(1, 2, 4, status: "enroute"), nowSeconds: 600);

        var local = (double s) => Created.AddSeconds(s).ToLocalTime().ToString("HH:mm:ss");
        Assert.Equal($"sent {local(1)} · received {local(2)} · acknowledged {local(4)}",
            string.Join(" ", line.Find(".delivery-steps").TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("en route", line.Find(".delivery-status").TextContent);
        Assert.Equal("E5", line.Find(".delivery-unit").TextContent);
        Assert.Empty(line.FindAll(".delivery-warning"));
        Assert.DoesNotContain("delivery-overdue", line.Find("li").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_that_received_but_has_not_acknowledged_is_marked_only_once_the_deadline_after_sending_has_passed()
    {
        Assert.Empty(Show(Delivery(1, 2, null), nowSeconds: 30).FindAll(".delivery-warning"));

        var late = Show(Delivery(1, 2, null), nowSeconds: 46);
        Assert.Contains("delivery-overdue", late.Find("li").ClassName, StringComparison.Ordinal);
        Assert.Equal("⚠ Not acknowledged after 45 s — radio E5", late.Find(".delivery-warning").TextContent);
        Assert.Equal("alert", late.Find(".delivery-warning").GetAttribute("role"));
        Assert.Equal("not acknowledged", late.Find(".delivery-steps .delivery-pending").TextContent);
    }

    [Fact]
    public void A_message_never_sent_counts_from_when_it_was_written_and_says_not_sent()
    {
        var line = Show(Delivery(null, null, null), nowSeconds: 31);

        Assert.Equal(["not sent", "not received", "not acknowledged"], line.FindAll(".delivery-pending").Select(e => e.TextContent));
        Assert.Equal("⚠ Not acknowledged after 31 s — radio E5", line.Find(".delivery-warning").TextContent);
    }

    [Fact]
    public void An_update_is_labelled_so_the_acknowledgement_is_read_as_the_updates()
    {
        var line = Show(Delivery(1, 2, null, status: "onscene", kind: "changed"), nowSeconds: 5);

        Assert.Equal("update", line.Find(".delivery-kind").TextContent);
        Assert.Equal("on scene", line.Find(".delivery-status").TextContent);
    }
}
