namespace Waldur.GraphGateway.Loading;

/// <summary>How a <see cref="ListPlan"/> is answered (see <see cref="ListPlanner"/> for when each is chosen).</summary>
internal enum ListPlanKind
{
    /// <summary>Only the total is asked for: one HEAD, or a count the request already knows (U19a).</summary>
    Count,

    /// <summary>Positions of Waldur's own order, read from the Waldur page that holds them (generated lists, no <c>order</c>).</summary>
    WaldurPage,

    /// <summary>A slice of an order Waldur starts itself, from one Waldur page chosen to contain it (U15, U16).</summary>
    Window,

    /// <summary>Every row for the pushed filters, filtered, sorted and sliced in the gateway within the scan budget.</summary>
    Scan,

    /// <summary>Rows already in hand (one parent's share of a batch): filtered, sorted and sliced as a scan is.</summary>
    GivenRows,
}
