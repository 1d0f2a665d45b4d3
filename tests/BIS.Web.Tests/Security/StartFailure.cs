namespace BIS.Web.Tests.Security;

/// <summary>What BIS said when it refused to start: the messages of an exception and all its inner ones.</summary>
public static class StartFailure
{
    public static string MessagesOf(Exception? error)
    {
        var messages = new List<string>();
        for (; error is not null; error = error.InnerException)
        {
            messages.Add(error.Message);
        }

        return string.Join(" | ", messages);
    }
}
