namespace CareerConv.Orchestrations.Contracts;

/// <summary>Turns a validation exception into the sentence shown to a person.</summary>
public static class ArgumentErrors
{
    /// <summary>Returns the exception's message without the " (Parameter 'name')" that .NET appends to it.</summary>
    public static string MessageOf(ArgumentException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.ParamName is null
            ? exception.Message
            : exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal);
    }
}
