namespace NegotiationEditor.Crdt;

/// <summary>JavaScript-style comparisons of values as Yjs makes them for formatting attributes.</summary>
internal static class JsValues
{
    /// <summary>JavaScript <c>===</c>: primitives by value, objects by reference.</summary>
    public static bool StrictEquals(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a == null || b == null)
        {
            return false;
        }

        switch (a)
        {
            case string sa:
                return b is string sb && sa == sb;
            case bool ba:
                return b is bool bb && ba == bb;
        }

        if (IsNumber(a) && IsNumber(b))
        {
            return ToDouble(a) == ToDouble(b);
        }

        return false;
    }

    /// <summary>JavaScript <c>value || null</c>: falsy values (false, 0, NaN, "", undefined) become null.</summary>
    public static object? OrNull(object? value) => value switch
    {
        null => null,
        bool b => b ? value : null,
        string s => s.Length > 0 ? value : null,
        Encoding.Undefined => null,
        double d => d == 0 || double.IsNaN(d) ? null : value,
        float f => f == 0 || float.IsNaN(f) ? null : value,
        long l => l == 0 ? null : value,
        int i => i == 0 ? null : value,
        _ => value,
    };

    /// <summary>Yjs <c>equalAttrs</c>: strict equality, or flat equality of two objects.</summary>
    public static bool AttributesEqual(object? a, object? b)
    {
        if (StrictEquals(a, b))
        {
            return true;
        }

        if (a is IDictionary<string, object?> da && b is IDictionary<string, object?> db)
        {
            if (da.Count != db.Count)
            {
                return false;
            }

            foreach (var (key, value) in da)
            {
                if (!db.TryGetValue(key, out var other) || !StrictEquals(value, other))
                {
                    return false;
                }
            }

            return true;
        }

        if (a is IReadOnlyDictionary<string, object?> ra && b is IReadOnlyDictionary<string, object?> rb)
        {
            if (ra.Count != rb.Count)
            {
                return false;
            }

            foreach (var (key, value) in ra)
            {
                if (!rb.TryGetValue(key, out var other) || !StrictEquals(value, other))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    private static bool IsNumber(object value) =>
        value is int or long or double or float or short or sbyte or byte or ushort or uint or ulong or decimal;

    private static double ToDouble(object value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}
