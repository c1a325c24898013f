namespace Waldur.GraphGateway.Loading.Paging;

/// <summary><see cref="PageCount"/> consecutive Waldur pages of <see cref="PageSize"/> rows from <see cref="FirstPage"/> (1-based).</summary>
internal readonly record struct PageChoice(int PageSize, int FirstPage, int PageCount)
{
    public int Start => (FirstPage - 1) * PageSize;

    public int End => (FirstPage - 1 + PageCount) * PageSize;
}
