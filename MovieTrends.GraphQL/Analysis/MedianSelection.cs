namespace MovieTrends.GraphQL.Analysis;

/// <summary>
/// The median of a run of values by selection (expected linear time) rather than a full sort. Reorders the run.
/// Of an even count, the mean of the two middle values.
/// </summary>
public static class MedianSelection
{
    public static double Median(Span<double> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        var middle = values.Length / 2;
        var upper = Select(values, middle);
        if (values.Length % 2 == 1)
        {
            return upper;
        }

        // Selection leaves every value below the middle position at or below it: the lower middle is their maximum.
        var lower = values[0];
        foreach (var value in values[..middle])
        {
            lower = Math.Max(lower, value);
        }

        return (lower + upper) / 2;
    }

    /// <summary>Puts the k-th smallest value at position k, smaller-or-equal ones before it, and returns it.</summary>
    private static double Select(Span<double> values, int k)
    {
        var left = 0;
        var right = values.Length - 1;
        while (left < right)
        {
            // Median of three as the pivot: sorted or constant runs (common: many equal budgets) stay linear.
            var mid = left + ((right - left) / 2);
            var pivot = MedianOfThree(values[left], values[mid], values[right]);
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    private static double MedianOfThree(double a, double b, double c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
