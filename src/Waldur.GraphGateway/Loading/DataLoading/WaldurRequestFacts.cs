namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// What this request has learnt about Waldur that makes later fetches cheaper: the total number of images, from any
/// unfiltered list's <c>X-Result-Count</c> (U19). Scoped; never shared between callers (visibility may differ).
/// </summary>
public sealed class WaldurRequestFacts
{
    private int _imageTotal = -1;

    public int? ImageTotal => Volatile.Read(ref _imageTotal) is var total && total >= 0 ? total : null;

    public void ObserveImageTotal(int total)
    {
        if (total >= 0)
            Volatile.Write(ref _imageTotal, total);
    }
}
